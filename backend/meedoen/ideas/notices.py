"""What the proposer and supporters of an idea are told (delivered by the notifications feature)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from meedoen.extensions import db
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized
from meedoen.ideas.models import STATUS_LABELS, Idea, IdeaStatus

STATUS_CHANGED = "idea.status_changed"
HIDDEN = "idea.hidden"


def register() -> None:
    """Called by the ideas' init_app: a user can turn these off in their profile."""
    from meedoen.notifications.preferences import notice_group

    notice_group("ideas", _l("News about ideas"), ["idea.*"], position=60)


def _idea_and_title(event) -> tuple[Idea | None, str]:
    idea = db.session.get(Idea, event.data["idea_id"])
    if idea is None:
        return None, ""
    return idea, localized(idea.texts, idea.original_language, current_language())["title"]


def idea_url(idea_id: int) -> str:
    """The link in a message about an idea (erasure finds others' messages by it)."""
    return f"/ideas/{idea_id}"


def _url(idea: Idea) -> str:
    return idea_url(idea.id)


def render_status_changed(event) -> dict | None:
    idea, title = _idea_and_title(event)
    if idea is None:
        return None
    status = STATUS_LABELS[IdeaStatus(event.data["status"])]
    heading = (_("News about your idea") if event.user_id == idea.author_id
               else _("News about an idea you support"))
    return {"title": heading,
            "body": _("“%(title)s” is now: %(status)s.", title=title, status=status),
            "url": _url(idea)}


def render_hidden(event) -> dict | None:
    idea, title = _idea_and_title(event)
    if idea is None or not idea.is_hidden:
        return None
    return {"title": _("Your idea has been hidden"),
            "body": _("“%(title)s” is no longer shown to others. The reason: %(reason)s",
                      title=title, reason=idea.hidden_reason),
            "url": _url(idea)}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    STATUS_CHANGED: render_status_changed,
    HIDDEN: render_hidden,
}
