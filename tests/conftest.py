"""Shared fixtures. The database is SQLite by default, PostgreSQL when TEST_DATABASE_URL is set:
each test run creates its own database and drops it at the end."""

import os
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from argon2 import PasswordHasher
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-instance-"))

from meedoen import create_app
from meedoen.auth import passwords
from meedoen.extensions import db

from tests.factories import Factory

# Tests hash with cheap argon2 parameters; the real ones are tested in test_passwords.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
passwords._DUMMY_HASH = passwords._hasher.hash("meedoen-timing-equaliser")


def _create_postgres_database(base_url: str) -> tuple[str, callable]:
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"meedoen_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    url, drop = _create_postgres_database(base)
    yield url
    drop()


@pytest.fixture(scope="session")
def is_postgres(database_url):
    return database_url.startswith("postgresql")


def make_app(database_url: str, **overrides):
    # Encryption processes only where a test asks for them (tests/notifications/test_encryption.py).
    # Background work inline, even with TESTING=False: the worker thread such an app starts
    # outlives its test and, on the shared database, takes later tests' messages from them.
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url,
              "RATELIMIT_ENABLED": False, "PUSH_ENCRYPT_PROCESSES": 0, "NOTIFY_RUNNER": "inline",
              **overrides}
    return create_app(config)


@pytest.fixture(scope="session")
def app(database_url):
    app = make_app(database_url)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(request):
    """Every test starts with empty tables."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    app.extensions.pop("meedoen_unknown_names", None)  # failed logins for unknown names
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())


class ApiClient(FlaskClient):
    """A test client that sends what the PWA sends: the CSRF header on every request."""

    def open(self, *args, **kwargs):
        headers = kwargs.setdefault("headers", {})
        if isinstance(headers, dict):
            headers.setdefault("X-Requested-With", "fetch")
        # Each request in its own app context, as in production. The `factory` fixture keeps
        # one open for the whole test and Flask would reuse it, so `g` (the logged-in user,
        # the language) and the database session would leak from one request into the next.
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def login_as(self, user) -> "ApiClient":
        """Log in without going through argon2 (as the login route would)."""
        with self.session_transaction() as session:
            now = int(time.time())
            session.update({"_user_id": user.session_token, "_fresh": True, "iat": now,
                            "seen": now})
            session.permanent = True
        return self


@pytest.fixture
def client(app):
    app.test_client_class = ApiClient
    return app.test_client()


@pytest.fixture
def make_client(app):
    app.test_client_class = ApiClient
    return app.test_client


@pytest.fixture
def factory(app):
    with app.app_context():
        yield Factory()


# The moment tests with calendar dates run at, so they pass whatever day the suite runs.
FROZEN_NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    """The clock of this process starts at FROZEN_NOW and ticks on (``clock.move_to(when)``
    jumps). Subprocesses (gunicorn, RQ workers) keep the real time: use it in-process only."""
    with time_machine.travel(FROZEN_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        yield


ROOT = Path(__file__).resolve().parents[1]
