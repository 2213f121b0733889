"""Logging in: every role, one message for every wrong combination, and the locks (per
username and client address, and a short one per username from every address)."""

import uuid
from datetime import timedelta

import pytest
from meedoen.auth.models import Role
from meedoen.auth.throttle import LoginThrottle
from meedoen.core.models import utcnow
from meedoen.extensions import db
from sqlalchemy import select, update

from tests.conftest import ApiClient, make_app
from tests.foundation.helpers import assert_error, fresh, login, without_request_id


@pytest.fixture
def home(factory):
    return factory.municipality()


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_each_role_logs_in_and_me_shows_it(factory, home, client, role):
    user = factory.user(role, None if role == "admin" else home)
    response = login(client, user.username)
    assert response.status_code == 200, response.json
    assert response.json["role"] == role
    assert "password_hash" not in response.json and "session_token" not in response.json
    me = client.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json["role"] == role and me.json["username"] == user.username


def test_username_is_not_case_sensitive(factory, home, client):
    factory.user("youth", home, username="amal")
    assert login(client, " Amal ").status_code == 200


def test_wrong_password_unknown_user_and_inactive_account_look_the_same(factory, home, client):
    user = factory.user("youth", home)
    inactive = factory.user("youth", home, is_active_account=False)
    wrong_password = assert_error(login(client, user.username, "not-the-password"), 401,
                                  "invalid_credentials")
    unknown_user = assert_error(login(client, "nobody-here", "not-the-password"), 401,
                                "invalid_credentials")
    deactivated = assert_error(login(client, inactive.username), 401, "invalid_credentials")
    assert wrong_password == unknown_user == deactivated
    assert_error(client.get("/api/v1/me"), 401)


def test_account_locks_after_n_failures_with_retry_after(app, factory, home, client):
    user = factory.user("youth", home)
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    for _ in range(limit - 1):
        assert_error(login(client, user.username, "wrong-password"), 401, "invalid_credentials")
    response = login(client, user.username, "wrong-password")
    assert_error(response, 429, "account_locked")
    assert 0 < int(response.headers["Retry-After"]) <= 3600
    rows = db.session.scalars(select(LoginThrottle)).all()
    assert sorted(row.failures for row in rows) == [limit, limit]  # this address; the account
    assert [row.locked_until > utcnow() for row in rows if row.locked_until] == [True]
    # The right password does not help while the lock lasts.
    response = login(client, user.username)
    assert_error(response, 429, "account_locked")
    assert int(response.headers["Retry-After"]) > 0


def test_lock_is_kept_in_the_database_for_every_app_server(app, database_url, factory, home):
    user = factory.user("youth", home)
    for _ in range(app.config["LOGIN_FAILURES_BEFORE_LOCK"]):
        login(app.test_client(), user.username, "wrong-password")
    other_server = make_app(database_url)
    other_server.test_client_class = ApiClient
    response = login(other_server.test_client(), user.username)
    assert_error(response, 429, "account_locked")


def test_lock_grows_and_ends_and_success_resets_the_counter(app, factory, home, client):
    user = factory.user("youth", home)
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    for _ in range(limit):
        login(client, user.username, "wrong-password")
    first_wait = int(login(client, user.username).headers["Retry-After"])
    expire_lock(user)
    response = login(client, user.username, "wrong-password")  # one more after the lock
    assert_error(response, 429, "account_locked")
    assert int(response.headers["Retry-After"]) > first_wait
    expire_lock(user)
    assert login(client, user.username).status_code == 200
    # This address starts again; the ceiling for the account keeps counting.
    assert [row.failures for row in db.session.scalars(select(LoginThrottle))] == [limit + 1]
    for _ in range(limit - 1):
        assert_error(login(client, user.username, "wrong-password"), 401)


def expire_lock(user=None):
    db.session.execute(update(LoginThrottle).where(LoginThrottle.locked_until.is_not(None))
                       .values(locked_until=utcnow() - timedelta(seconds=1)))
    db.session.commit()


def test_unknown_usernames_lock_like_real_ones(app, factory, home, client):
    """A lock must not tell which usernames exist."""
    user = factory.user("youth", home)
    nobody = f"nobody-{uuid.uuid4().hex[:8]}"
    answers = {}
    for name in (user.username, nobody):
        for _ in range(app.config["LOGIN_FAILURES_BEFORE_LOCK"] - 1):
            assert_error(login(client, name, "wrong-password"), 401, "invalid_credentials")
        locked = login(client, name, "wrong-password")
        again = login(client, name, "wrong-password")
        answers[name] = [(r.status_code, without_request_id(r.get_json()), r.headers["Retry-After"])
                         for r in (locked, again)]
    assert answers[user.username] == answers[nobody]
    assert [(status, body["code"]) for status, body, _ in answers[nobody]] == [
        (429, "account_locked")] * 2


def test_login_validates_its_input(client):
    assert_error(client.post("/api/v1/auth/login", json={}), 422, "invalid_input",
                 ["username", "password"])
    assert_error(client.post("/api/v1/auth/login",
                             json={"username": "a", "password": "b", "remember": True}),
                 422, "invalid_input", ["remember"])
    assert_error(client.post("/api/v1/auth/login",
                             json={"username": "a" * 41, "password": "b"}),
                 422, "invalid_input", ["username"])


def test_logout_without_a_session_is_harmless(client):
    assert client.post("/api/v1/auth/logout").status_code == 204


def test_wrong_current_password_counts_towards_the_lock(factory, home, client, app):
    user = factory.user("youth", home)
    client.login_as(user)
    limit = app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    for _ in range(limit - 1):
        response = client.patch("/api/v1/me", json={"current_password": "wrong-password-1",
                                                    "new_password": "a-new-password-9",
                                                    "display_name": "Changed"})
        assert_error(response, 422, fields=["current_password"])
    locked = client.patch("/api/v1/me", json={"current_password": "wrong-password-1",
                                              "new_password": "a-new-password-9"})
    assert_error(locked, 429, "account_locked")
    assert int(locked.headers["Retry-After"]) > 0
    assert fresh(user).display_name != "Changed"  # nothing half-written
    assert_error(login(client, user.username), 429, "account_locked")
