"""The day-before reminder for a confirmed sign-up: made by the background work (registered
with ``meedoen.notifications.dispatch``), delivered by the notifications feature."""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError

from meedoen.activities.models import (
    Activity,
    ActivityReminder,
    ActivityStatus,
    Signup,
    SignupStatus,
)
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n import current_language, format_when
from meedoen.i18n.texts import localized

REMINDER_KIND = "activity.reminder"
AHEAD = timedelta(hours=24)


def register() -> None:
    """Called by the activities' init_app: the reminders run with the background work, and a
    youth can turn them off in their profile (listed first)."""
    from meedoen.notifications.dispatch import due_work
    from meedoen.notifications.preferences import notice_group

    due_work("reminders", make_due_reminders, position=10)
    notice_group("activity_reminder", _l("Reminder the day before an activity"),
                 [REMINDER_KIND], position=10)


def make_due_reminders(now: datetime) -> int:
    """Once per sign-up, from 24 hours before the start; not for sign-ups made later than that."""
    due = db.session.execute(
        select(Signup.activity_id, Signup.user_id, Signup.created_at, Activity.starts_at)
        .join(Activity, Activity.id == Signup.activity_id)
        .outerjoin(ActivityReminder, and_(ActivityReminder.activity_id == Signup.activity_id,
                                          ActivityReminder.user_id == Signup.user_id))
        .where(Signup.status == SignupStatus.CONFIRMED,
               Activity.status == ActivityStatus.PUBLISHED,
               Activity.starts_at > now, Activity.starts_at <= now + AHEAD,
               ActivityReminder.user_id.is_(None))
    ).all()
    made = 0
    for activity_id, user_id, signed_up_at, starts_at in due:
        if signed_up_at > starts_at - AHEAD:
            continue  # signed up within the last day: no reminder needed
        try:
            with db.session.begin_nested():
                db.session.add(ActivityReminder(activity_id=activity_id, user_id=user_id))
                notify(REMINDER_KIND, [user_id], activity_id=activity_id)
            made += 1
        except IntegrityError:  # another worker made this one just now
            continue
    return made  # run_due_work commits (due work only flushes)


def render_reminder(event) -> dict | None:
    activity = db.session.get(Activity, event.data["activity_id"])
    if activity is None or activity.status.value != "published":
        return None
    title = localized(activity.texts, activity.original_language, current_language())["title"]
    when = format_when(activity.starts_at)
    return {"title": _("Reminder: %(title)s", title=title),
            "body": _("You signed up. It starts on %(when)s at %(venue)s.", when=when,
                      venue=activity.venue_name),
            "url": f"/activities/{activity.id}"}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    REMINDER_KIND: render_reminder,
}
