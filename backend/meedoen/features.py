"""Every feature's API blueprint. A new feature adds its folder and one line here."""

from meedoen.auth import export as _auth_export  # noqa: F401  (registers the export)
from meedoen.auth.me_routes import blp as me
from meedoen.auth.routes import blp as auth
from meedoen.auth.users_routes import blp as users
from meedoen.categories.routes import blp as categories
from meedoen.events import models as _event_models  # noqa: F401
from meedoen.health.routes import blp as health
from meedoen.i18n.routes import blp as languages
from meedoen.invites.routes import blp as invites
from meedoen.places.routes import blp as places

API_BLUEPRINTS = [health, languages, categories, auth, me, users, invites, places]

# Modules whose @demo_loader functions `flask --app meedoen demo` runs.
DEMO_MODULES = ["meedoen.demo.places"]
