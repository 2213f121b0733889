"""Sessions: Flask-Login's alternative token, cookie flags and the limits per role."""

from datetime import timedelta

import pytest
from flask_login.utils import encode_cookie
from meedoen.auth.models import Role

from tests.conftest import ApiClient, make_app
from tests.foundation.helpers import assert_error, fresh, login, shift_session_clock

COOKIE = "meedoen_session"


@pytest.fixture
def home(factory):
    return factory.municipality()


def logged_in(client, user):
    response = login(client, user.username)
    assert response.status_code == 200, response.json
    return client.get_cookie(COOKIE).value


def replay(app, cookie_value: str):
    """A second device (or an attacker) that copied the cookie."""
    thief = app.test_client()
    thief.set_cookie(COOKIE, cookie_value)
    return thief.get("/api/v1/me")


def test_copied_cookie_works_until_logout_then_401(app, factory, home, client):
    youth = factory.user("youth", home)
    cookie = logged_in(client, youth)
    assert replay(app, cookie).status_code == 200
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert_error(replay(app, cookie), 401, "login_required")
    assert_error(client.get("/api/v1/me"), 401)


def test_password_change_ends_other_sessions_but_keeps_this_one(app, factory, home, client):
    youth = factory.user("youth", home)
    old_cookie = logged_in(client, youth)
    response = client.patch("/api/v1/me", json={"current_password": "correct-horse-42",
                                                 "new_password": "a-new-long-secret"})
    assert response.status_code == 200, response.json
    assert_error(replay(app, old_cookie), 401)
    assert client.get("/api/v1/me").status_code == 200
    assert replay(app, client.get_cookie(COOKIE).value).status_code == 200


@pytest.mark.parametrize("change", [{"role": "mentor"}, {"active": False}],
                         ids=["role change", "deactivation"])
def test_admin_changes_end_the_users_sessions(app, factory, home, client, change):
    youth = factory.user("youth", home)
    cookie = logged_in(client, youth)
    admin_client = app.test_client().login_as(factory.user("admin"))
    response = admin_client.patch(f"/api/v1/users/{youth.id}", json=change)
    assert response.status_code == 200, response.json
    assert_error(replay(app, cookie), 401)
    assert_error(client.get("/api/v1/me"), 401)


def test_unchanged_patch_keeps_the_session(app, factory, home, client):
    youth = factory.user("youth", home)
    cookie = logged_in(client, youth)
    admin_client = app.test_client().login_as(factory.user("admin"))
    assert admin_client.patch(f"/api/v1/users/{youth.id}",
                              json={"role": "youth", "active": True}).status_code == 200
    assert replay(app, cookie).status_code == 200


def test_no_remember_cookie_is_set_and_a_forged_one_is_useless(app, factory, home, client):
    youth = factory.user("youth", home)
    response = login(client, youth.username)
    cookies = response.headers.getlist("Set-Cookie")
    assert [c for c in cookies if c.startswith(f"{COOKIE}=")]
    assert not [c for c in cookies if c.lower().startswith("remember")]
    old_token = youth.session_token
    client.post("/api/v1/auth/logout")
    for token in (old_token, fresh(youth).session_token):
        # A remember cookie, correctly signed: old token (replay) or even the current one.
        thief = app.test_client()
        thief.set_cookie(app.config.get("REMEMBER_COOKIE_NAME", "remember_token"),
                         encode_cookie(token))
        assert_error(thief.get("/api/v1/me"), 401)


def test_remember_cookie_settings_are_safe_should_one_ever_be_set(app):
    config = app.config
    assert config["REMEMBER_COOKIE_HTTPONLY"] is True
    assert config["REMEMBER_COOKIE_SAMESITE"] == "Lax"
    assert config["REMEMBER_COOKIE_DURATION"] <= timedelta(days=14)


def test_cookie_flags_in_development(factory, home, client):
    youth = factory.user("youth", home)
    cookie = login(client, youth.username).headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_cookie_is_secure_in_production(monkeypatch, database_url, factory, home):
    monkeypatch.setenv("MEEDOEN_ENV", "production")
    production = make_app(database_url)
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert production.config["REMEMBER_COOKIE_SECURE"] is True
    production.test_client_class = ApiClient
    youth = factory.user("youth", home)
    client = production.test_client()
    response = client.post("/api/v1/auth/login", base_url="https://localhost",
                           json={"username": youth.username, "password": "correct-horse-42"})
    assert response.status_code == 200, response.json
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


ROLES = [role.value for role in Role]


def limits(app, role):
    idle, absolute = app.config["SESSION_LIMITS"][role]
    return idle.total_seconds(), absolute.total_seconds()


@pytest.mark.parametrize("role", ROLES)
def test_idle_limit_per_role(app, factory, home, client, monkeypatch, role):
    user = factory.user(role, None if role == "admin" else home)
    idle, _ = limits(app, role)
    logged_in(client, user)
    shift_session_clock(monkeypatch, idle - 30)
    assert client.get("/api/v1/me").status_code == 200
    # That request counted as activity: the idle time starts again from there.
    shift_session_clock(monkeypatch, 2 * idle - 120)
    assert client.get("/api/v1/me").status_code == 200
    shift_session_clock(monkeypatch, 3 * idle)
    assert_error(client.get("/api/v1/me"), 401)
    # And it stays over: going back in time does not revive the session.
    shift_session_clock(monkeypatch, 0)
    assert_error(client.get("/api/v1/me"), 401)


@pytest.mark.parametrize("role", ROLES)
def test_absolute_limit_per_role(app, factory, home, client, monkeypatch, role):
    user = factory.user(role, None if role == "admin" else home)
    idle, absolute = limits(app, role)
    logged_in(client, user)
    step = idle - 60
    elapsed = step
    while elapsed < absolute - 60:  # stay active all the time
        shift_session_clock(monkeypatch, elapsed)
        assert client.get("/api/v1/me").status_code == 200, elapsed
        elapsed += step
    shift_session_clock(monkeypatch, absolute + 1)
    assert_error(client.get("/api/v1/me"), 401)


def test_staff_sessions_are_shorter_than_youth_sessions(app):
    youth_idle, youth_absolute = limits(app, "youth")
    for role in ("mentor", "youth_worker", "admin", "contact"):
        idle, absolute = limits(app, role)
        assert idle < youth_idle and absolute < youth_absolute, role
    assert limits(app, "admin") <= limits(app, "mentor")


def test_a_new_login_starts_new_limits(app, factory, home, client, monkeypatch):
    mentor = factory.user("mentor", home)
    idle, _ = limits(app, "mentor")
    logged_in(client, mentor)
    shift_session_clock(monkeypatch, idle + 10)
    assert_error(client.get("/api/v1/me"), 401)
    assert login(client, mentor.username).status_code == 200
    assert client.get("/api/v1/me").status_code == 200


def test_session_cookie_holds_no_user_id_or_role(factory, home, client):
    youth = factory.user("youth", home)
    login(client, youth.username)
    with client.session_transaction() as session:
        assert session["_user_id"] == fresh(youth).session_token
        assert str(youth.id) != session["_user_id"]
        assert "role" not in session


def test_the_last_active_admin_cannot_demote_or_deactivate_themselves(factory, home, client):
    admin = factory.user("admin")
    client.login_as(admin)
    for change in ({"role": "youth_worker"}, {"active": False}):
        response = client.patch(f"/api/v1/users/{admin.id}", json=change)
        assert response.status_code == 409 and response.json["code"] == "last_admin"
    factory.user("admin")
    assert client.patch(f"/api/v1/users/{admin.id}", json={"active": False}).status_code == 200
