"""Who may invite whom, and where."""

from flask_babel import gettext as _

from meedoen.auth.models import Role, User
from meedoen.authz import in_municipality, is_admin, require_role
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality

INVITERS = {Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN}


def resolve_scope(data: dict) -> tuple[Role, int | None, int | None]:
    """Check the request against the inviter's rights; return (role, municipality, location)."""
    user: User = require_role(INVITERS)
    role = Role(data["role"])
    location = _location(data.get("location_id"), user)
    municipality_id = _municipality_id(data.get("municipality_id"), location, user)
    if is_admin(user):
        if role != Role.ADMIN and municipality_id is None:
            fail(422, fields={"municipality_id": [_("Choose a municipality.")]})
        return role, municipality_id, location.id if location else None
    if role != Role.YOUTH:
        fail(403, message=_("Only an administrator can invite staff."))
    if user.role == Role.MENTOR:
        location = location or _only_location(user)
        if location.id not in user.mentor_location_ids:
            fail(404)
    return role, municipality_id, location.id if location else None


def _municipality_id(asked: int | None, location: Location | None, user: User) -> int | None:
    """The municipality asked for must exist, be the user's own (admins: any) and hold the
    location; when none is asked for, the location's or the user's own."""
    if asked is None and location:
        return location.municipality_id
    if asked is None:
        return None if is_admin(user) else user.municipality_id
    if (not in_municipality(user, asked) or db.session.get(Municipality, asked) is None
            or (location and location.municipality_id != asked)):
        fail(404)
    return asked


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
