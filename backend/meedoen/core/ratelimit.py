"""Rate limits that hold across every app server and gunicorn worker.

flask-limiter counts in the store that ``RATELIMIT_STORAGE_URI`` names: Redis when
``REDIS_URL`` is set, otherwise ``meedoen+db://``, a ``limits`` storage kept in the app's own
database (SQLite or PostgreSQL) in the ``rate_limit_counter`` table. It registers itself with
the ``limits`` storage registry by its ``STORAGE_SCHEME``, so flask-limiter builds it like any
other store. ``memory://`` (one count per process: two workers, twice the limit) is never the
default.

A counter is one row per key: an atomic ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` adds
to it, or starts it again when its window has passed, so concurrent requests through any
number of processes each see their own count (the fixed-window strategy needs nothing more).
"""

import hashlib
import itertools
import math
import time
from datetime import datetime, timedelta

from flask import current_app
from limits import RateLimitItem, parse_many
from limits.storage import Storage
from sqlalchemy import Float, Integer, String, case, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db

KEY_MAX = 200
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
_PURGE_EVERY = 500  # counter updates per process between two deletions of expired rows


class RateLimitCounter(db.Model):
    """One fixed-window counter: ``count`` hits until ``expires_at`` (Unix seconds)."""

    __tablename__ = "rate_limit_counter"

    key: Mapped[str] = mapped_column(String(KEY_MAX), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)


def _short(key: str) -> str:
    """Keys are made of names and addresses; a very long one is stored as its hash."""
    if len(key) <= KEY_MAX:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


class DatabaseStorage(Storage):
    """A ``limits`` storage in the app's database (``meedoen+db://``).

    It uses the engine of the Flask app handling the request (each request of each worker
    talks to the same database), on its own connection and transaction: a count survives
    the rollback of the request that made it.
    """

    STORAGE_SCHEME = ["meedoen+db"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False,
                 engine: Engine | None = None, **_options):
        super().__init__(uri, wrap_exceptions)
        self._engine = engine
        self._updates = itertools.count(1)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    @property
    def engine(self) -> Engine:
        return self._engine or db.engine

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        table = RateLimitCounter.__table__
        with self.engine.begin() as conn:
            insert = _INSERTS[conn.dialect.name]
            expired = table.c.expires_at <= now
            statement = (
                insert(table).values(key=_short(key), count=amount, expires_at=now + expiry)
                .on_conflict_do_update(index_elements=[table.c.key], set_={
                    "count": case((expired, amount), else_=table.c.count + amount),
                    "expires_at": case((expired, now + expiry), else_=table.c.expires_at),
                })
                .returning(table.c.count)
            )
            count = conn.execute(statement).scalar_one()
            if next(self._updates) % _PURGE_EVERY == 0:
                conn.execute(delete(table).where(table.c.expires_at < now))
        return count

    def _row(self, key: str):
        table = RateLimitCounter.__table__
        with self.engine.connect() as conn:
            return conn.execute(select(table.c.count, table.c.expires_at)
                                .where(table.c.key == _short(key))).first()

    def get(self, key: str) -> int:
        row = self._row(key)
        return row.count if row and row.expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        now = time.time()
        return row.expires_at if row and row.expires_at > now else now

    def check(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self.engine.begin() as conn:
            return conn.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        table = RateLimitCounter.__table__
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == _short(key)))


# The app's own limits (questions, replies, notifications): counted in the database from the
# rows the actions leave behind, so every server sees the same count and nothing extra is
# stored. Each limit is configured as flask-limiter's strings ("3 per 10 minutes; 10 per day").


def parse_limits(value: str) -> list[RateLimitItem]:
    return parse_many(value)


def retry_after(times: list[datetime], rules: list[RateLimitItem],
                now: datetime) -> int | None:
    """Seconds until another action fits every rule, given the times of earlier actions
    (newest first, at least ``max(amount)`` of them when there are that many); None: now."""
    wait = 0.0
    for rule in rules:
        window = timedelta(seconds=rule.get_expiry())
        recent = [t for t in times if t > now - window]
        if len(recent) >= rule.amount:
            wait = max(wait, (recent[rule.amount - 1] + window - now).total_seconds())
    return max(math.ceil(wait), 1) if wait > 0 else None


def longest_window(rules: list[RateLimitItem]) -> timedelta:
    return timedelta(seconds=max(rule.get_expiry() for rule in rules))


def most(rules: list[RateLimitItem]) -> int:
    return max(rule.amount for rule in rules)


def configured(name: str) -> list[RateLimitItem]:
    return parse_limits(current_app.config[name])


def refuse(code: str, message, seconds: int):
    """429 in the app's error shape, with Retry-After."""
    fail(429, code, message, headers={"Retry-After": str(seconds)})


def check_per_person(user, column, conditions, setting: str, code: str, message) -> None:
    """Refuse (429) one more action of ``user`` when the earlier ones (the rows ``column``
    times, filtered by ``conditions``) already fill a limit of ``setting``.

    A no-op UPDATE of the person's row first makes two requests of one person wait for each
    other (a row lock on PostgreSQL, the write lock on SQLite), so they count each other.
    ``user`` is the person's mapped row (auth's ``User``); its class names the table, so core
    imports no feature.
    """
    # The mapped class (auth.models.User); __class__, not type(): ``user`` may be
    # flask_login's current_user, a proxy.
    User = user.__class__

    rules = configured(setting)
    db.session.execute(update(User).where(User.id == user.id)
                       .values(display_name=User.display_name)
                       .execution_options(synchronize_session=False))
    now = utcnow()
    times = db.session.scalars(
        select(column).where(*conditions, column > now - longest_window(rules))
        .order_by(column.desc()).limit(most(rules))).all()
    if wait := retry_after(list(times), rules, now):
        refuse(code, message, wait)
