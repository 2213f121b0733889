import hashlib

from flask import current_app
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.push.endpoints import endpoint_allowed
from meedoen.push.models import PushSubscription
from meedoen.push.schemas import KeySchema, SubscriptionInSchema, SubscriptionOutSchema
from meedoen.push.vapid import get_vapid, key_id, public_key

blp = Blueprint("push", __name__, url_prefix="/api/v1/push", description="Web Push")


def _vapid_or_503():
    vapid = get_vapid()
    if vapid is None:
        fail(503, "push_unavailable",
             _("Notifications are not available yet. Please try again later."))
    return vapid


@blp.route("/key")
@blp.response(200, KeySchema)
def get_key():
    """The server key to subscribe with. A new key_id means: subscribe again."""
    vapid = _vapid_or_503()
    return {"public_key": public_key(vapid), "key_id": key_id(vapid)}


@blp.route("/subscriptions", methods=["POST"])
@roles_required()
@blp.arguments(SubscriptionInSchema)
@blp.response(201, SubscriptionOutSchema)
def subscribe(data):
    """Register this device. Subscribing the same device again updates it."""
    vapid = _vapid_or_503()
    if data["application_server_key"] != public_key(vapid):
        fail(409, "stale_key", _("The notification key changed. Please try again."))
    if not endpoint_allowed(data["endpoint"], current_app):
        fail(422, fields={"endpoint": [_("This is not a push service we can use.")]})
    user = current_user._get_current_object()
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
    db.session.commit()
    return subscription


def _drop_oldest_devices(user_id: int, keep: int) -> None:
    """At most a few devices per user: a new one replaces the oldest."""
    existing = db.session.scalars(
        select(PushSubscription).where(PushSubscription.user_id == user_id)
        .order_by(PushSubscription.id.desc())
    ).all()
    for old in existing[keep:]:
        db.session.delete(old)


@blp.route("/subscriptions/<int:subscription_id>", methods=["DELETE"])
@roles_required()
@blp.response(204)
def unsubscribe(subscription_id):
    subscription = db.session.get(PushSubscription, subscription_id)
    if subscription is None or subscription.user_id != current_user.id:
        fail(404)
    db.session.delete(subscription)
    db.session.commit()
