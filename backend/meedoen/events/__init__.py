"""Things a user should be told about, recorded in the same transaction as their cause.

A feature calls ``notify("activity.cancelled", user_ids, activity_id=7)`` and
registers a renderer for its kinds that returns the title, body and link in a
given language. The notifications feature turns pending events into inbox items
and Web Push messages. Events hold ids, never message bodies.
"""

from collections.abc import Callable, Iterable

from meedoen.events.models import Event
from meedoen.extensions import db

_renderers: dict[str, Callable] = {}


def notify(kind: str, user_ids: Iterable[int], **data) -> list[Event]:
    events = [Event(kind=kind, user_id=user_id, data=data) for user_id in dict.fromkeys(user_ids)]
    db.session.add_all(events)
    return events


def renderer(kind: str):
    """Register ``fn(event) -> {"title", "body", "url"}``.

    It is called with the recipient's language active, so gettext translates.
    """

    def register(fn):
        _renderers[kind] = fn
        return fn

    return register


def render(event: Event) -> dict | None:
    fn = _renderers.get(event.kind)
    return fn(event) if fn else None
