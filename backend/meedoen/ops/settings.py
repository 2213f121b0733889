"""Operations settings, read from the environment (see ops/README.md: Settings)."""

import os


def ops_defaults() -> dict:
    env = os.environ.get
    return {
        # PostgreSQL: give up connecting after this many seconds (libpq's connect_timeout,
        # at least 2) and cancel any statement that runs longer (milliseconds, 0 = never).
        "DATABASE_CONNECT_TIMEOUT": int(env("DATABASE_CONNECT_TIMEOUT", "5")),
        "DATABASE_STATEMENT_TIMEOUT_MS": int(env("DATABASE_STATEMENT_TIMEOUT_MS", "30000")),
        # Seconds a client is asked to wait (Retry-After) when the database is unavailable.
        "UNAVAILABLE_RETRY_AFTER": int(env("UNAVAILABLE_RETRY_AFTER", "5")),
        # Readiness: a worker counts as alive when its heartbeat is younger than this.
        "WORKER_HEARTBEAT_MAX_AGE": float(env("WORKER_HEARTBEAT_MAX_AGE", "60")),
        # Readiness parts that are reported (under "degraded") but do not make it fail.
        # Default redis,worker: the app serves without them (rate limits per process, messages
        # wait), and as shared parts they would take every app server out at once (see
        # ops/README.md: Readiness default). READY_OPTIONAL= (empty) makes all four required.
        "READY_OPTIONAL": frozenset(part.strip() for part in
                                    env("READY_OPTIONAL", "redis,worker").split(",")
                                    if part.strip()),
        # GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"; unset: 404.
        "METRICS_TOKEN": env("METRICS_TOKEN") or None,
        # One JSON line per request on stderr (logger "meedoen_request").
        "REQUEST_LOG": env("REQUEST_LOG", "1") not in {"0", "false", "no"},
    }


def engine_options(database_url: str) -> dict:
    """SQLAlchemy engine options: every connection is checked before use (recovery after the
    database comes back); with PostgreSQL a request waits at most DATABASE_POOL_TIMEOUT whole
    seconds (default 5) for a free connection of the pool, then it answers 503 (the pool is
    exhausted: the database is overloaded or slow). SQLite's test pools take no wait."""
    options = {"pool_pre_ping": True}
    if database_url.startswith("postgresql"):
        options["pool_timeout"] = int(os.environ.get("DATABASE_POOL_TIMEOUT", "5"))
    return options
