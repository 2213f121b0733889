"""Things a user should be told about, recorded in the same transaction as their cause.

A feature calls ``notify("activity.cancelled", user_ids, activity_id=7)`` and
declares a renderer for each of its kinds (``RENDERERS`` in its ``notices.py``, registered
by its init_app with ``register_renderers``) that returns the title, body and link in a
given language. The notifications feature turns pending events into inbox items
and Web Push messages. Events hold ids, never message bodies.
"""

from collections.abc import Callable, Iterable, Mapping

from meedoen.events.models import Event
from meedoen.extensions import db

_renderers: dict[str, Callable] = {}  # filled by the features' init_app


def notify(kind: str, user_ids: Iterable[int], **data) -> list[Event]:
    events = [Event(kind=kind, user_id=user_id, data=data) for user_id in dict.fromkeys(user_ids)]
    db.session.add_all(events)
    return events


def register_renderers(renderers: Mapping[str, Callable]) -> None:
    """Called by a feature's init_app with its notices' ``RENDERERS``: kind ->
    ``fn(event) -> {"title", "body", "url"}`` (or None: nothing to tell any more).

    It is called with the recipient's language active, so gettext translates.
    """
    _renderers.update(renderers)


def render(event: Event) -> dict | None:
    fn = _renderers.get(event.kind)
    return fn(event) if fn else None
