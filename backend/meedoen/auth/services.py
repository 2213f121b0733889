"""Accounts: checking a login, throttling failures, changing passwords and roles."""

import math
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from meedoen.auth.models import User
from meedoen.auth.passwords import hash_password, is_common, needs_rehash, verify_password
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db

MAX_LOCK = timedelta(hours=1)


def normalise_username(username: str) -> str:
    return username.strip().lower()


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


def authenticate(username: str, password: str) -> User:
    user = find_by_username(username)
    if user and user.locked_until and user.locked_until > utcnow():
        _fail_locked(user)
    if not verify_password(user.password_hash if user else None, password):
        if user:
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
    over = user.failed_logins - current_app.config["LOGIN_FAILURES_BEFORE_LOCK"]
    if over >= 0:
        user.locked_until = utcnow() + min(timedelta(minutes=2**over), MAX_LOCK)
        db.session.commit()
        _fail_locked(user)


def _fail_locked(user: User):
    wait = math.ceil((user.locked_until - utcnow()).total_seconds())
    fail(429, "account_locked",
         _("Too many wrong passwords. Please wait a few minutes and try again."),
         headers={"Retry-After": str(max(wait, 1))})


def check_new_password(password: str, field: str = "password") -> None:
    if is_common(password):
        message = _("This password is too easy to guess. Choose another one.")
        fail(422, fields={field: [message]})


def change_password(user: User, current: str, new: str) -> None:
    """Wrong current passwords count towards the same lock as failed logins."""
    if user.locked_until and user.locked_until > utcnow():
        _fail_locked(user)
    if not verify_password(user.password_hash, current):
        _count_failure(user)
        fail(422, fields={"current_password": [_("Your current password is not correct.")]})
    check_new_password(new, field="new_password")
    user.password_hash = hash_password(new)
    user.rotate_session_token()


def username_taken(username: str) -> bool:
    return db.session.scalar(
        select(func.count()).select_from(User).where(User.username == normalise_username(username))
    ) > 0
