"""Background work: fan notifications out, turn events into messages, deliver pushes.

Everything here is idempotent and claims its work in the database, so any number
of workers (RQ or in-process) may run it, and a worker that dies half-way loses
nothing: a delivery it had claimed is sent again once its lease ends — at most
once more than what was in flight.
"""

import logging
import time
import uuid
from datetime import datetime, timedelta
from queue import Empty, SimpleQueue
from typing import NamedTuple

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import delete, insert, literal, or_, select, update

from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.notifications.audience import recipients_query
from meedoen.notifications.models import (
    Delivery,
    DeliveryStatus,
    InboxItem,
    Notification,
    NotificationStatus,
)
from meedoen.notifications.payload import build_payload, topic_for
from meedoen.notifications.preferences import group_of, opted_out
from meedoen.notifications.quiet import push_not_before
from meedoen.push.client import get_push_client
from meedoen.push.models import PushSubscription
from meedoen.push.sender import Message
from meedoen.push.vapid import get_vapid, key_id

log = logging.getLogger(__name__)
URGENT_KINDS = {"activity.cancelled"}
EVENT_BATCH = 500
# Deliveries claimed at a time, per unit of concurrency: enough queued that the sender never
# waits for the database, few enough that a dead worker repeats little.
WINDOW_FACTOR = 8


def run_due_work(now: datetime | None = None) -> dict:
    now = now or utcnow()
    from meedoen.contacts.screening import make_due_screening_reminders
    from meedoen.funds.jobs import make_due_renewal_reminders
    from meedoen.notifications.reminders import make_due_reminders

    # Translations first: a message sent now then reaches everyone in their language.
    done = {"recovered": recover_stale_claims(now), "translations": translations_due(now),
            "notifications": fan_out_due(now),
            "reminders": make_due_reminders(now),
            "screening_reminders": make_due_screening_reminders(now),
            "renewal_reminders": make_due_renewal_reminders(now)}
    done["events"] = handle_pending_events(now)
    done["deliveries"] = deliver_due(now)
    return done


def translations_due(now: datetime) -> int:
    from meedoen.translation.worker import run_due_translations

    try:
        return run_due_translations(now)
    except Exception:
        # Translation is a courtesy: its faults never hold up the messages.
        log.exception("translation work failed")
        db.session.rollback()
        return 0


# -- notifications -> inbox items -----------------------------------------------------------

def fan_out_due(now: datetime) -> int:
    due = db.session.scalars(
        select(Notification.id).where(Notification.status == NotificationStatus.SCHEDULED,
                                      Notification.send_at <= now).order_by(Notification.send_at)
    ).all()
    db.session.rollback()
    return sum(fan_out(notification_id, now) for notification_id in due)


