"""Every feature's API blueprint. A new feature adds its folder and one line here."""

from meedoen.activities import export as _activities_export  # noqa: F401
from meedoen.activities import translation as _activities_translation  # noqa: F401
from meedoen.activities.feedback_routes import blp as activity_feedback
from meedoen.activities.routes import blp as activities
from meedoen.auth import export as _auth_export  # noqa: F401  (registers the export)
from meedoen.auth.me_routes import blp as me
from meedoen.auth.routes import blp as auth
from meedoen.auth.users_routes import blp as users
from meedoen.categories.routes import blp as categories
from meedoen.contacts import export as _contacts_export  # noqa: F401
from meedoen.contacts import translation as _contacts_translation  # noqa: F401
from meedoen.contacts.routes import blp as contacts
from meedoen.contacts.routes import people_blp as people
from meedoen.events import models as _event_models  # noqa: F401
from meedoen.funds import export as _funds_export  # noqa: F401
from meedoen.funds import notices as _funds_notices  # noqa: F401
from meedoen.funds import translation as _funds_translation  # noqa: F401
from meedoen.funds.routes import blp as support_requests
from meedoen.funds.routes import funds_blp as funds
from meedoen.health.routes import blp as health
from meedoen.i18n.routes import blp as languages
from meedoen.ideas import export as _ideas_export  # noqa: F401
from meedoen.ideas import notices as _ideas_notices  # noqa: F401  (registers the renderers)
from meedoen.ideas.routes import blp as ideas
from meedoen.invites.routes import blp as invites
from meedoen.notifications import export as _notifications_export  # noqa: F401
from meedoen.notifications import translation as _notifications_translation  # noqa: F401
from meedoen.notifications.inbox_routes import blp as inbox
from meedoen.notifications.inbox_routes import settings_blp as notification_settings
from meedoen.notifications.routes import blp as notifications
from meedoen.participation import export as _participation_export  # noqa: F401
from meedoen.participation.routes import blp as participation
from meedoen.places.routes import blp as places
from meedoen.push.routes import blp as push
from meedoen.questions import export as _questions_export  # noqa: F401
from meedoen.questions.routes import blp as questions
from meedoen.topics.routes import blp as topics
from meedoen.translation.routes import blp as translation
from meedoen.wording import export as _wording_export  # noqa: F401
from meedoen.wording import notices as _wording_notices  # noqa: F401  (registers the renderer)
from meedoen.wording.routes import blp as wording

API_BLUEPRINTS = [health, languages, categories, auth, me, users, invites, places]
API_BLUEPRINTS += [contacts, people, topics, questions]
API_BLUEPRINTS += [activities]
API_BLUEPRINTS += [ideas, activity_feedback]
API_BLUEPRINTS += [push, notifications, inbox, notification_settings]
API_BLUEPRINTS += [translation]
API_BLUEPRINTS += [funds, support_requests]
API_BLUEPRINTS += [participation]
API_BLUEPRINTS += [wording]

# Modules whose @demo_loader functions `flask --app meedoen demo` runs.
DEMO_MODULES = ["meedoen.demo.places"]
DEMO_MODULES += ["meedoen.activities.demo"]
DEMO_MODULES += ["meedoen.contacts.demo"]
DEMO_MODULES += ["meedoen.ideas.demo"]
DEMO_MODULES += ["meedoen.notifications.demo"]
DEMO_MODULES += ["meedoen.funds.demo"]

# Last, when every model is imported: ids are never handed out twice (SQLite AUTOINCREMENT).
from meedoen.extensions import db as _db  # noqa: E402
from meedoen.privacy.ids import never_reuse_ids  # noqa: E402

never_reuse_ids(_db.metadata)
