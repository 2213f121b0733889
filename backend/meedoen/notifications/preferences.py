"""Automatic messages in groups that a user can turn off in their profile."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from meedoen.extensions import db
from meedoen.notifications.models import NotificationOptOut

REMINDER_KIND = "activity.reminder"

GROUPS = {
    "activity_reminder": _l("Reminder the day before an activity"),
    "activity_changed": _l("An activity I signed up for changed time or place"),
    "activity_cancelled": _l("An activity I signed up for was cancelled"),
    "waiting_list": _l("I got a place from the waiting list"),
    "answers": _l("Questions and answers"),
    "ideas": _l("News about ideas"),
}
KIND_GROUPS = {
    REMINDER_KIND: "activity_reminder",
    "activity.changed": "activity_changed",
    "activity.cancelled": "activity_cancelled",
    "activity.promoted": "waiting_list",
}
PREFIX_GROUPS = {"activity": "activity_changed", "question": "answers", "idea": "ideas"}


def group_of(kind: str) -> str | None:
    return KIND_GROUPS.get(kind) or PREFIX_GROUPS.get(kind.split(".", 1)[0])


def opted_out(user_id: int) -> set[str]:
    return set(db.session.scalars(
        select(NotificationOptOut.group).where(NotificationOptOut.user_id == user_id)))


def settings_of(user_id: int) -> list[dict]:
    off = opted_out(user_id)
    return [{"group": group, "label": str(label), "enabled": group not in off}
            for group, label in GROUPS.items()]


def change_settings(user_id: int, changes: dict[str, bool]) -> None:
    off = opted_out(user_id)
    for group, enabled in changes.items():
        if enabled and group in off:
            db.session.delete(db.session.get(NotificationOptOut, (user_id, group)))
        elif not enabled and group not in off:
            db.session.add(NotificationOptOut(user_id=user_id, group=group))
