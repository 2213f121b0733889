"""Delivery: pending push deliveries -> the push services -> their outcomes, in the database.

The database, not a queue, holds each delivery's state. A worker claims a window of due
deliveries at a time (``sending`` + lease), and each round records the answers that came
in and claims more in one transaction, so a worker that dies leaves in ``sending`` exactly
what it had in flight: sent again once the lease ends, at most once more, never lost.
What an answer means and whether to try again is ``meedoen.push.outcomes`` (one policy).
"""

import uuid
from datetime import datetime, timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import delete, func, or_, select, update

from meedoen.core.models import utcnow
from meedoen.core.transaction import committing
from meedoen.extensions import db
from meedoen.notifications.models import Delivery, DeliveryStatus, InboxItem
from meedoen.notifications.payload import build_payload
from meedoen.push.client import get_push_client
from meedoen.push.models import PushSubscription
from meedoen.push.outcomes import Result
from meedoen.push.sender import Message, Outcomes
from meedoen.push.vapid import get_vapid

# Deliveries claimed at a time, per unit of concurrency: enough queued that the sender never
# waits for the database, few enough that a dead worker repeats little.
WINDOW_FACTOR = 8
LINGER = 0.2  # seconds to wait for a fuller batch of answers: fewer, larger database rounds


def recover_stale_claims(now: datetime) -> int:
    """Deliveries claimed by a worker that died go back to the queue after the lease."""
    lease = timedelta(seconds=current_app.config["PUSH_CLAIM_LEASE"])
    with committing():
        return db.session.execute(
            update(Delivery)
            .where(Delivery.status == DeliveryStatus.SENDING, Delivery.claimed_at < now - lease)
            .values(status=DeliveryStatus.PENDING, claim=None)
            .execution_options(synchronize_session=False)
        ).rowcount


