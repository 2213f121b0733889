"""flask-limiter per IP on login and redeem: 429 with Retry-After, Redis or in-memory."""

import socket
import uuid

import pytest
import redis

from tests.conftest import ApiClient
from tests.foundation.helpers import assert_error, login, rate_limited_app

LIMITED = [
    ("/api/v1/auth/login", {"username": "nobody", "password": "wrong-password"}),
    ("/api/v1/auth/redeem", {"code": "AAAA-BBBB", "username": "nobody",
                             "password": "a-long-password", "display_name": "N"}),
]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hammer(app, path, body, times, ip="10.0.0.1"):
    app.test_client_class = ApiClient
    client = app.test_client()
    return [client.post(path, json=body, environ_base={"REMOTE_ADDR": ip}) for _ in range(times)]


@pytest.mark.parametrize(("path", "body"), LIMITED)
def test_per_ip_limit_answers_429_with_retry_after(database_url, app, path, body):
    with rate_limited_app(database_url, RATELIMIT_LOGIN="3 per minute") as limited:
        responses = hammer(limited, path, body, 4)
        assert all(r.status_code != 429 for r in responses[:3])
        assert_error(responses[3], 429, "too_many_requests")
        assert 0 < int(responses[3].headers["Retry-After"]) <= 60
        # Another address is not affected.
        assert hammer(limited, path, body, 1, ip="10.0.0.2")[0].status_code != 429


def test_the_limit_is_off_in_tests_by_default(app, client):
    assert not app.config["RATELIMIT_ENABLED"]
    # Different names: one name locks after LOGIN_FAILURES_BEFORE_LOCK, known or not.
    assert all(login(client, f"nobody-{n}", "wrong-password").status_code == 401
               for n in range(25))


def test_redis_storage_when_configured(database_url, app, monkeypatch):
    prefix = f"meedoen-test-{uuid.uuid4().hex}"
    server = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        with rate_limited_app(database_url, RATELIMIT_LOGIN="2 per minute",
                              RATELIMIT_KEY_PREFIX=prefix) as limited:
            assert limited.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
            path, body = LIMITED[0]
            responses = hammer(limited, path, body, 3)
            assert_error(responses[2], 429, "too_many_requests")
            assert list(server.scan_iter(f"*{prefix}*")), "the counter is not in Redis"
    finally:
        for key in server.scan_iter(f"*{prefix}*"):
            server.delete(key)
        server.close()


def test_redis_down_falls_back_to_memory_without_500(database_url, app, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")
    with rate_limited_app(database_url, RATELIMIT_LOGIN="3 per minute") as limited:
        for path, body in LIMITED:
            responses = hammer(limited, path, body, 4, ip=f"10.0.1.{len(path)}")
            statuses = [r.status_code for r in responses]
            assert 500 not in statuses, statuses
            assert all(s in {401, 422} for s in statuses[:3]), statuses
            assert_error(responses[3], 429, "too_many_requests")
            assert int(responses[3].headers["Retry-After"]) > 0


def test_behind_trusted_proxies_the_limit_is_per_client(database_url, app):
    path, body = LIMITED[0]
    with rate_limited_app(database_url, RATELIMIT_LOGIN="2 per minute",
                          TRUSTED_PROXIES=1) as limited:
        limited.test_client_class = ApiClient
        client = limited.test_client()

        def attempt(client_ip):
            return client.post(path, json=body, environ_base={"REMOTE_ADDR": "10.9.9.9"},
                               headers={"X-Forwarded-For": client_ip}).status_code

        assert [attempt("192.0.2.1") for _ in range(3)][-1] == 429
        assert attempt("192.0.2.2") != 429


def test_without_trusted_proxies_a_forged_address_does_not_help(database_url, app):
    path, body = LIMITED[0]
    with rate_limited_app(database_url, RATELIMIT_LOGIN="2 per minute") as limited:
        limited.test_client_class = ApiClient
        client = limited.test_client()
        statuses = [client.post(path, json=body, environ_base={"REMOTE_ADDR": "10.9.9.8"},
                                headers={"X-Forwarded-For": f"192.0.2.{n}"}).status_code
                    for n in range(3)]
        assert statuses[-1] == 429
