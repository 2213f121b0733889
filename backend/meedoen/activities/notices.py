"""What signed-up youth are told about (delivered by the notifications feature)."""

from flask_babel import format_datetime, get_locale
from flask_babel import gettext as _

from meedoen.events import renderer
from meedoen.extensions import db
from meedoen.i18n.texts import localized

ACTIVITY_CHANGED = "activity.changed"
ACTIVITY_CANCELLED = "activity.cancelled"
SIGNUP_PROMOTED = "activity.promoted"
WHEN_FORMAT = "EEEE d MMMM, HH:mm"


def _rendered(event, title, body) -> dict | None:
    """``title(activity_title)`` and ``body(activity)`` give the texts (already translated)."""
    from meedoen.activities.models import Activity

    activity = db.session.get(Activity, event.data["activity_id"])
    if activity is None:
        return None
    text = localized(activity.texts, activity.original_language, str(get_locale()))
    return {"title": title(text["title"]), "body": body(activity),
            "url": f"/activities/{activity.id}"}


def _when(activity) -> str:
    return format_datetime(activity.starts_at, WHEN_FORMAT)


@renderer(ACTIVITY_CHANGED)
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


@renderer(ACTIVITY_CANCELLED)
def render_cancelled(event) -> dict | None:
    return _rendered(
        event, lambda title: _("Cancelled: %(title)s", title=title),
        lambda activity: _("This activity on %(when)s will not take place.",
                           when=_when(activity)))


@renderer(SIGNUP_PROMOTED)
def render_promoted(event) -> dict | None:
    return _rendered(
        event, lambda title: _("You have a place: %(title)s", title=title),
        lambda activity: _("A place became free and it is yours. See you on %(when)s!",
                           when=_when(activity)))
