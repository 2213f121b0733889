"""Operations settings, read from the environment (see README: Running it in production)."""

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
        # Readiness parts that are reported but do not make it fail (comma-separated:
        # redis, worker): keep serving when only these are down.
        "READY_OPTIONAL": frozenset(part.strip() for part in env("READY_OPTIONAL", "").split(",")
                                    if part.strip()),
        # GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"; unset: 404.
        "METRICS_TOKEN": env("METRICS_TOKEN") or None,
        # One JSON line per request on stderr (logger "meedoen_request").
        "REQUEST_LOG": env("REQUEST_LOG", "1") not in {"0", "false", "no"},
    }
