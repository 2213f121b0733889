"""CSRF for a same-origin JSON API: our header, same-origin Fetch metadata/Origin, JSON bodies."""

import re
import time

import pytest
from flask.testing import FlaskClient

from tests.foundation.helpers import assert_error, login

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def unsafe_api_routes(app) -> list[tuple[str, str]]:
    """Every unsafe API operation the app has, with a number for each path parameter."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<[^>]+>", "1", rule.rule)
            routes += [(method, path) for method in sorted(rule.methods & UNSAFE)]
    return routes


def plain_client(app) -> FlaskClient:
    """A client that does not add X-Requested-With (what another website's form would send)."""
    return FlaskClient(app, app.response_class, use_cookies=True)


def test_every_unsafe_api_route_needs_the_header(app, factory):
    routes = unsafe_api_routes(app)
    assert ("POST", "/api/v1/auth/login") in routes and len(routes) >= 8
    client = plain_client(app)
    admin = factory.user("admin")
    logged_in(client, admin)
    for method, path in routes:
        response = client.open(path, method=method, json={})
        assert_error(response, 403, "csrf")


def logged_in(client, user):
    with client.session_transaction() as session:
        now = int(time.time())
        session.update({"_user_id": user.session_token, "iat": now, "seen": now})
    assert client.get("/api/v1/me").status_code == 200


def test_safe_methods_need_no_header(app):
    assert plain_client(app).get("/api/v1/health").status_code == 200


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_fetch_from_another_site_is_refused(client, site):
    response = client.post("/api/v1/auth/login", json={"username": "a", "password": "b"},
                           headers={"Sec-Fetch-Site": site})
    assert_error(response, 403, "csrf")


@pytest.mark.parametrize("site", ["same-origin", "none"])
def test_same_origin_fetch_is_allowed(factory, client, site):
    user = factory.user("youth", factory.municipality())
    response = client.post("/api/v1/auth/login",
                           json={"username": user.username, "password": "correct-horse-42"},
                           headers={"Sec-Fetch-Site": site})
    assert response.status_code == 200, response.json


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost.evil.example",
                                    "null", "http://localhost:8001", "file://"])
def test_foreign_origin_is_refused(client, origin):
    response = client.post("/api/v1/auth/logout", headers={"Origin": origin})
    assert_error(response, 403, "csrf")


def test_own_origin_is_allowed(client):
    assert client.post("/api/v1/auth/logout",
                       headers={"Origin": "http://localhost"}).status_code == 204


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_non_json_body_is_415(factory, client, content_type):
    user = factory.user("youth", factory.municipality())
    client.login_as(user)
    response = client.patch("/api/v1/me", data='{"display_name": "X"}',
                            content_type=content_type)
    assert_error(response, 415, "json_required")
    assert_error(login_form(client, content_type), 415, "json_required")


def login_form(client, content_type):
    return client.post("/api/v1/auth/login", data="username=a&password=b",
                       content_type=content_type)


def test_refused_requests_change_nothing(factory, app):
    user = factory.user("youth", factory.municipality())
    client = plain_client(app)
    logged_in(client, user)
    assert_error(client.delete("/api/v1/me"), 403, "csrf")
    assert login(app.test_client(), user.username).status_code == 200
