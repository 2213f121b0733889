"""Accounts: checking a login, throttling failures, changing passwords and roles."""

import logging
import math
from collections.abc import Iterable
from datetime import timedelta
from typing import NoReturn

from flask_babel import gettext as _
from sqlalchemy import func, select

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.auth.notices import LOGIN_ATTEMPTS
from meedoen.auth.passwords import (
    BLANK,
    PERSONAL,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from meedoen.auth.throttle import client_address, count_failure, locked_for, succeeded
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.transaction import commit
from meedoen.events import notify
from meedoen.events.models import Event
from meedoen.extensions import db

log = logging.getLogger(__name__)


def normalise_username(username: str) -> str:
    return username.strip().lower()


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


def authenticate(username: str, password: str) -> User:
    """The account for this username and password, or 401/429.

    Failures are counted per username and client address, and per username (see
    meedoen.auth.throttle), for a name nobody has exactly as for a real one: the answers,
    locks included, do not tell which usernames exist.
    """
    name = normalise_username(username)
    address = client_address()
    if wait := locked_for(name, address):
        _answer_locked(wait)
    user = find_by_username(name)
    right = verify_password(user.password_hash if user else None, password)
    if not (right and user.is_active):
        _count_failure(name, address, user)
        fail(401, "invalid_credentials", _("This username and password do not match."))
    succeeded(name, address)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def _count_failure(name: str, address: str, user: User | None) -> None:
    """Counted and committed at once (the answer is an error, which keeps nothing else);
    a lock that starts now is 429 and tells the owner."""
    wait, started = count_failure(name, address)
    if started and user is not None and user.is_active:
        tell_owner(user)
    commit()
    if wait:
        _answer_locked(wait)


def tell_owner(user: User) -> None:
    """An inbox notice (at most one a day): someone typed wrong passwords for this account."""
    since = utcnow() - timedelta(days=1)
    told = db.session.scalar(select(func.count()).select_from(Event).where(
        Event.user_id == user.id, Event.kind == LOGIN_ATTEMPTS, Event.created_at > since))
    if not told:
        notify(LOGIN_ATTEMPTS, [user.id])


def _answer_locked(seconds: float) -> NoReturn:
    fail(429, "account_locked",
         _("Too many wrong passwords. Please wait a few minutes and try again."),
         headers={"Retry-After": str(max(math.ceil(seconds), 1))})


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
    address = client_address()
    if wait := locked_for(normalise_username(user.username), address):
        _answer_locked(wait)
    if not verify_password(user.password_hash, current):
        _count_failure(normalise_username(user.username), address, user)
        fail(422, fields={"current_password": [_("Your current password is not correct.")]})
    check_new_password(new, field="new_password",
                       context=(user.username, user.display_name, new_display_name))
    user.password_hash = hash_password(new)
    user.rotate_session_token()


def username_taken(username: str) -> bool:
    return db.session.scalar(
        select(func.count()).select_from(User).where(User.username == normalise_username(username))
    ) > 0


def update_user(admin: User, user: User, changes: dict) -> None:
    """An admin changes someone's role or deactivates them: their sessions end."""
    keep_an_admin(user, _leaves_admin(changes))
    if "role" in changes and Role(changes["role"]) != user.role:
        user.role = Role(changes["role"])
        user.rotate_session_token()
    if "active" in changes and changes["active"] != user.is_active_account:
        user.is_active_account = changes["active"]
        user.rotate_session_token()
    record(admin, "user.update", user.municipality_id, user_id=user.id, changed=sorted(changes))


def _leaves_admin(changes: dict) -> bool:
    stops_being_admin = changes.get("role", Role.ADMIN.value) != Role.ADMIN.value
    return stops_being_admin or changes.get("active") is False


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
