"""What erasing an account removes beyond the database's ON DELETE.

The foreign keys take the person's own rows (CASCADE) and their name off shared ones
(SET NULL). Two kinds of trace are invisible to them, and are removed here, in the same
transaction as the delete (a SQLAlchemy ``before_delete`` on ``User``, so every way an
account is deleted does it):

- texts of *other* people that quote the person's content, e.g. a supporter's inbox item
  "“<idea title>” is now: Planned" (features register an ``on_erasure`` hook);
- ids inside audit details: the row stays (who did what, when), but a detail that names the
  person (``meedoen.audit.models.PERSON_KEYS``) or one of their own objects (``owned_ids``,
  e.g. ``idea_id``) becomes ``None``, and ``"erased"`` lists the keys that were emptied — a
  tombstone that says something was removed without saying who.
"""

from collections.abc import Callable

from sqlalchemy import Connection, event, or_, select, update

from meedoen.audit.models import PERSON_KEYS, AuditLog
from meedoen.auth.models import User

_hooks: list[Callable[[Connection, int], None]] = []
_owned: dict[str, Callable[[Connection, int], list[int]]] = {}


def on_erasure(fn: Callable[[Connection, int], None]):
    """Register ``fn(connection, user_id)``: runs before the user's row is deleted."""
    _hooks.append(fn)
    return fn


def owned_ids(detail_key: str):
    """Register ``fn(connection, user_id) -> [id]``: the person's own objects that audit
    details name under ``detail_key`` (e.g. ``idea_id``)."""

    def register(fn):
        _owned[detail_key] = fn
        return fn

    return register


def audit_targets(connection: Connection, user_id: int) -> dict[str, set[int]]:
    """Detail key -> the ids under that key that point at the person."""
    targets = {key: {user_id} for key in PERSON_KEYS}
    for key, fn in _owned.items():
        targets.setdefault(key, set()).update(fn(connection, user_id))
    return {key: ids for key, ids in targets.items() if ids}


def audit_rows_about(connection: Connection, targets: dict[str, set[int]]):
    if not targets:
        return []
    return connection.execute(
        select(AuditLog.id, AuditLog.details).where(or_(
            *(AuditLog.details[key].as_integer().in_(sorted(ids))
              for key, ids in targets.items())))
        .order_by(AuditLog.id)).all()


def tombstone_audit(connection: Connection, user_id: int) -> None:
    targets = audit_targets(connection, user_id)
    for row_id, details in audit_rows_about(connection, targets):
        new = dict(details or {})
        emptied = [key for key, ids in targets.items() if new.get(key) in ids]
        for key in emptied:
            new[key] = None
        new["erased"] = sorted(set(new.get("erased") or []) | set(emptied))
        connection.execute(update(AuditLog).where(AuditLog.id == row_id).values(details=new))


@event.listens_for(User, "before_delete")
def _erase_traces(mapper, connection: Connection, user: User) -> None:
    for hook in _hooks:
        hook(connection, user.id)
    tombstone_audit(connection, user.id)
