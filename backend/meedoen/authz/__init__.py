"""Authorization in one place: role checks and municipality scoping.

Each feature writes its policy with these helpers. Objects outside the user's
municipality are simply not found (404); a known object the user may see but
not change answers 403.
"""

from collections.abc import Iterable
from functools import wraps

from flask_login import current_user
from sqlalchemy import ColumnElement, select, true

from meedoen.auth.models import STAFF_ROLES, Role
from meedoen.core.errors import fail
from meedoen.extensions import db

STAFF = STAFF_ROLES
MANAGERS = frozenset({Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN})
YOUTH_WORKERS = frozenset({Role.YOUTH_WORKER, Role.ADMIN})


def require_login():
    if not current_user.is_authenticated:
        fail(401)
    return current_user


def require_role(roles: Iterable[Role]):
    user = require_login()
    if user.role not in set(roles):
        fail(403)
    return user


def roles_required(*roles: Role):
    """Decorator: 401 when logged out, 403 for a role not listed (none listed: any role)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if roles:
                require_role(roles)
            else:
                require_login()
            return view(*args, **kwargs)

        return wrapped

    return decorator


def is_admin(user) -> bool:
    return user.role == Role.ADMIN


def in_municipality(user, municipality_id: int | None) -> bool:
    return is_admin(user) or (municipality_id is not None
                              and municipality_id == user.municipality_id)


def municipality_scope(user, column) -> ColumnElement[bool]:
    """A WHERE clause that keeps only rows of the user's municipality (admins: all)."""
    return true() if is_admin(user) else column == user.municipality_id


def get_scoped_or_404(model, object_id: int, user=None, column=None):
    """Load one object of the user's municipality, or answer 404."""
    user = user or require_login()
    column = column if column is not None else model.municipality_id
    return one_or_404(model, object_id, municipality_scope(user, column))


def one_or_404(model, object_id: int, condition: ColumnElement[bool]):
    """The object with this id if the condition holds for it; else 404 (it does not exist)."""
    found = db.session.scalar(select(model).where(model.id == object_id, condition))
    if found is None:
        fail(404)
    return found
