"""Prometheus metrics (prometheus_client), safe under several gunicorn worker processes.

Each app makes its own metrics on a ``CollectorRegistry`` of its own (``init_app``), so
importing registers nothing in prometheus_client's default registry and two apps in one
process count apart. Work with no app context (the push client's own thread) names its app.

With ``PROMETHEUS_MULTIPROC_DIR`` set (before the app starts) every process writes its
figures into files there and ``GET /metrics`` adds them up (prometheus_client's
multiprocess mode; ``meedoen.ops.gunicorn_conf`` empties the folder at start and marks
dead workers); the files are per process, so there one process runs one app, as gunicorn's
workers do. Without it the figures are those of the answering app only.

Labels never hold personal data: the route is the URL rule (``/api/v1/activities/<int:id>``),
never the path; a push service is the entry of ``PUSH_SERVICE_HOSTS`` it matched.
"""

import hmac
import logging
import os
import time
from datetime import UTC
from functools import lru_cache
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, current_app, g, has_app_context, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from meedoen.core.errors import fail

log = logging.getLogger(__name__)
UNMATCHED = "<unmatched>"
EXTENSION = "meedoen_metrics"

bp = Blueprint("metrics", __name__)


class Metrics:
    """One app's figures, on the app's own registry (what ``GET /metrics`` serves)."""

    def __init__(self, app: Flask):
        self.registry = registry = CollectorRegistry()
        self.requests = Counter("meedoen_http_requests", "HTTP requests answered",
                                ["method", "route", "status"], registry=registry)
        self.latency = Histogram(
            "meedoen_http_request_duration_seconds", "Time to answer a request",
            ["method", "route", "status"], registry=registry,
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.push = Counter("meedoen_push_attempts",
                            "Push messages handed to a push service, by answer",
                            ["host", "outcome"], registry=registry)
        # (host, outcome) -> its counter: labels() costs as much as the rest of counting
        self.push_counters: dict[tuple[str, str], Counter] = {}
        self.job_failures = Counter("meedoen_background_job_failures",
                                    "Background work that failed", ["job"], registry=registry)
        self.rate_limited = Counter("meedoen_rate_limit_refusals", "Requests refused with 429",
                                    ["route"], registry=registry)
        self.queues = QueueCollector(app)
        registry.register(self.queues)

    def for_scrape(self) -> CollectorRegistry:
        if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            return self.registry
        # Every process's files, read at each scrape (prometheus_client's multiprocess mode).
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(self.queues)
        return registry


def init_app(app: Flask) -> None:
    disable_created_metrics()  # no *_created series: half the lines, nothing lost
    app.extensions[EXTENSION] = Metrics(app)
    app.register_blueprint(bp)


def _app(app: Flask | None) -> Flask | None:
    if app is None and has_app_context():
        return current_app
    return app


def _metrics(app: Flask | None = None) -> Metrics | None:
    app = _app(app)
    return app.extensions.get(EXTENSION) if app is not None else None


def observe_request(method: str, route: str | None, status: int, seconds: float,
                    app: Flask | None = None) -> None:
    metrics = _metrics(app)
    if metrics is None:
        return
    route = route or UNMATCHED
    method = method if method in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
                                  "OPTIONS"} else "OTHER"
    labels = (method, route, str(status))
    metrics.requests.labels(*labels).inc()
    metrics.latency.labels(*labels).observe(seconds)
    if status == 429:
        metrics.rate_limited.labels(route).inc()


@lru_cache(maxsize=65_536)  # a worker counts the same devices again and again
def push_host(endpoint: str, allowed_hosts: tuple[str, ...]) -> str:
    """The allowlist entry an endpoint's host matched (never the endpoint itself)."""
    host = (urlsplit(endpoint).hostname or "").lower()
    if host in {"127.0.0.1", "localhost", "::1"}:
        return "loopback"
    for entry in allowed_hosts or ():
        entry = entry.lower()
        if host == entry or (entry.startswith(".") and host.endswith(entry)):
            return entry
    return "other"


def observe_push(endpoint: str, outcome: str, app: Flask | None = None) -> None:
    app = _app(app)
    if (metrics := _metrics(app)) is not None:
        key = (push_host(endpoint, tuple(app.config.get("PUSH_SERVICE_HOSTS", ()))), outcome)
        counter = metrics.push_counters.get(key)
        if counter is None:
            counter = metrics.push_counters[key] = metrics.push.labels(*key)
        counter.inc()


def job_failed(job: str, app: Flask | None = None) -> None:
    if (metrics := _metrics(app)) is not None:
        metrics.job_failures.labels(job).inc()


class QueueCollector:
    """Queue depth and the age of the oldest waiting job, read when Prometheus scrapes."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        depth = GaugeMetricFamily("meedoen_queue_depth", "Jobs waiting", labels=["queue"])
        age = GaugeMetricFamily("meedoen_queue_oldest_job_age_seconds",
                                "Age of the oldest waiting job", labels=["queue"])
        for name, count, oldest in self._queues():
            depth.add_metric([name], count)
            age.add_metric([name], oldest)
        yield depth
        yield age

    def _queues(self):
        with self.app.app_context():
            yield from _rq_queue(self.app)
            yield from _database_queues()


def _rq_queue(app):
    if app.config.get("NOTIFY_RUNNER") != "rq" or not app.config.get("REDIS_URL"):
        return
    from redis.exceptions import RedisError
    from rq import Queue

    from meedoen.notifications.runner import redis_connection

    try:
        queue = Queue(app.config["NOTIFY_QUEUE"], connection=redis_connection(app))
        count = queue.count
        oldest = 0.0
        ids = queue.get_job_ids(0, 1)  # the oldest waiting job (rq: offset, length)
        job = queue.fetch_job(ids[0]) if ids else None
        if job is not None and job.enqueued_at:
            enqueued = job.enqueued_at
            if enqueued.tzinfo is None:  # rq keeps UTC without a zone
                enqueued = enqueued.replace(tzinfo=UTC)
            oldest = max(0.0, time.time() - enqueued.timestamp())
        yield "rq", count, oldest
    except RedisError:
        log.warning("metrics: Redis is not reachable")


def _database_queues():
    """Push deliveries that are due (the database, not the queue, holds the real work)."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import SQLAlchemyError

    from meedoen.core.models import utcnow
    from meedoen.extensions import db
    from meedoen.notifications.models import Delivery, DeliveryStatus

    try:
        now = utcnow()
        due = (Delivery.status == DeliveryStatus.PENDING) & (
            Delivery.next_attempt_at.is_(None) | (Delivery.next_attempt_at <= now))
        count, oldest = db.session.execute(
            select(func.count(), func.min(Delivery.next_attempt_at)).where(due)).one()
        yield "push_deliveries", count, _age(now, oldest)
    except SQLAlchemyError:
        log.warning("metrics: the database is not reachable")
    finally:
        db.session.remove()


def _age(now, then) -> float:
    if then is None:
        return 0.0
    if then.tzinfo is None and now.tzinfo is not None:
        now = now.replace(tzinfo=None)
    return max(0.0, (now - then).total_seconds())


@bp.route("/metrics")
def metrics():
    g._login_user = current_app.login_manager.anonymous_user()  # no user, no database
    token = current_app.config.get("METRICS_TOKEN")
    if not token:
        fail(404)
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        fail(401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    body = generate_latest(current_app.extensions[EXTENSION].for_scrape())
    return Response(body, headers={"Content-Type": CONTENT_TYPE_LATEST,
                                   "Cache-Control": "no-store"})
