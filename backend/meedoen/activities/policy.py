"""Who may see, post and manage activities, and see who signed up."""

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, or_, select, true

from meedoen.activities.models import Activity, ActivityStatus
from meedoen.auth.models import Role, User
from meedoen.authz import in_municipality, is_admin
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality

POSTERS = frozenset({Role.MENTOR, Role.YOUTH_WORKER, Role.CONTACT, Role.ADMIN})
YOUTH_SEES = (ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED)
SEES_ALL_SIGNUPS = frozenset({Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN})


def visible(user: User) -> ColumnElement[bool]:
    return visible_to(user.role, user.municipality_id)


def visible_to(role: Role, municipality_id) -> ColumnElement[bool]:
    """Youth see published and cancelled activities of their municipality; staff also drafts;
    admins everywhere. ``municipality_id`` may be a bind parameter."""
    clause = true() if role == Role.ADMIN else Activity.municipality_id == municipality_id
    if role == Role.YOUTH:
        # Equalities, not IN: SQLAlchemy writes an IN list into the SQL on every execution.
        clause = and_(clause, or_(*(Activity.status == status for status in YOUTH_SEES)))
    return clause


def get_visible_or_404(activity_id: int, user: User) -> Activity:
    activity = db.session.scalar(select(Activity).where(Activity.id == activity_id,
                                                        visible(user)))
    if activity is None:
        fail(404)
    return activity


def can_manage(user: User, activity: Activity) -> bool:
    """Youth workers their municipality; mentors their own posts and their locations' ones;
    community contacts their own posts; admins everything."""
    if not in_municipality(user, activity.municipality_id):
        return False
    if user.role in (Role.ADMIN, Role.YOUTH_WORKER):
        return True
    if user.role == Role.MENTOR:
        return (activity.created_by_id == user.id
                or activity.location_id in user.mentor_location_ids)
    return user.role == Role.CONTACT and activity.created_by_id == user.id


def get_managed(activity_id: int, user: User) -> Activity:
    activity = get_visible_or_404(activity_id, user)
    if not can_manage(user, activity):
        fail(403)
    return activity


def can_see_signups(user: User, activity: Activity) -> bool:
    return can_manage(user, activity) or (user.role in SEES_ALL_SIGNUPS
                                          and in_municipality(user, activity.municipality_id))


def get_signups_viewable(activity_id: int, user: User) -> Activity:
    activity = get_visible_or_404(activity_id, user)
    if not can_see_signups(user, activity):
        fail(403)
    return activity


def placement(user: User, municipality_id: int | None,
              location_id: int | None) -> tuple[int, int | None]:
    """Where a new activity may go: (municipality, location), or 404/422."""
    location = db.session.get(Location, location_id) if location_id is not None else None
    if location_id is not None and location is None:
        fail(404)
    if is_admin(user):
        municipality_id = location.municipality_id if location else municipality_id
        if municipality_id is None:
            fail(422, fields={"municipality_id": [_("Choose a municipality.")]})
        if db.session.get(Municipality, municipality_id) is None:
            fail(404)
        return municipality_id, location_id
    if municipality_id not in (None, user.municipality_id):
        fail(403, message=_("You can only post activities in your own municipality."))
    if location and (location.municipality_id != user.municipality_id
                     or (user.role == Role.MENTOR
                         and location.id not in user.mentor_location_ids)):
        fail(404)
    return user.municipality_id, location_id


def message_link(activity_id: int, municipality_id: int) -> str | None:
    """Where a message to the youth of a municipality may point: the activity, if it is in
    that municipality (registered with notifications from the activities' init_app)."""
    found = db.session.get(Activity, activity_id)
    if found is None or found.municipality_id != municipality_id:
        return None
    return f"/activities/{activity_id}"
