"""A JSON body nested too deeply is unreadable input: 400 in the error shape on every route.

Python's json module raises RecursionError (not ValueError) for ``[`` × 30,000;
``request.get_json(silent=True)`` does not swallow it, so a route that read the body
itself (the Idempotency-Key fingerprint of a sign-up) answered 500.
"""

import re

import pytest
from meedoen.activities.models import Signup
from meedoen.auth.models import Role
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.activities.helpers import make_activity
from tests.foundation.helpers import assert_error

DEEP = "[" * 30_000
DEEP_OBJECT = '{"a":' * 10_000  # 50 kB: under the 64 kB body limit
NESTED_BUT_CLOSED = "[" * 200 + "]" * 200  # valid JSON, far deeper than any request needs
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def town(factory):
    return factory.municipality()


def _post_raw(client, method, path, body, **headers):
    return client.open(path, method=method, data=body, content_type="application/json",
                       headers=headers)


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, NESTED_BUT_CLOSED])
@pytest.mark.parametrize("key", [None, "offline-1"])
@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_signup_with_a_deep_body_is_400_and_signs_nobody_up(client, factory, town, body, key,
                                                             method):
    activity = make_activity(town, capacity=5)
    client.login_as(factory.user(Role.YOUTH, town))
    headers = {"Idempotency-Key": key} if key else {}
    response = _post_raw(client, method, f"/api/v1/activities/{activity.id}/signup", body,
                         **headers)
    assert_error(response, 400, "invalid_json")
    assert db.session.scalar(select(func.count()).select_from(Signup)) == 0


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, NESTED_BUT_CLOSED])
def test_login_and_redeem_with_a_deep_body_are_400(client, body):
    assert_error(_post_raw(client, "POST", "/api/v1/auth/login", body), 400, "invalid_json")
    assert_error(_post_raw(client, "POST", "/api/v1/auth/redeem", body), 400, "invalid_json")


def _example_path(rule) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "1" if "id" in m.group(1) else "x", rule.rule)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.YOUTH, None])
def test_every_unsafe_api_route_answers_400_to_a_deep_body(app, factory, client, town, role):
    """Every route, whatever it does with its body (or without one), with and without a key."""
    if role:
        client.login_as(factory.user(role, town))
    routes = [(method, _example_path(rule)) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/") for method in sorted(rule.methods & UNSAFE)]
    assert len(routes) > 20
    for method, path in routes:
        for headers in ({}, {"Idempotency-Key": "deep-1"}):
            response = _post_raw(client, method, path, DEEP, **headers)
            assert response.status_code == 400, (method, path, response.get_data(as_text=True))
            assert_error(response, 400, "invalid_json")


def test_ordinary_nesting_still_works(client, factory, town):
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    response = client.patch("/api/v1/me", json={"languages": ["nl", "ar"], "interests": []})
    assert response.status_code == 200, response.json
