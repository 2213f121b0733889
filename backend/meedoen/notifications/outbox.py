"""The outbox: due notifications and pending events become inbox rows and pending deliveries,
in bulk (one INSERT of inbox rows and one INSERT … SELECT of deliveries per batch).

Each batch is claimed in the transaction that writes its rows (a notification's status, an
event's ``handled_at``), so any number of workers may run this and nothing is made twice.
"""

import logging
from datetime import datetime

from sqlalchemy import insert, literal, select, update

from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.transaction import committing, rollback
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.i18n import use_language
from meedoen.notifications.audience import recipients_query
from meedoen.notifications.models import (
    Delivery,
    DeliveryStatus,
    InboxItem,
    Notification,
    NotificationOptOut,
    NotificationStatus,
)
from meedoen.notifications.payload import topic_for
from meedoen.notifications.preferences import group_of
from meedoen.notifications.quiet import push_not_before
from meedoen.notifications.translation import NOTIFICATION
from meedoen.push.models import PushSubscription
from meedoen.push.vapid import get_vapid, key_id
from meedoen.translation.worker import in_first_try

log = logging.getLogger(__name__)
URGENT_KINDS = {"activity.cancelled"}
EVENT_BATCH = 500
RECIPIENT_COLUMNS = (User.id, User.ui_language, User.quiet_from, User.quiet_until)


# -- notifications -> inbox items -----------------------------------------------------------

def fan_out_due(now: datetime) -> int:
    due = db.session.scalars(
        select(Notification.id)
        .where(Notification.status == NotificationStatus.SCHEDULED, Notification.send_at <= now,
               Notification.id.not_in(in_first_try(NOTIFICATION.name, now)))
        .order_by(Notification.send_at)
    ).all()
    rollback()  # only read
    return sum(fan_out(notification_id, now) for notification_id in due)


def fan_out(notification_id: int, now: datetime) -> int:
    """Inbox items and deliveries for one notification, in the transaction that claims it."""
    with committing():
        return _fan_out(notification_id, now)


def _fan_out(notification_id: int, now: datetime) -> int:
    claimed = db.session.execute(
        update(Notification)
        .where(Notification.id == notification_id,
               Notification.status == NotificationStatus.SCHEDULED)
        .values(status=NotificationStatus.SENT, sent_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return 0
    notification = db.session.get(Notification, notification_id)
    recipients = db.session.execute(
        select(*RECIPIENT_COLUMNS)
        .where(User.id.in_(recipients_query(notification.municipality_id,
                                            notification.audience)))
    ).all()
    # Each language's text (the sender's, or the machine's made just before) and how it came to be.
    texts = {lang: (notification.text_for(lang), notification.translation_for(lang))
             for lang in {u.ui_language for u in recipients}}
    common = {"notification_id": notification.id, "kind": "message", "url": notification.url,
              "topic": topic_for("n", notification_id), "urgent": notification.urgent,
              "created_at": now}
    rows = [_inbox_row(common, texts[user.ui_language], user, now) for user in recipients]
    if rows:
        db.session.execute(insert(InboxItem.__table__), rows)  # Core: no ORM bookkeeping
    add_deliveries(InboxItem.notification_id == notification_id)
    record(_sender(notification), "notification.delivered_to_inbox", notification.municipality_id,
           notification_id=notification_id, recipients=len(rows),
           content_hash=notification.content_hash)
    return 1


def _sender(notification: Notification):
    return db.session.get(User, notification.sender_id) if notification.sender_id else None


def _inbox_row(common: dict, shown: tuple, user, now: datetime) -> dict:
    text, translation = shown
    return {**common, "user_id": user.id, "lang": text.lang, "title": text.title,
            "body": text.body, "translation": translation,
            "push_after": push_not_before(now, user, common["urgent"])}


def add_deliveries(items_filter) -> None:
    """One pending delivery per (inbox item, device made with the current key)."""
    vapid = get_vapid()
    if vapid is None:
        return  # push is not set up: inbox only
    source = (
        select(InboxItem.id, PushSubscription.id, literal(DeliveryStatus.PENDING.value),
               InboxItem.push_after, literal(0))
        .join(PushSubscription, PushSubscription.user_id == InboxItem.user_id)
        .where(items_filter, PushSubscription.vapid_key_id == key_id(vapid))
    )
    db.session.execute(insert(Delivery).from_select(
        ["inbox_item_id", "subscription_id", "status", "next_attempt_at", "attempts"], source))


# -- events -> inbox items ---------------------------------------------------------------------

def handle_pending_events(now: datetime) -> int:
    """Every pending event, in batches: claim, render in each recipient's language, write."""
    handled = 0
    while True:
        with committing():  # one batch: claimed and written together
            pending = db.session.scalars(
                select(Event.id).where(Event.handled_at.is_(None)).order_by(Event.id)
                .limit(EVENT_BATCH)
            ).all()
            if not pending:
                return handled
            claimed = _claim_events(pending, now)
            rows = _event_rows(claimed, now)
            if rows:
                db.session.execute(insert(InboxItem.__table__), rows)
                add_deliveries(InboxItem.event_id.in_([row["event_id"] for row in rows]))
        handled += len(pending)


def _claim_events(event_ids: list[int], now: datetime) -> list[Event]:
    """The events of ``event_ids`` that no other worker took first, now ours."""
    ours = db.session.scalars(
        update(Event).where(Event.id.in_(event_ids), Event.handled_at.is_(None))
        .values(handled_at=now).returning(Event.id)
        .execution_options(synchronize_session=False)
    ).all()
    if not ours:
        return []
    return list(db.session.scalars(select(Event).where(Event.id.in_(ours)).order_by(Event.id)))


def _event_rows(events: list[Event], now: datetime) -> list[dict]:
    user_ids = {event.user_id for event in events}
    users = {user.id: user for user in db.session.execute(
        select(*RECIPIENT_COLUMNS).where(User.id.in_(user_ids)))}
    off = {tuple(row) for row in db.session.execute(
        select(NotificationOptOut.user_id, NotificationOptOut.group)
        .where(NotificationOptOut.user_id.in_(user_ids)))}
    rows = []
    for event in events:
        user = users.get(event.user_id)
        if user is None or (user.id, group_of(event.kind)) in off:
            continue
        content = _render(event, user.ui_language)
        if content:
            rows.append(_event_row(event, content, user, now))
    return rows


def _event_row(event: Event, content: dict, user, now: datetime) -> dict:
    urgent = event.kind in URGENT_KINDS
    first_id = next(iter(event.data.values()), event.id)
    return {"user_id": user.id, "event_id": event.id, "notification_id": None,
            "kind": event.kind, "lang": user.ui_language,
            "title": str(content["title"])[:200], "body": str(content.get("body") or ""),
            "translation": None, "url": content.get("url"),
            "topic": topic_for(event.kind.split(".")[0], first_id), "urgent": urgent,
            "created_at": now, "push_after": push_not_before(now, user, urgent)}


def _render(event: Event, lang: str) -> dict | None:
    try:
        with use_language(lang):
            return render(event)
    except Exception:  # one broken renderer must not stop everyone else's messages
        log.exception("rendering event %s (%s) failed", event.id, event.kind)
        return None
