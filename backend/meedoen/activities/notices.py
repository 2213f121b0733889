"""What signed-up youth are told about (delivered by the notifications feature)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from meedoen.extensions import db
from meedoen.i18n import current_language, format_when
from meedoen.i18n.texts import localized

ACTIVITY_CHANGED = "activity.changed"
ACTIVITY_CANCELLED = "activity.cancelled"
SIGNUP_PROMOTED = "activity.promoted"


def register() -> None:
    """Called by the activities' init_app: the groups a youth can turn off in their profile
    (the day-before reminder's group is in reminders.py)."""
    from meedoen.notifications.preferences import notice_group

    notice_group("activity_changed", _l("An activity I signed up for changed time or place"),
                 [ACTIVITY_CHANGED, "activity.*"], position=20)
    notice_group("activity_cancelled", _l("An activity I signed up for was cancelled"),
                 [ACTIVITY_CANCELLED], position=30)
    notice_group("waiting_list", _l("I got a place from the waiting list"), [SIGNUP_PROMOTED],
                 position=40)


def _rendered(event, title, body) -> dict | None:
    """``title(activity_title)`` and ``body(activity)`` give the texts (already translated)."""
    from meedoen.activities.models import Activity

    activity = db.session.get(Activity, event.data["activity_id"])
    if activity is None:
        return None
    text = localized(activity.texts, activity.original_language, current_language())
    return {"title": title(text["title"]), "body": body(activity),
            "url": f"/activities/{activity.id}"}


def _when(activity) -> str:
    return format_when(activity.starts_at)


def render_changed(event) -> dict | None:
    changes = event.data.get("changes", [])

    def body(activity) -> str:
        lines = []
        if "time" in changes:
            lines.append(_("New time: %(when)s.", when=_when(activity)))
        if "place" in changes:
            lines.append(_("New place: %(venue)s.", venue=activity.venue_name))
        return " ".join(lines)

    return _rendered(event, lambda title: _("Changed: %(title)s", title=title), body)


def render_cancelled(event) -> dict | None:
    return _rendered(
        event, lambda title: _("Cancelled: %(title)s", title=title),
        lambda activity: _("This activity on %(when)s will not take place.",
                           when=_when(activity)))


def render_promoted(event) -> dict | None:
    return _rendered(
        event, lambda title: _("You have a place: %(title)s", title=title),
        lambda activity: _("A place became free and it is yours. See you on %(when)s!",
                           when=_when(activity)))


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    ACTIVITY_CHANGED: render_changed,
    ACTIVITY_CANCELLED: render_cancelled,
    SIGNUP_PROMOTED: render_promoted,
}
