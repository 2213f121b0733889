"""One JSON log line per request with a request id (echoed in the header and in every error
answer), the route, status and duration; never bodies, names, tokens, cookies or endpoints."""

import json
import logging

import pytest

from tests.conftest import ApiClient, make_app

FIELDS = {"event", "request_id", "method", "route", "status", "duration_ms"}


def _lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "meedoen_request"]


def test_one_json_line_per_request_with_the_route_not_the_path(client, factory, caplog):
    youth = factory.user("youth", factory.municipality())
    client.login_as(youth)
    with caplog.at_level(logging.INFO, logger="meedoen_request"):
        ok = client.get("/api/v1/activities/123456?lang=ar")
        missing = client.get("/api/v1/no-such-thing")
    lines = _lines(caplog)
    assert len(lines) == 2
    first, second = lines
    assert set(first) == FIELDS
    assert first["route"] == "/api/v1/activities/<int:activity_id>"
    assert first["status"] == ok.status_code == 404
    assert first["method"] == "GET" and first["event"] == "request"
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] >= 0
    assert first["request_id"] == ok.headers["X-Request-ID"] == ok.get_json()["request_id"]
    assert second["route"] == "<unmatched>"
    assert second["request_id"] == missing.headers["X-Request-ID"]
    assert first["request_id"] != second["request_id"]
    assert "123456" not in caplog.text


@pytest.mark.parametrize("status_path", [
    ("POST", "/api/v1/auth/login", {"username": ""}, 422),
    ("GET", "/api/v1/me", None, 401),
    ("DELETE", "/api/v1/health", None, 405),
])
def test_every_error_answer_carries_the_request_id(client, status_path):
    method, path, body, status = status_path
    response = client.open(path, method=method, json=body)
    assert response.status_code == status
    assert response.get_json()["request_id"] == response.headers["X-Request-ID"]
    assert len(response.headers["X-Request-ID"]) == 32


def test_a_request_id_from_a_trusted_proxy_is_kept(database_url):
    trusting = make_app(database_url, TRUSTED_PROXIES=1)
    trusting.test_client_class = ApiClient
    given = "nginx-4f2a9c1b7e"
    response = trusting.test_client().get("/api/v1/health/live",
                                          headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] == given
    # Not a plain token (markup, spaces, too long or too short): a new one instead.
    for bad in ["abc<script>def", "has spaces in it", "x" * 65, "short"]:
        response = trusting.test_client().get("/api/v1/health/live",
                                              headers={"X-Request-ID": bad})
        assert response.headers["X-Request-ID"] != bad


def test_a_request_id_from_the_client_is_not_trusted_without_a_proxy(client):
    response = client.get("/api/v1/health/live", headers={"X-Request-ID": "forged-by-client-1"})
    assert response.headers["X-Request-ID"] != "forged-by-client-1"


def test_logs_hold_no_bodies_names_tokens_cookies_or_endpoints(client, factory, caplog):
    town = factory.municipality()
    youth = factory.user("youth", town, username="amina-private", display_name="Amina Yusuf")
    secret_endpoint = "https://fcm.googleapis.com/fcm/send/SECRET-DEVICE-TOKEN-123"
    with caplog.at_level(logging.DEBUG):
        client.post("/api/v1/auth/login", json={"username": "amina-private",
                                                "password": "Wrong-Password-Zebra-77"})
        client.login_as(youth)
        client.post("/api/v1/push/subscriptions", json={
            "endpoint": secret_endpoint,
            "keys": {"p256dh": "BPRIVATEKEYMATERIAL", "auth": "AUTHSECRET"}})
        client.get("/api/v1/activities?q=Amina+Yusuf")
        client.patch("/api/v1/me", json={"display_name": "Amina Secret"})
        cookie = client.get_cookie("meedoen_session")
    lines = _lines(caplog)
    assert len(lines) == 4
    text = caplog.text
    for secret in ["amina-private", "Amina", "Yusuf", "Wrong-Password-Zebra-77",
                   "SECRET-DEVICE-TOKEN", "BPRIVATEKEYMATERIAL", "AUTHSECRET",
                   youth.session_token, cookie.value if cookie else "no-cookie-value"]:
        assert secret not in text, secret
    for line in lines:
        assert set(line) == FIELDS
