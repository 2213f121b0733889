from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.pagination import page_schema
from meedoen.extensions import db
from meedoen.notifications import present, runner, services
from meedoen.notifications.audience import count_recipients
from meedoen.notifications.policy import SENDERS, notification_or_404
from meedoen.notifications.schemas import (
    AudienceRequestSchema,
    CountSchema,
    NotificationInSchema,
    NotificationListQuery,
    NotificationOutSchema,
)
from meedoen.notifications.services import audience_for, create_notification, with_figures

blp = Blueprint("notifications", __name__, url_prefix="/api/v1/notifications",
                description="Youth workers send messages to youth, each in their own language")


@blp.route("", methods=["POST"])
@roles_required(*SENDERS)
@blp.arguments(NotificationInSchema)
@blp.response(202, NotificationOutSchema)
def send_notification(data):
    """Store a notification (now or at ``send_at``); delivery runs in the background."""
    user = current_user._get_current_object()
    notification = create_notification(user, data)
    runner.request_work()
    db.session.refresh(notification)
    return with_figures([notification])[0]


@blp.route("/recipients", methods=["POST"])
@roles_required(*SENDERS)
@blp.arguments(AudienceRequestSchema)
@blp.response(200, CountSchema)
def preview_recipients(data):
    """How many young people an audience reaches now."""
    municipality_id, audience = audience_for(current_user, data)
    return present.recipient_count(count_recipients(db.session, municipality_id, audience))


@blp.route("")
@roles_required(*SENDERS)
@blp.arguments(NotificationListQuery, location="query")
@blp.response(200, page_schema(NotificationOutSchema))
def list_notifications(query):
    """Sent and scheduled notifications of my municipality, newest first, with figures, a
    page at a time (``next_cursor``)."""
    return present.sent_page(services.sent_page(current_user, query))


@blp.route("/<int:notification_id>")
@roles_required(*SENDERS)
@blp.response(200, NotificationOutSchema)
def get_notification(notification_id):
    return with_figures([notification_or_404(current_user, notification_id)])[0]
