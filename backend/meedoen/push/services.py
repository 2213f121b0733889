"""Devices that receive Web Push: subscribe (a shared phone moves to its new user), unsubscribe."""

import hashlib

from flask import current_app
from sqlalchemy import select

from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.push.models import PushSubscription
from meedoen.push.vapid import key_id


def subscribe(user, data: dict, vapid) -> PushSubscription:
    """Register this device. Subscribing the same device again updates it."""
    digest = hashlib.sha256(data["endpoint"].encode()).hexdigest()
    subscription = db.session.scalar(
        select(PushSubscription).where(PushSubscription.endpoint_hash == digest))
    if subscription is not None and subscription.user_id != user.id:
        db.session.delete(subscription)  # a shared phone: the device now belongs to this user
        db.session.flush()
        subscription = None
    if subscription is None:
        subscription = PushSubscription(user_id=user.id, endpoint=data["endpoint"],
                                        endpoint_hash=digest)
    subscription.p256dh = data["keys"]["p256dh"]
    subscription.auth = data["keys"]["auth"]
    subscription.vapid_key_id = key_id(vapid)
    subscription.rejections = 0
    db.session.add(subscription)
    db.session.flush()
    _drop_oldest_devices(user.id, keep=current_app.config["PUSH_MAX_DEVICES"])
    return subscription


def _drop_oldest_devices(user_id: int, keep: int) -> None:
    """At most a few devices per user: a new one replaces the oldest."""
    existing = db.session.scalars(
        select(PushSubscription).where(PushSubscription.user_id == user_id)
        .order_by(PushSubscription.id.desc())
    ).all()
    for old in existing[keep:]:
        db.session.delete(old)


def unsubscribe(user, subscription_id: int) -> None:
    subscription = db.session.get(PushSubscription, subscription_id)
    if subscription is None or subscription.user_id != user.id:
        fail(404)
    db.session.delete(subscription)
