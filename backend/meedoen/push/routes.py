from flask import current_app
from flask_babel import gettext as _
from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.push import present, services
from meedoen.push.endpoints import endpoint_allowed
from meedoen.push.schemas import KeySchema, SubscriptionInSchema, SubscriptionOutSchema
from meedoen.push.vapid import get_vapid, public_key

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
    return present.key(_vapid_or_503())


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
    return services.subscribe(current_user._get_current_object(), data, vapid)


@blp.route("/subscriptions/<int:subscription_id>", methods=["DELETE"])
@roles_required()
@blp.response(204)
def unsubscribe(subscription_id):
    services.unsubscribe(current_user._get_current_object(), subscription_id)
