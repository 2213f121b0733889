"""GET /api/v1/health/live and /health/ready: for load balancers and orchestrators.
The body is checked, not only the status (the PWA answers unknown paths with 200 HTML)."""

import socket
import time
import uuid

import pytest
from meedoen.extensions import db
from meedoen.notifications import runner
from meedoen.ops.heartbeat import beat
from meedoen.ops.readiness import code_heads
from redis import Redis
from sqlalchemy import event, text

from tests.conftest import ApiClient, make_app

REDIS = "redis://127.0.0.1:6379/0"


def _redis_up() -> bool:
    try:
        return Redis.from_url(REDIS, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


needs_redis = pytest.mark.skipif(not _redis_up(), reason="needs Redis on 127.0.0.1:6379")


@pytest.fixture
def migrated(app):
    """The test database is made by create_all(): stamp it as the migrations would."""
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version "
                          "(version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(text("DELETE FROM alembic_version"))
        for head in code_heads():
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    yield
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def _statements(app):
    seen = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
    return seen, lambda: event.remove(db.engine, "before_cursor_execute", count)


def test_live_answers_without_the_database(app, client, factory):
    client.login_as(factory.user("youth", factory.municipality()))
    seen, stop = _statements(app)
    try:
        response = client.get("/api/v1/health/live")
    finally:
        stop()
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == {"status": "ok"}
    assert seen == []  # not even the logged-in user was loaded


def test_ready_when_database_and_migrations_are_ready(client, migrated):
    response = client.get("/api/v1/health/ready")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["status"] == "ok" and body["failing"] == [] and body["degraded"] == []
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["migrations"] == {"ok": True, "revision": ",".join(code_heads()),
                                            "required": True}
    assert set(body["checks"]) == {"database", "migrations"}  # no Redis configured
    assert response.headers["Cache-Control"] == "no-store"


def test_not_ready_when_the_database_is_not_migrated(client, app, migrated):
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    response = client.get("/api/v1/health/ready")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "fail" and body["failing"] == ["migrations"]
    assert body["checks"]["migrations"]["reason"] == "different revision"
    assert body["checks"]["migrations"]["database"] == "0001"
    assert response.headers["Retry-After"]
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    body = client.get("/api/v1/health/ready").get_json()
    assert body["checks"]["migrations"]["reason"] == "not migrated"


def test_old_health_is_unchanged(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def _rq_app(database_url, **overrides):
    app = make_app(database_url, REDIS_URL=REDIS, NOTIFY_RUNNER="rq",
                   NOTIFY_QUEUE=f"meedoen-test-{uuid.uuid4().hex[:8]}", **overrides)
    app.test_client_class = ApiClient
    return app


@needs_redis
def test_ready_needs_redis_and_a_worker_heartbeat(database_url, migrated):
    app = _rq_app(database_url, WORKER_HEARTBEAT_MAX_AGE=30, READY_OPTIONAL=frozenset())
    client = app.test_client()
    connection = Redis.from_url(REDIS)
    try:
        body = client.get("/api/v1/health/ready").get_json()
        assert body["failing"] == ["worker"]
        assert body["checks"]["redis"]["ok"] is True
        assert body["checks"]["worker"]["reason"] == "no heartbeat"

        beat(app, connection, now=time.time() - 120)  # a worker that stopped two minutes ago
        response = client.get("/api/v1/health/ready")
        assert response.status_code == 503
        assert response.get_json()["checks"]["worker"]["reason"] == "heartbeat too old"

        runner.heartbeat(app)  # what `flask worker` writes every tick
        response = client.get("/api/v1/health/ready")
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        assert body["status"] == "ok"
        assert body["checks"]["worker"]["ok"] is True
        assert body["checks"]["worker"]["age_seconds"] < 5
    finally:
        connection.delete(f"{app.config['NOTIFY_QUEUE']}:worker-heartbeats")
        connection.close()


def _nothing_listens() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ready_names_redis_when_it_is_down(database_url, migrated):
    dead = f"redis://127.0.0.1:{_nothing_listens()}/0"
    app = _rq_app(database_url, READY_OPTIONAL=frozenset())  # READY_OPTIONAL= (empty)
    app.config["REDIS_URL"] = dead
    response = app.test_client().get("/api/v1/health/ready")
    assert response.status_code == 503
    body = response.get_json()
    assert body["failing"] == ["redis", "worker"]
    assert body["checks"]["redis"] == {"ok": False, "reason": "unreachable", "required": True}

    # The default: serving goes on without Redis and the worker (ops/README.md).
    app.config["READY_OPTIONAL"] = _rq_app(database_url).config["READY_OPTIONAL"]
    response = app.test_client().get("/api/v1/health/ready")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "degraded" and body["degraded"] == ["redis", "worker"]
    assert body["failing"] == []
