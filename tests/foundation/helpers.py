"""Helpers shared by the foundation tests."""

import time
from contextlib import contextmanager
from types import SimpleNamespace

from meedoen.auth import sessions
from meedoen.extensions import db, limiter

from tests.conftest import make_app
from tests.factories import PASSWORD

ERROR_KEYS = {"status", "code", "message", "fields", "request_id"}


def assert_error(response, status: int, code: str | None = None, fields=()) -> dict:
    """The one error shape: {status, code, message, fields}; returns the body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) <= ERROR_KEYS and body["status"] == status
    # The request id to quote when asking for help (README: Operations); differs per request.
    assert body.pop("request_id") == response.headers["X-Request-ID"]
    assert isinstance(body["code"], str) and body["code"]
    assert isinstance(body["message"], str) and body["message"]
    if code:
        assert body["code"] == code, body
    for name in fields:
        assert name in body.get("fields", {}), body
        assert_messages(body["fields"][name])
    return body


def without_request_id(body: dict) -> dict:
    """An answer as two requests can share it: each has its own request id."""
    return {key: value for key, value in body.items() if key != "request_id"}


def assert_messages(value) -> None:
    """Field errors are lists of non-empty strings (nested by key for nested input)."""
    if isinstance(value, dict):
        for nested in value.values():
            assert_messages(nested)
        return
    assert isinstance(value, list) and value, value
    assert all(isinstance(m, str) and m for m in value), value


def login(client, username: str, password: str = PASSWORD):
    return client.post("/api/v1/auth/login", json={"username": username, "password": password})


def fresh(obj):
    """Reload an object from the database (the test's session may hold an old copy)."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def shift_session_clock(monkeypatch, seconds: float) -> None:
    """From now on the session code sees a clock that runs ``seconds`` ahead."""
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: time.time() + seconds))


@contextmanager
def rate_limited_app(database_url: str, **overrides):
    """An app with flask-limiter enabled (the test default is off).

    flask-limiter keeps its state on the one Limiter object shared by every app in
    this process; put back what a disabled app expects afterwards.
    """
    app = make_app(database_url, RATELIMIT_ENABLED=True, **overrides)
    try:
        yield app
    finally:
        limiter.enabled = False
        limiter._storage_dead = False
