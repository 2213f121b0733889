"""Automatic messages in groups that a user can turn off in their profile.

Each feature declares its groups where it renders their messages (``notice_group``, called
from its init_app): the label in the settings screen, the notice kinds in it and where it is
listed. A new feature adds its kinds in its own folder; this module names none.
"""

from collections.abc import Iterable

from sqlalchemy import select

from meedoen.extensions import db
from meedoen.notifications.models import NotificationOptOut

# group -> (position, label); "kind" or "prefix.*" -> group.
_groups: dict[str, tuple[int, object]] = {}
_kind_groups: dict[str, str] = {}


def notice_group(group: str, label, kinds: Iterable[str], *, position: int) -> None:
    """Register a group a user can turn off: ``label`` (lazy gettext) in the settings screen,
    listed by ``position`` (smaller first); ``kinds`` are notice kinds (``"activity.changed"``)
    or ``"activity.*"`` for every kind of that prefix that no group names itself."""
    _groups[group] = (position, label)
    for kind in kinds:
        _kind_groups[kind] = group


def groups() -> dict[str, object]:
    """group -> label, in the order of the settings screen."""
    return {group: label for group, (_, label) in
            sorted(_groups.items(), key=lambda item: item[1][0])}


def group_of(kind: str) -> str | None:
    return _kind_groups.get(kind) or _kind_groups.get(kind.split(".", 1)[0] + ".*")


def opted_out(user_id: int) -> set[str]:
    return set(db.session.scalars(
        select(NotificationOptOut.group).where(NotificationOptOut.user_id == user_id)))


def change_settings(user_id: int, changes: dict[str, bool]) -> None:
    off = opted_out(user_id)
    for group, enabled in changes.items():
        if enabled and group in off:
            db.session.delete(db.session.get(NotificationOptOut, (user_id, group)))
        elif not enabled and group not in off:
            db.session.add(NotificationOptOut(user_id=user_id, group=group))
