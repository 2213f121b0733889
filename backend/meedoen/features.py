"""Every feature, wired explicitly: ``create_app`` calls each one's ``init_app(app)``, which
registers its blueprints, commands, config defaults, exports, erasers, notice renderers,
translation subjects, due work and demo data. Importing a module registers nothing
(tests/foundation/test_wiring.py). A new feature adds its folder (with ``init_app``) and one
line here."""

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
    notifications,
    participation,
    places,
    privacy,
    push,
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
FEATURES += [push]
FEATURES += [notifications]
FEATURES += [wording]
FEATURES += [pwa_host]


def init_features(app: Flask) -> None:
    for feature in FEATURES:
        feature.init_app(app)
    # Last, when every feature's init_app has imported its models: ids are never handed out
    # twice (SQLite AUTOINCREMENT). At import time, before init_app, it missed their tables.
    never_reuse_ids(db.metadata)
    # Last too: GET /me/export's schema has a section of every feature's export.
    privacy.document(api.spec)