def fan_out(notification_id: int, now: datetime) -> int:
    """Inbox items and deliveries for one notification, in the transaction that claims it."""
    claimed = db.session.execute(
        update(Notification)
        .where(Notification.id == notification_id,
               Notification.status == NotificationStatus.SCHEDULED)
        .values(status=NotificationStatus.SENT, sent_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        db.session.rollback()
        return 0
    notification = db.session.get(Notification, notification_id)
    recipients = db.session.execute(
        select(User.id, User.ui_language, User.quiet_from, User.quiet_until)
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
    db.session.commit()
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
    handled = 0
    while True:
        events = db.session.scalars(
            select(Event).where(Event.handled_at.is_(None)).order_by(Event.id).limit(EVENT_BATCH)
        ).all()
        if not events:
            db.session.rollback()
            return handled
        item_ids = [item.id for item in filter(None, (_claim_event(e, now) for e in events))]
        add_deliveries(InboxItem.id.in_(item_ids))
        db.session.commit()
        handled += len(events)


def _claim_event(event: Event, now: datetime) -> InboxItem | None:
    claimed = db.session.execute(
        update(Event).where(Event.id == event.id, Event.handled_at.is_(None))
        .values(handled_at=now).execution_options(synchronize_session=False)
    ).rowcount
    user = db.session.get(User, event.user_id)
    if not claimed or user is None or group_of(event.kind) in opted_out(user.id):
        return None
    content = _render(event, user.ui_language)
    if not content:
        return None
    urgent = event.kind in URGENT_KINDS
    first_id = next(iter(event.data.values()), event.id)
    item = InboxItem(user_id=user.id, event_id=event.id, kind=event.kind, lang=user.ui_language,
                     title=str(content["title"])[:200], body=str(content.get("body") or ""),
                     url=content.get("url"), topic=topic_for(event.kind.split(".")[0], first_id),
                     urgent=urgent, created_at=now, push_after=push_not_before(now, user, urgent))
    db.session.add(item)
    db.session.flush()
    return item


def _render(event: Event, lang: str) -> dict | None:
    try:
        with force_locale(lang):
            return render(event)
    except Exception:  # one broken renderer must not stop everyone else's messages
        log.exception("rendering event %s (%s) failed", event.id, event.kind)
        return None


# -- deliveries -> push services -----------------------------------------------------------

def recover_stale_claims(now: datetime) -> int:
    """Deliveries claimed by a worker that died go back to the queue after the lease."""
    lease = timedelta(seconds=current_app.config["PUSH_CLAIM_LEASE"])
    count = db.session.execute(
        update(Delivery)
        .where(Delivery.status == DeliveryStatus.SENDING, Delivery.claimed_at < now - lease)
        .values(status=DeliveryStatus.PENDING, claim=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return count


def deliver_due(now: datetime | None = None) -> int:
    """Send every due delivery, keeping at most a window of them claimed at a time.

    Each round stores the answers that came in and claims more in one transaction, so
    the rows a dead worker leaves in "sending" are exactly what it had in flight.
    """
    if get_vapid() is None:
        return 0
    client = get_push_client()
    window = WINDOW_FACTOR * current_app.config["PUSH_CONCURRENCY"]
    outcomes = SimpleQueue()
    in_flight = finished = 0
    more = True  # there may be due deliveries not claimed yet
    while True:
        results = _collect(outcomes, in_flight, batch=window // 2) if in_flight else []
        record_outcomes(results)
        in_flight -= len(results)
        finished += len(results)
        room = window - in_flight
        claimed = []
        if more and room >= window // 4:
            claimed, rows = claim_due(room, now)
            more = rows == room
        db.session.commit()
        if claimed:
            client.submit(claimed, outcomes)
            in_flight += len(claimed)
        if not in_flight:
            if results:
                more = True  # look once more before stopping
                continue
            return finished


def _collect(outcomes: SimpleQueue, in_flight: int, batch: int, linger: float = 0.2) -> list:
    """Wait for at least one answer, then up to ``linger`` seconds for a batch of them:
    fewer, larger database rounds. Polls the queue's size instead of waiting on each
    answer, so this thread does not wake (and take the GIL) once per message."""
    try:
        results = [outcomes.get(timeout=1.0)]
    except Empty:
        return []
    deadline = time.monotonic() + linger
    wanted = min(batch, in_flight) - 1
    while outcomes.qsize() < wanted and time.monotonic() < deadline:
        time.sleep(0.005)
    while True:
        try:
            results.append(outcomes.get_nowait())
        except Empty:
            return [(*key, outcome) for key, outcome in results]


def claim_due(limit: int, now: datetime | None = None) -> tuple[list, int]:
    """Mark up to ``limit`` due deliveries as ours (the caller commits) and build messages.

    Returns the deliveries to send and how many rows were claimed in all."""
    now = now or utcnow()
    claim = uuid.uuid4().hex
    due = (
        select(Delivery.id)
        .where(Delivery.status == DeliveryStatus.PENDING,
               or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now))
        .order_by(Delivery.id).limit(limit).with_for_update(skip_locked=True)
    )
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(due), Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.SENDING, claim=claim, claimed_at=utcnow(),
                attempts=Delivery.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    rows = db.session.execute(
        select(Delivery.id, Delivery.subscription_id, PushSubscription.endpoint,
               PushSubscription.p256dh, PushSubscription.auth, InboxItem.id, InboxItem.title,
               InboxItem.body, InboxItem.url, InboxItem.topic, InboxItem.lang, InboxItem.urgent,
               InboxItem.translation)
        .join(InboxItem, InboxItem.id == Delivery.inbox_item_id)
        .outerjoin(PushSubscription, PushSubscription.id == Delivery.subscription_id)
        .where(Delivery.claim == claim)
    ).all()
    ttl = current_app.config["PUSH_TTL"]
    messages = {}
    claimed, orphans = [], []
    for delivery_id, subscription_id, endpoint, p256dh, auth, *item in rows:
        if endpoint is None:
            orphans.append(delivery_id)
            continue
        if item[0] not in messages:
            messages[item[0]] = _message(ItemView(*item), ttl)
        info = {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}
        claimed.append(((delivery_id, subscription_id), info, messages[item[0]]))
    if orphans:
        _finish(orphans, DeliveryStatus.GONE, None)
    return claimed, len(rows)


class ItemView(NamedTuple):
    id: int
    title: str
    body: str
    url: str | None
    topic: str
    lang: str
    urgent: bool
    translation: str | None


def _message(item: ItemView, ttl: int) -> Message:
    return Message(build_payload(item), ttl=ttl, urgency="high" if item.urgent else "normal",
                   topic=item.topic)


def _finish(delivery_ids: list[int], status: DeliveryStatus, code: int | None, **values) -> None:
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids))
        .values(status=status, claim=None, last_status=code, **values)
        .execution_options(synchronize_session=False))


def record_outcomes(results: list) -> None:
    """Store what the push services answered, grouped into a few UPDATEs."""
    now = utcnow()
    config = current_app.config
    groups: dict = {}
    for delivery_id, subscription_id, outcome in results:
        groups.setdefault((outcome.result, outcome.status, outcome.retry_after), []).append(
            (delivery_id, subscription_id))
    for (result, code, retry_after), pairs in groups.items():
        deliveries = [d for d, _ in pairs]
        subscriptions = [s for _, s in pairs]
        if result == "sent":
            _finish(deliveries, DeliveryStatus.SENT, code, sent_at=now)
            db.session.execute(update(PushSubscription)
                               .where(PushSubscription.id.in_(subscriptions))
                               .values(last_success_at=now, rejections=0)
                               .execution_options(synchronize_session=False))
        elif result == "gone":
            _finish(deliveries, DeliveryStatus.GONE, code)
            db.session.execute(delete(PushSubscription)
                               .where(PushSubscription.id.in_(subscriptions))
                               .execution_options(synchronize_session=False))
        elif result == "rejected":
            _finish(deliveries, DeliveryStatus.FAILED, code)
            _count_rejections(subscriptions, config["PUSH_REJECTIONS_BEFORE_DELETE"])
        elif result == "later":
            _postpone(deliveries, code, now + timedelta(seconds=retry_after),
                      config["PUSH_ATTEMPTS"])
        else:
            _finish(deliveries, DeliveryStatus.FAILED, code)


def _count_rejections(subscription_ids: list[int], limit: int) -> None:
    db.session.execute(update(PushSubscription).where(PushSubscription.id.in_(subscription_ids))
                       .values(rejections=PushSubscription.rejections + 1)
                       .execution_options(synchronize_session=False))
    db.session.execute(delete(PushSubscription)
                       .where(PushSubscription.id.in_(subscription_ids),
                              PushSubscription.rejections >= limit)
                       .execution_options(synchronize_session=False))


def _postpone(delivery_ids: list[int], code: int | None, when: datetime, max_attempts: int):
    """A long Retry-After: back to the queue for later, unless it has been tried enough."""
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids), Delivery.attempts < max_attempts)
        .values(status=DeliveryStatus.PENDING, claim=None, claimed_at=None, last_status=code,
                next_attempt_at=when)
        .execution_options(synchronize_session=False))
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids),
                               Delivery.status == DeliveryStatus.SENDING)
        .values(status=DeliveryStatus.FAILED, claim=None, last_status=code)
        .execution_options(synchronize_session=False))
