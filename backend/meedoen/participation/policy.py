"""Who may check whom in, see the door list and the figures."""

from flask_babel import gettext as _

from meedoen.auth.models import Role, User
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Municipality

FIGURES_ROLES = (Role.YOUTH_WORKER, Role.ADMIN)
# Names of new youth not yet reached: their mentors and the youth workers, nobody else.
FOLLOW_UP_ROLES = (Role.MENTOR, Role.YOUTH_WORKER)


def figures_municipality(user: User, municipality_id: int | None) -> Municipality:
    """Youth workers: their own municipality; admins: the one they ask for."""
    if user.role == Role.ADMIN:
        if municipality_id is None:
            fail(422, fields={"municipality_id": [_("Choose a municipality.")]})
    elif municipality_id not in (None, user.municipality_id):
        fail(404)
    municipality = db.session.get(Municipality, municipality_id or user.municipality_id)
    if municipality is None:
        fail(404)
    return municipality


def follow_up_locations(user: User) -> list[int] | None:
    """The houses whose new youth this user follows up (None: the whole municipality)."""
    return user.mentor_location_ids if user.role == Role.MENTOR else None
