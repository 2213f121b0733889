"""GET /metrics: Prometheus format behind METRICS_TOKEN; labels without personal data;
figures added up over gunicorn's worker processes (multiprocess mode)."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests
from meedoen.notifications import runner
from meedoen.ops import metrics
from prometheus_client.parser import text_string_to_metric_families
from redis import Redis

from tests.conftest import ApiClient, make_app
from tests.ops.test_health import REDIS, needs_redis

TOKEN = "metrics-token-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def with_token(app):
    app.config["METRICS_TOKEN"] = TOKEN
    yield
    app.config["METRICS_TOKEN"] = None


def _samples(text: str) -> list:
    return [s for family in text_string_to_metric_families(text) for s in family.samples]


def _value(text: str, name: str, **labels) -> float:
    return sum(s.value for s in _samples(text)
               if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


def test_metrics_is_not_found_without_a_token_configured(client):
    response = client.get("/metrics", headers=AUTH)
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"  # not the PWA's page


def test_metrics_needs_the_token(client, with_token):
    for headers in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]:
        response = client.get("/metrics", headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "meedoen_http" not in response.get_data(as_text=True)
    response = client.get("/metrics", headers=AUTH)
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert "# TYPE meedoen_http_requests_total counter" in response.get_data(as_text=True)


def test_requests_push_refusals_and_failures_are_counted_without_personal_data(
        app, client, factory, with_token):
    town = factory.municipality()
    youth = factory.user("youth", town, username="yonas-private", display_name="Yonas Tesfay")
    before = client.get("/metrics", headers=AUTH).get_data(as_text=True)
    route = "/api/v1/activities/<int:activity_id>"
    base = _value(before, "meedoen_http_requests_total", route=route)

    client.login_as(youth)
    client.get("/api/v1/activities/987654?q=Yonas")
    client.get("/api/v1/activities/987655")
    client.get("/api/v1/yonas-private/profile")  # no route: counted as <unmatched>
    metrics.observe_push("https://fcm.googleapis.com/fcm/send/DEVICE-SECRET-1", "sent")
    metrics.observe_push("https://wns2-par02p.notify.windows.com/w/?token=SECRET", "gone")
    metrics.observe_push("https://evil.example/SECRET", "rejected")
    metrics.observe_request("POST", "/api/v1/auth/login", 429, 0.01)  # a refusal (429)
    metrics.job_failed("run_due_work")

    text = client.get("/metrics", headers=AUTH).get_data(as_text=True)
    assert _value(text, "meedoen_http_requests_total", route=route) == base + 2
    assert _value(text, "meedoen_http_request_duration_seconds_count", route=route) >= 2
    assert _value(text, "meedoen_http_requests_total", route="<unmatched>") >= 1
    assert _value(text, "meedoen_push_attempts_total", host="fcm.googleapis.com",
                  outcome="sent") >= 1
    assert _value(text, "meedoen_push_attempts_total", host=".notify.windows.com",
                  outcome="gone") >= 1
    assert _value(text, "meedoen_push_attempts_total", host="other") >= 1
    assert _value(text, "meedoen_rate_limit_refusals_total", route="/api/v1/auth/login") >= 1
    assert _value(text, "meedoen_background_job_failures_total", job="run_due_work") >= 1
    assert "meedoen_queue_depth" in text  # push deliveries due, from the database

    # The registry is this app's: other tests' apps (test_errors.py, test_transaction.py: test
    # routes of their own under /api/v1/_) count in theirs.
    rules = {rule.rule for rule in app.url_map.iter_rules()} | {metrics.UNMATCHED}
    for sample in _samples(text):
        if "route" in sample.labels:
            assert sample.labels["route"] in rules, sample
        for value in sample.labels.values():
            for personal in ["yonas", "Yonas", "Tesfay", "987654", "SECRET", youth.session_token,
                             "evil.example", "wns2-par02p"]:
                assert personal not in value, (personal, sample)


FAMILIES = {
    "meedoen_http_requests": "counter", "meedoen_http_request_duration_seconds": "histogram",
    "meedoen_push_attempts": "counter", "meedoen_background_job_failures": "counter",
    "meedoen_rate_limit_refusals": "counter", "meedoen_queue_depth": "gauge",
    "meedoen_queue_oldest_job_age_seconds": "gauge",
}


def test_the_served_metrics_keep_their_names_and_types(database_url):
    """What dashboards and alerts read: the same families in the same order, no *_created."""
    app = make_app(database_url, METRICS_TOKEN=TOKEN)
    app.test_client_class = ApiClient
    client = app.test_client()
    client.get("/api/v1/health/live")
    text = client.get("/metrics", headers=AUTH).get_data(as_text=True)
    served = [(family.name, family.type) for family in text_string_to_metric_families(text)]
    assert served == list(FAMILIES.items())
    assert "_created" not in text
    assert 'meedoen_http_requests_total{method="GET",route="/api/v1/health/live",status="200"} ' \
           "1.0" in text


def test_two_apps_in_one_process_count_apart(database_url):
    first, second = (make_app(database_url, METRICS_TOKEN=TOKEN) for _ in range(2))
    first.test_client_class = second.test_client_class = ApiClient
    for _ in range(3):
        first.test_client().get("/api/v1/health/live")
    with first.app_context():
        metrics.job_failed("run_due_work")
    # No app context (the push client's own thread): it names its app.
    metrics.observe_push("https://fcm.googleapis.com/fcm/send/DEVICE", "sent", second)
    metrics.observe_push("https://fcm.googleapis.com/fcm/send/DEVICE", "sent")  # no app
    seen = {name: app.test_client().get("/metrics", headers=AUTH).get_data(as_text=True)
            for name, app in (("first", first), ("second", second))}
    live = {"route": "/api/v1/health/live"}
    assert _value(seen["first"], "meedoen_http_requests_total", **live) == 3
    assert _value(seen["second"], "meedoen_http_requests_total", **live) == 0
    assert _value(seen["first"], "meedoen_background_job_failures_total") == 1
    assert _value(seen["second"], "meedoen_background_job_failures_total") == 0
    assert _value(seen["first"], "meedoen_push_attempts_total") == 0
    assert _value(seen["second"], "meedoen_push_attempts_total") == 1


def test_no_metric_of_ours_is_in_the_default_registry(app):
    from prometheus_client import REGISTRY

    assert not [name for name in REGISTRY._names_to_collectors if name.startswith("meedoen")]


def test_a_failing_background_job_is_counted(app, with_token, client, monkeypatch):
    from meedoen.notifications import dispatch

    before = _value(client.get("/metrics", headers=AUTH).get_data(as_text=True),
                    "meedoen_background_job_failures_total", job="run_due_work")

    def broken(now=None):
        raise RuntimeError("the work failed")

    monkeypatch.setattr(dispatch, "run_due_work", broken)
    with app.app_context(), pytest.raises(RuntimeError):
        runner.run_due_work_job()
    after = _value(client.get("/metrics", headers=AUTH).get_data(as_text=True),
                   "meedoen_background_job_failures_total", job="run_due_work")
    assert after == before + 1


@needs_redis
def test_queue_depth_and_oldest_job_age(database_url):
    from rq import Queue

    queue_name = f"meedoen-test-{uuid.uuid4().hex[:8]}"
    app = make_app(database_url, REDIS_URL=REDIS, NOTIFY_RUNNER="rq", NOTIFY_QUEUE=queue_name,
                   METRICS_TOKEN=TOKEN)
    app.test_client_class = ApiClient
    connection = Redis.from_url(REDIS)
    try:
        queue = Queue(queue_name, connection=connection)
        queue.enqueue_call(runner.JOB)
        queue.enqueue_call(runner.JOB)
        time.sleep(1.1)
        text = app.test_client().get("/metrics", headers=AUTH).get_data(as_text=True)
        assert _value(text, "meedoen_queue_depth", queue="rq") == 2
        assert _value(text, "meedoen_queue_oldest_job_age_seconds", queue="rq") >= 1
    finally:
        Queue(queue_name, connection=connection).delete(delete_jobs=True)
        connection.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_figures_of_all_gunicorn_workers_are_added_up(database_url, app, tmp_path):
    """prometheus_client's multiprocess mode with the shipped gunicorn settings."""
    port = _free_port()
    folder = tmp_path / "prometheus"
    env = {**os.environ, "DATABASE_URL": database_url, "METRICS_TOKEN": TOKEN,
           "PROMETHEUS_MULTIPROC_DIR": str(folder), "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_WORKERS": "3", "GUNICORN_THREADS": "2", "RATELIMIT_STORAGE_URI": "memory://",
           "REQUEST_LOG": "0", "SECRET_KEY": "x" * 32}
    env.pop("REDIS_URL", None)
    log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen([str(gunicorn), "-c", "python:meedoen.ops.gunicorn_conf",
                                "meedoen:create_app()"], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/api/v1/health/live", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        session_less = [requests.get(f"{base}/api/v1/health/live", timeout=5) for _ in range(60)]
        assert all(r.status_code == 200 for r in session_less)
        assert len(list(folder.glob("*.db"))) >= 2  # several processes wrote figures
        text = requests.get(f"{base}/metrics", headers=AUTH, timeout=10).text
        served = _value(text, "meedoen_http_requests_total", route="/api/v1/health/live",
                        status="200")
        assert served >= 61  # the 60 and the first one that answered, whichever worker did
        assert re.search(r'meedoen_http_request_duration_seconds_bucket\{.*le="0.1"', text)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        Path(log.name).unlink()
