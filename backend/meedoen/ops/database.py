"""The database as a dependency that can be down or overloaded.

- Bounded waits: libpq's ``connect_timeout`` and PostgreSQL's ``statement_timeout`` are set
  on every new connection (``do_connect``), from the app's configuration.
- ``is_unavailable(error)``: the errors that mean "the database cannot answer now" (no
  connection, a connection lost mid-request, the pool exhausted, a statement cancelled
  by the timeout). The API answers them with 503 and ``Retry-After`` (core/api.py).
"""

import logging
import sqlite3

from flask import Flask
from sqlalchemy import event
from sqlalchemy import exc as sa

try:  # psycopg 3 is the PostgreSQL driver we ship
    import psycopg
except ImportError:  # pragma: no cover
    psycopg = None

log = logging.getLogger(__name__)

_DBAPI_UNAVAILABLE = tuple(e for e in (
    psycopg and psycopg.OperationalError, psycopg and psycopg.InterfaceError,
) if e)


def is_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what it wraps) means the database cannot answer right now."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, sa.TimeoutError):  # the connection pool is exhausted
            return True
        if isinstance(error, sa.DBAPIError) and error.connection_invalidated:
            return True
        if isinstance(error, sa.OperationalError | sa.InterfaceError):
            return _operational(error.orig)
        if _DBAPI_UNAVAILABLE and isinstance(error, _DBAPI_UNAVAILABLE):
            return True
        error = getattr(error, "original_exception", None) or error.__cause__
        seen += 1
    return False


def _operational(orig) -> bool:
    if isinstance(orig, sqlite3.OperationalError):
        # SQLite: only a busy/locked database is "overloaded"; a missing table is a bug.
        text = str(orig).lower()
        return "locked" in text or "unable to open" in text or "disk i/o" in text
    return True  # PostgreSQL: connection refused/lost, admin shutdown, statement timeout


def bound_postgres_waits(app: Flask, engine) -> None:
    """Connect and statement time-outs on every new PostgreSQL connection of ``engine``."""
    if engine.dialect.name != "postgresql":
        return
    connect_timeout = max(2, int(app.config["DATABASE_CONNECT_TIMEOUT"]))
    statement_timeout = int(app.config["DATABASE_STATEMENT_TIMEOUT_MS"])

    @event.listens_for(engine, "do_connect")
    def _bounded(dialect, conn_rec, cargs, cparams):
        cparams.setdefault("connect_timeout", connect_timeout)
        if statement_timeout > 0:
            options = cparams.get("options", "")
            if "statement_timeout" not in options:
                cparams["options"] = f"{options} -c statement_timeout={statement_timeout}".strip()


def end_sessions_safely(app: Flask, db) -> None:
    """A connection that dies while the request's session is closed (its rollback fails) must
    not turn a finished answer into an error: the broken session is dropped, the pool
    replaces the connection. Registered after Flask-SQLAlchemy's teardown, so it runs first."""

    @app.teardown_appcontext
    def _end_session(_error):
        try:
            db.session.remove()
        except Exception as error:
            if not is_unavailable(error):
                raise
            log.warning("closing the session failed: %s", type(error).__name__)
            db.session.registry.clear()
