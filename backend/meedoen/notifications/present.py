"""The answers of notifications: inbox messages, each in its reader's language with its
writing direction and a machine-translated one with the sender's original beside it; the
inbox page; the notification settings; the sender's list and the recipient count."""

from meedoen.notifications.models import InboxItem
from meedoen.notifications.payload import direction
from meedoen.notifications.preferences import groups
from meedoen.notifications.services import with_figures
from meedoen.notifications.translation import with_originals


def inbox(page: dict, unread: int) -> dict:
    """InboxSchema: a page of my messages and how many of all are unread."""
    return {**page, "items": present_inbox_items(page["items"]), "unread": unread}


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


def settings(off: set[str]) -> dict:
    """PreferencesSchema: every group a user can turn off, ``off``: those they turned off."""
    return {"settings": [{"group": group, "label": str(label), "enabled": group not in off}
                         for group, label in groups().items()]}


def sent_page(page: dict) -> dict:
    """A page of sent notifications with their figures (NotificationOutSchema dumps each)."""
    return {**page, "items": with_figures(page["items"])}


def recipient_count(count: int) -> dict:
    return {"count": count}
