"""Erasing an account: one explicit function, and a registry of erasers beside the exporters.

``erase_account(session, user)`` is the one way an account is erased (``DELETE /me``): in
one transaction it runs every registered eraser, empties the audit details that name the
person, and deletes the user's row. The foreign keys then take the person's own rows
(CASCADE) and their name off shared ones (SET NULL). What they cannot see is removed by the
erasers:

- texts of *other* people that quote the person's content, e.g. a supporter's inbox item
  "“<idea title>” is now: Planned" (a feature declares an eraser on its
  ``meedoen.privacy.PersonalData`` and its init_app registers it);
- ids inside audit details: the row stays (who did what, when), but a detail that names the
  person (``meedoen.audit.models.PERSON_KEYS``) or one of their own objects (``owned_ids``,
  e.g. ``idea_id``) becomes ``None``, and ``"erased"`` lists the keys that were emptied — a
  tombstone that says something was removed without saying who.

An eraser says which columns it clears (``covers``). tests/privacy/test_erasers.py walks the
metadata: every column that points at ``user.id`` is emptied by its foreign key's ON DELETE
or covered by an eraser, so a new feature's table cannot be forgotten.
"""

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.orm import Session

from meedoen.audit.models import PERSON_KEYS, AuditLog
from meedoen.privacy import Eraser, _erasers, _owned


def erasers() -> dict[str, Eraser]:
    return dict(_erasers)


def erased_columns() -> dict[str, set[str]]:
    """``"table.column"`` -> the erasers that cover it."""
    found: dict[str, set[str]] = {}
    for name, registered in _erasers.items():
        for column in registered.covers:
            found.setdefault(column, set()).add(name)
    return found


def erase_account(session: Session, user) -> None:
    """Erase ``user``: the erasers, the audit tombstones, then the row (ON DELETE does the
    rest). The caller commits."""
    connection = session.connection()
    for registered in _erasers.values():
        registered.erase(connection, user.id)
    tombstone_audit(connection, user.id)
    session.delete(user)
    session.flush()


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