def deliver_due(now: datetime | None = None) -> int:
    """Send every due delivery, keeping at most a window of them claimed at a time."""
    if get_vapid() is None:
        return 0
    client = get_push_client()
    window = WINDOW_FACTOR * current_app.config["PUSH_CONCURRENCY"]
    outcomes = Outcomes()
    in_flight = finished = 0
    more = True  # there may be due deliveries not claimed yet
    while True:
        results = outcomes.take(min(window // 2, in_flight), LINGER) if in_flight else []
        in_flight -= len(results)
        finished += len(results)
        room = window - in_flight
        claimed = []
        with committing():  # one round: the answers that came in, and the next claim
            record_outcomes(results)
            if more and room >= window // 4:
                claimed, rows = claim_due(room, now)
                more = rows == room
        if claimed:
            client.submit(claimed, outcomes)
            in_flight += len(claimed)
        if not in_flight:
            if results:
                more = True  # look once more before stopping
                continue
            return finished


class ItemView(NamedTuple):
    id: int
    title: str
    body: str
    url: str | None
    topic: str
    lang: str
    urgent: bool
    translation: str | None


def claim_due(limit: int, now: datetime | None = None) -> tuple[list, int]:
    """Mark up to ``limit`` due deliveries as ours (the caller commits) and build messages.

    Returns ``(key, subscription, message, attempt)`` to send and how many rows were claimed
    in all (a delivery whose device is gone is finished here)."""
    now = now or utcnow()
    claim = uuid.uuid4().hex
    # In the order of the due index (status, next_attempt_at, id): the database reads `limit`
    # entries of it and stops. Ordered by id alone, it read and sorted every pending delivery
    # for each claim, so a fan-out of n cost n²/limit.
    due = (select(Delivery.id)
           .where(Delivery.status == DeliveryStatus.PENDING,
                  or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now))
           .order_by(Delivery.next_attempt_at, Delivery.id).limit(limit)
           .with_for_update(skip_locked=True))
    # One statement: the ids stay in the database (as a list they cost a bind parameter each).
    # The attempt is counted when it starts: a worker that dies during it has used it. The
    # status is checked through an expression: as a plain column SQLite would find the rows
    # through the status index (every pending one) instead of by id.
    claimed = db.session.execute(
        update(Delivery)
        .where(Delivery.id.in_(due.scalar_subquery()),
               func.coalesce(Delivery.status, "") == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.SENDING, claim=claim, claimed_at=utcnow(),
                attempts=Delivery.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return [], 0
    rows = db.session.execute(
        select(Delivery.id, Delivery.subscription_id, Delivery.attempts,
               PushSubscription.endpoint, PushSubscription.p256dh, PushSubscription.auth,
               InboxItem.id, InboxItem.title, InboxItem.body, InboxItem.url, InboxItem.topic,
               InboxItem.lang, InboxItem.urgent, InboxItem.translation)
        .join(InboxItem, InboxItem.id == Delivery.inbox_item_id)
        .outerjoin(PushSubscription, PushSubscription.id == Delivery.subscription_id)
        .where(Delivery.claim == claim)
    ).all()
    ttl = current_app.config["PUSH_TTL"]
    messages = {}
    claimed, orphans = [], []
    for delivery_id, subscription_id, attempt, endpoint, p256dh, auth, *item in rows:
        if endpoint is None:
            orphans.append(delivery_id)
            continue
        if item[0] not in messages:
            messages[item[0]] = _message(ItemView(*item), ttl)
        info = {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}
        claimed.append(((delivery_id, subscription_id), info, messages[item[0]], attempt))
    if orphans:
        _finish(orphans, DeliveryStatus.GONE, None)
    return claimed, len(rows)


def _message(item: ItemView, ttl: int) -> Message:
    return Message(build_payload(item), ttl=ttl, urgency="high" if item.urgent else "normal",
                   topic=item.topic)


def record_outcomes(results: list) -> None:
    """Store what the push services answered, grouped into a few UPDATEs."""
    now = utcnow()
    groups: dict = {}
    for (delivery_id, subscription_id), outcome in results:
        groups.setdefault(outcome, []).append((delivery_id, subscription_id))
    for outcome, pairs in groups.items():
        deliveries = [d for d, _ in pairs]
        subscriptions = [s for _, s in pairs]
        RECORDERS[outcome.result](outcome, deliveries, subscriptions, now)


def _sent(outcome, deliveries, subscriptions, now) -> None:
    _finish(deliveries, DeliveryStatus.SENT, outcome.status, attempts=outcome.attempt,
            sent_at=now)
    db.session.execute(update(PushSubscription)
                       .where(PushSubscription.id.in_(subscriptions))
                       .values(last_success_at=now, rejections=0)
                       .execution_options(synchronize_session=False))


def _gone(outcome, deliveries, subscriptions, now) -> None:
    _finish(deliveries, DeliveryStatus.GONE, outcome.status, attempts=outcome.attempt)
    db.session.execute(delete(PushSubscription).where(PushSubscription.id.in_(subscriptions))
                       .execution_options(synchronize_session=False))


def _rejected(outcome, deliveries, subscriptions, now) -> None:
    """400/403 and the like: this message failed; the device goes after a few in a row."""
    _finish(deliveries, DeliveryStatus.FAILED, outcome.status, attempts=outcome.attempt)
    db.session.execute(update(PushSubscription).where(PushSubscription.id.in_(subscriptions))
                       .values(rejections=PushSubscription.rejections + 1)
                       .execution_options(synchronize_session=False))
    db.session.execute(delete(PushSubscription)
                       .where(PushSubscription.id.in_(subscriptions),
                              PushSubscription.rejections
                              >= current_app.config["PUSH_REJECTIONS_BEFORE_DELETE"])
                       .execution_options(synchronize_session=False))


def _later(outcome, deliveries, subscriptions, now) -> None:
    """A long Retry-After: back to the queue until then (the policy counted the attempts)."""
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(deliveries))
        .values(status=DeliveryStatus.PENDING, claim=None, claimed_at=None,
                last_status=outcome.status, attempts=outcome.attempt,
                next_attempt_at=now + timedelta(seconds=outcome.retry_after))
        .execution_options(synchronize_session=False))


def _failed(outcome, deliveries, subscriptions, now) -> None:
    _finish(deliveries, DeliveryStatus.FAILED, outcome.status, attempts=outcome.attempt)


RECORDERS = {Result.SENT: _sent, Result.GONE: _gone, Result.REJECTED: _rejected,
             Result.LATER: _later, Result.FAILED: _failed}


def _finish(delivery_ids: list[int], status: DeliveryStatus, code: int | None, **values) -> None:
    db.session.execute(
        update(Delivery).where(Delivery.id.in_(delivery_ids))
        .values(status=status, claim=None, last_status=code, **values)
        .execution_options(synchronize_session=False))
