"""Failed logins, counted in the database so that every app server and worker shares them.

Two counters per attempt, each a row of ``login_throttle`` under a keyed hash (HMAC with the
app's secret key), never the name or the address itself:

- **per username and client address**: after ``LOGIN_FAILURES_BEFORE_LOCK`` wrong passwords
  in a row that *address* is locked out of that account for 1 minute, then 2, 4, … up to an
  hour. A stranger who types wrong passwords locks out the stranger, not the owner.
- **per username from every address**: a ceiling against guessing from many addresses. After
  ``LOGIN_ACCOUNT_CEILING`` failures in a day each further failure locks the account for
  everyone, but only for ``LOGIN_ACCOUNT_LOCK`` (a few minutes).

The key is the typed username (normalised), whether or not an account has it, so a name
nobody has is counted and locked exactly like a real one: the answers do not tell which
usernames exist. A counter starts again a day after its first failure; a successful login
clears the counter of its address.
"""

import hashlib
import hmac
from datetime import datetime, timedelta

from flask import current_app, request
from sqlalchemy import String, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db

MAX_LOCK = timedelta(hours=1)
WINDOW = timedelta(days=1)
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class LoginThrottle(db.Model):
    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int]
    # The counter starts again after this moment (a day after its first failure).
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


def _hash(*parts: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()


def client_address() -> str:
    """The client's address (behind TRUSTED_PROXIES, the one the proxies saw)."""
    return request.remote_addr or "unknown"


def keys(username: str, address: str) -> tuple[str, str]:
    """(per username and address, per username)."""
    return _hash("source", username, address), _hash("account", username)


def locked_for(username: str, address: str, now: datetime | None = None) -> float | None:
    """Seconds the lock on this attempt still lasts, if there is one."""
    now = now or utcnow()
    until = db.session.scalar(
        select(func.max(LoginThrottle.locked_until))
        .where(LoginThrottle.key.in_(keys(username, address)),
               LoginThrottle.locked_until > now))
    return (until - now).total_seconds() if until else None


def _add_failure(key: str, now: datetime) -> int:
    """One more failure on ``key`` (one atomic upsert); the count in its window."""
    table = LoginThrottle.__table__
    insert = _INSERTS[db.session.get_bind().dialect.name]
    expired = table.c.expires_at <= now
    statement = (
        insert(table).values(key=key, failures=1, expires_at=now + WINDOW, locked_until=None)
        .on_conflict_do_update(index_elements=[table.c.key], set_={
            "failures": case((expired, 1), else_=table.c.failures + 1),
            "expires_at": case((expired, now + WINDOW), else_=table.c.expires_at),
            "locked_until": case((expired, None), else_=table.c.locked_until),
        })
        .returning(table.c.failures))
    return db.session.execute(statement).scalar_one()


def source_lock(failures: int) -> timedelta | None:
    over = failures - current_app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    return min(timedelta(minutes=2**over), MAX_LOCK) if over >= 0 else None


def account_lock(failures: int) -> timedelta | None:
    if failures >= current_app.config["LOGIN_ACCOUNT_CEILING"]:
        return current_app.config["LOGIN_ACCOUNT_LOCK"]
    return None


def count_failure(username: str, address: str) -> tuple[float | None, bool]:
    """Count a failed attempt; (seconds locked now or None, whether a lock started now).

    Runs in the session's transaction; the caller commits it.
    """
    now = utcnow()
    source_key, account_key = keys(username, address)
    wait = None
    for key, lock_for in ((source_key, source_lock), (account_key, account_lock)):
        lock = lock_for(_add_failure(key, now))
        if lock is not None:
            db.session.execute(LoginThrottle.__table__.update()
                               .where(LoginThrottle.key == key)
                               .values(locked_until=now + lock))
            wait = max(wait or 0, lock.total_seconds())
    _purge(now)
    return wait, wait is not None


def succeeded(username: str, address: str) -> None:
    """The right password from this address: its counter starts again (the per-account
    ceiling keeps counting, so a stranger's guesses from elsewhere still add up)."""
    source_key, _ = keys(username, address)
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == source_key))


def _purge(now: datetime) -> None:
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.expires_at < now,
        (LoginThrottle.locked_until.is_(None)) | (LoginThrottle.locked_until < now)))
