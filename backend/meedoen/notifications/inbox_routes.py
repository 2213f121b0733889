from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.validation import LangQuerySchema
from meedoen.notifications import present, services
from meedoen.notifications.policy import own_inbox_item_or_404
from meedoen.notifications.preferences import change_settings, opted_out
from meedoen.notifications.schemas import (
    InboxItemSchema,
    InboxQuery,
    InboxSchema,
    PreferencesPatchSchema,
    PreferencesSchema,
    ReadSchema,
)

blp = Blueprint("inbox", __name__, url_prefix="/api/v1/inbox", description="My messages")
settings_blp = Blueprint("notification_settings", __name__,
                         url_prefix="/api/v1/me/notification-settings",
                         description="Which automatic messages I get")


@blp.route("")
@roles_required()
@blp.arguments(InboxQuery, location="query")
@blp.response(200, InboxSchema)
def inbox(query):
    """My messages, newest first, a page at a time (``next_cursor``), and how many of them
    are unread; a machine-translated message carries its original."""
    page = services.inbox_page(current_user.id, query)
    return present.inbox(page, services.unread_count(current_user.id))


@blp.route("/<int:item_id>")
@roles_required()
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, InboxItemSchema)
def inbox_item(args, item_id):
    """One of my messages: the message screen opens any message this way, also one further
    down the list than the first page."""
    return present.present_inbox_items([own_inbox_item_or_404(current_user, item_id)])[0]


@blp.route("/<int:item_id>/read", methods=["POST"])
@roles_required()
@blp.arguments(ReadSchema)
@blp.response(200, InboxItemSchema)
def mark_read(data, item_id):
    """Mark a message read; ``{"opened": true}`` when the user opened it from a notification."""
    item = own_inbox_item_or_404(current_user, item_id)
    services.mark_read(item, opened=data["opened"])
    return present.present_inbox_items([item])[0]


@settings_blp.route("")
@roles_required()
@settings_blp.response(200, PreferencesSchema)
def get_settings():
    return present.settings(opted_out(current_user.id))


@settings_blp.route("", methods=["PATCH"])
@roles_required()
@settings_blp.arguments(PreferencesPatchSchema)
@settings_blp.response(200, PreferencesSchema)
def patch_settings(data):
    """Turn automatic message groups on or off: ``{"settings": {"activity_reminder": false}}``."""
    change_settings(current_user.id, data["settings"])
    return present.settings(opted_out(current_user.id))
