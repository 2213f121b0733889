"""Every feature, wired explicitly: ``create_app`` calls each one's ``init_app(app)``, which
registers its blueprints, commands, config defaults, exports, erasers, notice renderers and
demo data. A new feature adds its folder (with ``init_app``) and one line here."""

from flask import Flask

from meedoen import (
    activities,
    auth,
    categories,
    contacts,
    funds,
    health,
    i18n,
    ideas,
    invites,
    participation,
    places,
    pwa_host,
    questions,
    topics,
    translation,
    wording,
)
from meedoen.extensions import api, db
from meedoen.privacy.ids import never_reuse_ids

FEATURES = [health]  # first: operations (request ids, 503 when the database is down)
FEATURES += [i18n]
FEATURES += [categories]
FEATURES += [auth]
FEATURES += [invites]
FEATURES += [places]
FEATURES += [contacts]
FEATURES += [topics]
FEATURES += [questions]
FEATURES += [activities]
FEATURES += [ideas]
FEATURES += [translation]
FEATURES += [funds]
FEATURES += [participation]
FEATURES += [wording]
FEATURES += [pwa_host]

# Not yet given an init_app (being changed in December 2026): their blueprints, and the
# modules that register exports, renderers and translation subjects when imported.
from meedoen.events import models as _event_models  # noqa: E402, F401
from meedoen.notifications import export as _notifications_export  # noqa: E402, F401
from meedoen.notifications import translation as _notifications_translation  # noqa: E402, F401
from meedoen.notifications.inbox_routes import blp as inbox  # noqa: E402
from meedoen.notifications.inbox_routes import settings_blp as notification_settings  # noqa: E402
from meedoen.notifications.routes import blp as notifications  # noqa: E402
from meedoen.push.routes import blp as push  # noqa: E402

API_BLUEPRINTS = [push, notifications, inbox, notification_settings]


def init_features(app: Flask) -> None:
    for feature in FEATURES:
        feature.init_app(app)
    for blueprint in API_BLUEPRINTS:
        api.register_blueprint(blueprint)
    # Last, when every feature's init_app has imported its models: ids are never handed out
    # twice (SQLite AUTOINCREMENT). At import time, before init_app, it missed their tables.
    never_reuse_ids(db.metadata)


# Modules whose @demo_loader functions `flask --app meedoen demo` runs.
DEMO_MODULES = ["meedoen.demo.places"]
DEMO_MODULES += ["meedoen.activities.demo"]
DEMO_MODULES += ["meedoen.contacts.demo"]
DEMO_MODULES += ["meedoen.ideas.demo"]
DEMO_MODULES += ["meedoen.notifications.demo"]
DEMO_MODULES += ["meedoen.funds.demo"]
