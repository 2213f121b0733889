"""Accounts: checking a login, throttling failures, changing passwords and roles."""

import hashlib
import logging
import math
import time
from collections.abc import Iterable
from datetime import timedelta
from typing import NoReturn

from flask import current_app
from flask_babel import gettext as _
from limits.storage import Storage, storage_from_string
from sqlalchemy import func, select, update

from meedoen.auth.models import Role, User
from meedoen.auth.passwords import (
    BLANK,
    PERSONAL,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db

MAX_LOCK = timedelta(hours=1)
UNKNOWN_NAME_MEMORY = 24 * 3600  # seconds a failed login for a name nobody has is counted
log = logging.getLogger(__name__)


def normalise_username(username: str) -> str:
    return username.strip().lower()


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


def authenticate(username: str, password: str) -> User:
    user = find_by_username(username)
    if user is None:
        _refuse_unknown_name(normalise_username(username), password)
    if user.locked_until and user.locked_until > utcnow():
        _fail_locked(user)
    if not verify_password(user.password_hash, password):
        _count_failure(user)
        fail(401, "invalid_credentials", _("This username and password do not match."))
    if not user.is_active:
        fail(401, "invalid_credentials", _("This username and password do not match."))
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.commit()
    return user


def _count_failure(user: User) -> None:
    """Counted in the database (one atomic UPDATE), so all app servers share it."""
    db.session.execute(
        update(User).where(User.id == user.id).values(failed_logins=User.failed_logins + 1)
    )
    db.session.commit()
    db.session.refresh(user)
    if lock := _lock_for(user.failed_logins):
        user.locked_until = utcnow() + lock
        db.session.commit()
        _fail_locked(user)


def _lock_for(failures: int) -> timedelta | None:
    over = failures - current_app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    return min(timedelta(minutes=2**over), MAX_LOCK) if over >= 0 else None


def _fail_locked(user: User):
    _answer_locked((user.locked_until - utcnow()).total_seconds())


def _answer_locked(seconds: float) -> NoReturn:
    fail(429, "account_locked",
         _("Too many wrong passwords. Please wait a few minutes and try again."),
         headers={"Retry-After": str(max(math.ceil(seconds), 1))})


def _refuse_unknown_name(username: str, password: str) -> NoReturn:
    """No account has this name: answer exactly as for one, lock included, so that a
    lock does not tell which usernames exist."""
    try:
        wait = _unknown_name_lock(username, password)
    except Exception:  # the limiter's storage (Redis) is down: refuse without a lock
        log.warning("login throttle storage unavailable", exc_info=True)
        wait = None
    if wait:
        _answer_locked(wait)
    fail(401, "invalid_credentials", _("This username and password do not match."))


def _unknown_name_lock(username: str, password: str) -> float | None:
    """Seconds this unknown name stays locked. Counted in the rate limits' storage
    (Redis when configured) under a hash of the name, for a day at most."""
    digest = hashlib.sha256(username.encode()).hexdigest()[:32]
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX", "")
    failures_key = f"{prefix}login-unknown/{digest}"
    lock_key = f"{prefix}login-unknown-lock/{digest}"
    storage = unknown_name_store()
    if storage.get(lock_key):
        return storage.get_expiry(lock_key) - time.time()
    verify_password(None, password)  # as slow as checking a real password
    lock = _lock_for(storage.incr(failures_key, UNKNOWN_NAME_MEMORY))
    if lock is None:
        return None
    seconds = int(lock.total_seconds())  # whole seconds: Redis expiries are integers
    storage.incr(lock_key, seconds)
    return seconds


def unknown_name_store() -> Storage:
    """One store per app, on RATELIMIT_STORAGE_URI (works whether rate limits are on)."""
    app = current_app._get_current_object()
    if "meedoen_unknown_names" not in app.extensions:
        app.extensions["meedoen_unknown_names"] = storage_from_string(
            app.config["RATELIMIT_STORAGE_URI"], **app.config["RATELIMIT_STORAGE_OPTIONS"])
    return app.extensions["meedoen_unknown_names"]


def check_new_password(password: str, field: str = "password",
                       context: Iterable[str | None] = ()) -> None:
    """The rules of meedoen.auth.passwords; ``context`` holds the username and display
    name(s) the password may not be or contain."""
    problem = password_problem(password, context)
    if problem is None:
        return
    if problem == BLANK:
        message = _("Your password cannot be only spaces. Choose another one.")
    elif problem == PERSONAL:
        message = _("Your password cannot contain your username or your name.")
    else:
        message = _("This password is too easy to guess. Choose another one.")
    fail(422, fields={field: [message]})


def change_password(user: User, current: str, new: str,
                    new_display_name: str | None = None) -> None:
    """Wrong current passwords count towards the same lock as failed logins."""
    if user.locked_until and user.locked_until > utcnow():
        _fail_locked(user)
    if not verify_password(user.password_hash, current):
        _count_failure(user)
        fail(422, fields={"current_password": [_("Your current password is not correct.")]})
    check_new_password(new, field="new_password",
                       context=(user.username, user.display_name, new_display_name))
    user.password_hash = hash_password(new)
    user.rotate_session_token()


def username_taken(username: str) -> bool:
    return db.session.scalar(
        select(func.count()).select_from(User).where(User.username == normalise_username(username))
    ) > 0


def keep_an_admin(user: User, leaves: bool) -> None:
    """Refuse (409) when ``leaves`` (deleted, demoted or deactivated) would take away the
    last active admin: then nobody could manage municipalities, locations and roles.

    The other active admins are locked (PostgreSQL) before they are counted, so two
    admins who leave at the same moment cannot both go. SQLite runs one write at a time.
    """
    if not leaves or user.role != Role.ADMIN or not user.is_active_account:
        return
    others = db.session.scalars(
        select(User.id).where(User.role == Role.ADMIN, User.is_active_account.is_(True),
                              User.id != user.id).with_for_update()
    ).first()
    if others is None:
        fail(409, "last_admin",
             _("You are the last administrator. First make someone else an administrator."))
