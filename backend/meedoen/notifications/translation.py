"""Notifications as something the translation feature translates (meedoen.translation): a
youth worker's message, written for publication, made readable in each recipient's app
language before it goes out (the background tick translates before it fans out,
notifications/dispatch.py), and the original one tap away in the inbox."""

from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.extensions import db
from meedoen.i18n.texts import MACHINE, fields_of
from meedoen.notifications.audience import recipients_query
from meedoen.notifications.models import (
    ORIGINAL_LANGUAGE,
    TEXT_FIELDS,
    InboxItem,
    Notification,
    NotificationStatus,
    NotificationText,
)
from meedoen.translation.audience import base
from meedoen.translation.subjects import Subject


def _rows(notification: Notification) -> dict:
    return {text.lang: text for text in notification.texts}


def _add_row(notification: Notification, language: str) -> NotificationText:
    text = NotificationText(lang=language, title="", body="")
    notification.texts.append(text)
    return text


def _targets(notification: Notification) -> set[str]:
    """The app languages of its recipients as they are now; none once it has gone out (a
    translation that comes later would reach nobody)."""
    if notification.status != NotificationStatus.SCHEDULED:
        return set()
    codes = db.session.scalars(
        select(User.ui_language).distinct()
        .where(User.id.in_(recipients_query(notification.municipality_id,
                                            notification.audience))))
    return {base(code) for code in codes if code} & set(SHIPPED_LANGUAGES)


def _label(notification: Notification) -> str:
    original = _rows(notification).get(ORIGINAL_LANGUAGE)
    return original.title if original else str(notification.id)


NOTIFICATION = Subject(
    name="notification", model=Notification, fields=TEXT_FIELDS, rows=_rows, add_row=_add_row,
    original_language=lambda notification: ORIGINAL_LANGUAGE, target_languages=_targets,
    label=_label)


def with_originals(items: list[InboxItem]) -> list[InboxItem]:
    """Machine-translated messages get ``original`` ({language, title, body}: the sender's
    Dutch text), so "show the original" needs no other request. One query for the page."""
    machine = {item.notification_id for item in items
               if item.translation == MACHINE and item.notification_id is not None}
    if not machine:
        return items
    originals = {text.notification_id: text for text in db.session.scalars(
        select(NotificationText).where(NotificationText.notification_id.in_(machine),
                                       NotificationText.lang == ORIGINAL_LANGUAGE))}
    for item in items:
        original = originals.get(item.notification_id) if item.translation == MACHINE else None
        if original is not None:
            item.original = {"language": ORIGINAL_LANGUAGE, **fields_of(original, TEXT_FIELDS)}
    return items
