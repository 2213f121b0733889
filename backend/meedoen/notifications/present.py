"""Inbox messages as the API shows them: each in its reader's language with its writing
direction, and a machine-translated one with the sender's original beside it."""

from meedoen.notifications.models import InboxItem
from meedoen.notifications.payload import direction
from meedoen.notifications.translation import with_originals


def present_inbox_items(items: list[InboxItem]) -> list[dict]:
    """One query for the originals of the whole page (``with_originals``)."""
    return [present_inbox_item(item) for item in with_originals(list(items))]


def present_inbox_item(item: InboxItem) -> dict:
    shown = {"id": item.id, "kind": item.kind, "title": item.title, "body": item.body,
             "url": item.url, "lang": item.lang, "dir": direction(item.lang),
             "translation": item.translation, "created_at": item.created_at,
             "read_at": item.read_at, "opened_at": item.opened_at}
    original = getattr(item, "original", None)
    if original is not None:
        shown["original"] = original
    return shown
