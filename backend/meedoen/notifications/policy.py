"""Who may send, see and read what. Senders: youth workers (own municipality) and admins."""

from flask_babel import gettext as _
from sqlalchemy import select

from meedoen.auth.models import Role
from meedoen.authz import get_scoped_or_404, is_admin, municipality_scope
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.notifications.models import InboxItem, Notification
from meedoen.places.models import Location, Municipality

SENDERS = (Role.YOUTH_WORKER, Role.ADMIN)


def target_municipality(user, requested: int | None) -> int:
    """Youth workers send to their own municipality; admins say which one."""
    if not is_admin(user):
        if requested is not None and requested != user.municipality_id:
            fail(404)
        return user.municipality_id
    if requested is None:
        fail(422, fields={"municipality_id": [_("This field is required.")]})
    if db.session.get(Municipality, requested) is None:
        fail(404)
    return requested


def check_locations(municipality_id: int, location_ids: list[int]) -> None:
    if not location_ids:
        return
    found = set(db.session.scalars(select(Location.id).where(
        Location.id.in_(location_ids), Location.municipality_id == municipality_id)))
    if found != set(location_ids):
        fail(422, fields={"audience": {"location_ids": [_("This location is not in the "
                                                          "municipality.")]}})


def notifications_visible_to(user):
    return municipality_scope(user, Notification.municipality_id)


def notification_or_404(user, notification_id: int) -> Notification:
    return get_scoped_or_404(Notification, notification_id, user)


def own_inbox_item_or_404(user, item_id: int) -> InboxItem:
    item = db.session.get(InboxItem, item_id)
    if item is None or item.user_id != user.id:
        fail(404)
    return item
