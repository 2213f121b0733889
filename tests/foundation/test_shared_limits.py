"""Rate limits hold across all app servers and workers: without Redis, flask-limiter counts in
the database (``meedoen+db://``, core/ratelimit.py), never in one process's memory."""

import time
from concurrent.futures import ThreadPoolExecutor

import requests
from limits.storage import storage_from_string
from meedoen.core.ratelimit import DatabaseStorage, RateLimitCounter
from meedoen.extensions import db
from sqlalchemy import select

from tests.activities.server import gunicorn
from tests.foundation.helpers import assert_error, rate_limited_app
from tests.foundation.test_ratelimit import LIMITED, hammer


def test_without_redis_the_limits_are_kept_in_the_database(app, database_url, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    with rate_limited_app(database_url, RATELIMIT_LOGIN="3 per minute") as limited:
        assert limited.config["RATELIMIT_STORAGE_URI"] == "meedoen+db://"
        path, body = LIMITED[0]
        responses = hammer(limited, path, body, 4, ip="10.7.0.1")
        assert_error(responses[3], 429, "too_many_requests")
        assert 0 < int(responses[3].headers["Retry-After"]) <= 60
        with limited.app_context():
            keys = db.session.scalars(select(RateLimitCounter.key)).all()
        assert any("10.7.0.1" in key for key in keys), keys


def test_the_database_store_counts_atomically_and_starts_again_after_its_window(app_ctx):
    store = storage_from_string("meedoen+db://", engine=db.engine)
    assert isinstance(store, DatabaseStorage) and store.check()

    def hit(_):
        return store.incr("test/shared", 60)

    with ThreadPoolExecutor(8) as pool:  # each its own connection
        counts = list(pool.map(hit, range(80)))
    assert sorted(counts) == list(range(1, 81))  # no two requests saw the same count
    assert store.get("test/shared") == 80
    assert time.time() < store.get_expiry("test/shared") <= time.time() + 60
    store.incr("test/short", 1)
    time.sleep(1.1)
    assert store.get("test/short") == 0
    assert store.incr("test/short", 1) == 1  # a new window, not 2
    long_key = "k" * 500
    assert store.incr(long_key, 60) == 1 and store.get(long_key) == 1
    store.clear("test/shared")
    assert store.get("test/shared") == 0
    store.reset()
    assert store.get(long_key) == 0


def test_two_gunicorn_workers_share_one_per_ip_limit(app, database_url):
    """Without Redis each worker used to count in its own memory: 10 per minute let up to
    20 through two workers. Concurrent requests keep both workers busy."""
    limit = 10
    env = {"RATELIMIT_STORAGE_URI": None, "RATELIMIT_LOGIN": f"{limit} per minute"}
    with gunicorn(database_url, app.config["SECRET_KEY"], workers=2, threads=2,
                  env=env) as base:
        def attempt(n):
            return requests.post(
                f"{base}/api/v1/auth/login", timeout=30,
                json={"username": f"nobody-{n}", "password": "wrong-password"},
                headers={"X-Requested-With": "fetch", "Connection": "close"})

        with ThreadPoolExecutor(12) as pool:
            responses = list(pool.map(attempt, range(40)))
    statuses = [r.status_code for r in responses]
    assert 500 not in statuses
    assert statuses.count(401) == limit, statuses
    assert statuses.count(429) == 40 - limit
    assert all(int(r.headers["Retry-After"]) > 0 for r in responses if r.status_code == 429)
