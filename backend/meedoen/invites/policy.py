"""Who may invite whom, and where."""

from flask_babel import gettext as _

from meedoen.auth.models import Role, User
from meedoen.authz import is_admin, require_role
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Location

INVITERS = {Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN}


def resolve_scope(data: dict) -> tuple[Role, int | None, int | None]:
    """Check the request against the inviter's rights; return (role, municipality, location)."""
    user: User = require_role(INVITERS)
    role = Role(data["role"])
    location = _location(data.get("location_id"), user)
    if is_admin(user):
        municipality_id = location.municipality_id if location else data.get("municipality_id")
        if role != Role.ADMIN and municipality_id is None:
            fail(422, fields={"municipality_id": [_("Choose a municipality.")]})
        return role, municipality_id, location.id if location else None
    if role != Role.YOUTH:
        fail(403, message=_("Only an administrator can invite staff."))
    if user.role == Role.MENTOR:
        location = location or _only_location(user)
        if location.id not in user.mentor_location_ids:
            fail(404)
    return role, user.municipality_id, location.id if location else None


def _location(location_id: int | None, user: User) -> Location | None:
    if location_id is None:
        return None
    location = db.session.get(Location, location_id)
    if location is None or not (is_admin(user) or location.municipality_id == user.municipality_id):
        fail(404)
    return location


def _only_location(user: User) -> Location:
    ids = user.mentor_location_ids
    if len(ids) != 1:
        fail(422, fields={"location_id": [_("Choose a location.")]})
    return db.session.get(Location, ids[0])
