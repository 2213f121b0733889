"""Lock-outs cannot be handed out: failures count per username *and* client address, a ceiling
per username from every address locks only briefly, the owner is told, and every app server
counts in the same database rows (issue 13)."""

import uuid

from flask_babel import force_locale
from flask_babel import gettext as _
from meedoen.auth.notices import LOGIN_ATTEMPTS
from meedoen.auth.throttle import LoginThrottle
from meedoen.core.models import utcnow
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.notifications.dispatch import handle_pending_events
from meedoen.notifications.models import InboxItem
from sqlalchemy import func, select

from tests.conftest import ApiClient, make_app
from tests.factories import PASSWORD

STRANGER = "203.0.113.66"
OWNER = "198.51.100.7"


def attempt(client, username, password="wrong-password", address=STRANGER):
    return client.post("/api/v1/auth/login", json={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def events_for(user) -> int:
    return db.session.scalar(select(func.count()).select_from(Event).where(
        Event.user_id == user.id, Event.kind == LOGIN_ATTEMPTS))


def test_a_strangers_wrong_passwords_lock_out_the_stranger_not_the_owner(app, factory, client):
    owner = factory.user("youth", factory.municipality())
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    statuses = [attempt(client, owner.username).status_code for _ in range(limit + 3)]
    assert statuses == [401] * (limit - 1) + [429] * 4
    # The stranger stays locked out, even with the right password ...
    assert attempt(client, owner.username, PASSWORD).status_code == 429
    # ... while the owner, on their own phone, logs in at once.
    response = attempt(client, owner.username, PASSWORD, address=OWNER)
    assert response.status_code == 200, response.get_json()


def test_the_owner_is_told_once_in_their_language(app, factory, client):
    owner = factory.user("youth", factory.municipality(), ui_language="ar")
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    for _n in range(limit - 1):
        attempt(client, owner.username)
    assert events_for(owner) == 0  # a few typing errors are not news
    attempt(client, owner.username)
    assert events_for(owner) == 1
    for n in range(limit * 2):  # more locks on the same day: no second message
        attempt(client, owner.username, address=f"192.0.2.{n}")
    assert events_for(owner) == 1
    handle_pending_events(utcnow())  # the test runner may have done it already
    db.session.commit()
    item = db.session.scalar(select(InboxItem).where(InboxItem.user_id == owner.id))
    with force_locale("ar"):
        title = _("Someone tried to log in to your account")
    assert item.kind == LOGIN_ATTEMPTS and item.title == title
    assert title != "Someone tried to log in to your account"  # translated
    assert "wrong-password" not in item.body and STRANGER not in item.body


def test_distributed_guessing_hits_a_ceiling_that_locks_only_briefly(app, factory, client,
                                                                    monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_ACCOUNT_CEILING", 12)
    owner = factory.user("youth", factory.municipality())
    # Three failures each from four addresses: below the per-address lock, at the ceiling.
    statuses = [attempt(client, owner.username, address=f"192.0.2.{n // 3}").status_code
                for n in range(12)]
    assert statuses == [401] * 11 + [429]
    locked = attempt(client, owner.username, PASSWORD, address=OWNER)
    assert locked.status_code == 429  # everyone waits, the owner too, but not for long
    wait = int(locked.headers["Retry-After"])
    assert 0 < wait <= app.config["LOGIN_ACCOUNT_LOCK"].total_seconds()
    assert events_for(owner) == 1


def test_the_counters_hold_no_name_and_no_address(app, factory, client):
    owner = factory.user("youth", factory.municipality(), username="amal-k")
    for _n in range(3):
        attempt(client, owner.username)
        attempt(client, "nobody-here")
    rows = db.session.scalars(select(LoginThrottle)).all()
    assert len(rows) == 4  # (name, address) and name, for each name
    stored = " ".join(row.key for row in rows)
    for secret in ("amal", "nobody", "203.0.113"):
        assert secret not in stored
    assert all(len(row.key) == 64 for row in rows)


def test_two_app_servers_share_the_counts_and_answer_alike_for_unknown_names(
        app, database_url, factory):
    """Every attempt goes to the other of two apps on one database (as two gunicorn workers
    would): the lock comes after the same number of failures, the same for a real and an
    unknown username."""
    owner = factory.user("youth", factory.municipality())
    servers = [make_app(database_url), make_app(database_url)]
    for server in servers:
        server.test_client_class = ApiClient
    clients = [server.test_client() for server in servers]
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    answers = {}
    for name in (owner.username, f"nobody-{uuid.uuid4().hex[:8]}"):
        responses = [attempt(clients[n % 2], name) for n in range(limit + 1)]
        answers[name] = [(r.status_code, r.get_json()["code"], r.headers.get("Retry-After"))
                         for r in responses]
    real, unknown = answers.values()
    assert real == unknown
    assert [status for status, _code, _wait in real] == [401] * (limit - 1) + [429, 429]
