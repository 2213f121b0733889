"""Meedoen: activities, people who help and notifications for young refugees."""

import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from meedoen.config import build_config
from meedoen.core.api import IdConverter
from meedoen.core.errors import fail
from meedoen.core.json import OrjsonProvider
from meedoen.core.ratelimit import DatabaseStorage  # noqa: F401  (registers meedoen+db://)
from meedoen.core.security import init_security
from meedoen.core.transaction import App
from meedoen.extensions import api, babel, db, limiter, login_manager, migrate
from meedoen.i18n import select_language

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def create_app(overrides: dict | None = None) -> Flask:
    instance = os.environ.get("MEEDOEN_INSTANCE") or str(ROOT / "instance")
    # App: Flask that commits once per request, after the view (meedoen.core.transaction).
    app = App(__name__, instance_path=instance, static_folder=None)
    app.json = OrjsonProvider(app)
    app.config.update(build_config(app.instance_path))
    app.config.update(overrides or {})
    app.url_map.converters["int"] = IdConverter
    _init_extensions(app)
    _init_features(app)
    init_security(app)
    _register_commands(app)
    if hops := app.config["TRUSTED_PROXIES"]:
        # The client's address (per-IP limits), scheme (Secure, HSTS) and host (CSRF origin check).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        for engine in db.engines.values():
            _sqlite_pragmas(engine)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    login_manager.init_app(app)
    login_manager.unauthorized_handler(lambda: fail(401))
    babel.init_app(app, locale_selector=select_language)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 0.5,
                                                        "socket_timeout": 0.5})
    limiter.init_app(app)
    api.init_app(app)


def _init_features(app: Flask) -> None:
    from meedoen.features import init_features

    init_features(app)


def _register_commands(app: Flask) -> None:
    """`flask demo`, and its first loader: the municipalities, places and accounts that every
    feature's demo data builds on (the features register theirs in their init_app)."""
    from meedoen.demo import register_loader
    from meedoen.demo.command import demo_command
    from meedoen.demo.places import load_places_and_accounts

    app.cli.add_command(demo_command)
    register_loader(0, load_places_and_accounts)


def _sqlite_pragmas(engine: Engine) -> None:
    """Foreign keys, WAL and a busy timeout on every new connection of the app's own SQLite
    engine; not a listener on SQLAlchemy's Engine class, which would change every engine in
    the process (tests/foundation/test_wiring.py)."""
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _set_pragmas):
        event.listen(engine, "connect", _set_pragmas)


def _set_pragmas(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
