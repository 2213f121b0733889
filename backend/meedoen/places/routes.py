import re

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from meedoen.audit.models import record
from meedoen.auth.models import Role
from meedoen.authz import STAFF, municipality_scope, roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality
from meedoen.places.schemas import LocationSchema, MunicipalitySchema

blp = Blueprint("places", __name__, url_prefix="/api/v1",
                description="Municipalities and reception locations")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@blp.route("/municipalities")
@roles_required(*STAFF)
@blp.response(200, MunicipalitySchema(many=True))
def list_municipalities():
    query = select(Municipality).where(municipality_scope(current_user, Municipality.id))
    return db.session.scalars(query.order_by(Municipality.name))


@blp.route("/municipalities", methods=["POST"])
@roles_required(Role.ADMIN)
@blp.arguments(MunicipalitySchema)
@blp.response(201, MunicipalitySchema)
def create_municipality(data):
    slug = slugify(data["name"])
    if not slug:
        fail(422, fields={"name": [_("Use at least one letter or digit.")]})
    municipality = Municipality(name=data["name"], slug=slug)
    db.session.add(municipality)
    try:
        db.session.flush()
    except IntegrityError:  # the same name or slug exists (also when created at this moment)
        fail(409)
    record(current_user, "municipality.create", municipality.id)
    db.session.commit()
    return municipality


@blp.route("/locations")
@roles_required(*STAFF)
@blp.response(200, LocationSchema(many=True))
def list_locations():
    query = select(Location).where(municipality_scope(current_user, Location.municipality_id))
    return db.session.scalars(query.order_by(Location.name))


@blp.route("/locations", methods=["POST"])
@roles_required(Role.ADMIN)
@blp.arguments(LocationSchema)
@blp.response(201, LocationSchema)
def create_location(data):
    if db.session.get(Municipality, data["municipality_id"]) is None:
        fail(404)
    location = Location(**data)
    db.session.add(location)
    record(current_user, "location.create", data["municipality_id"])
    db.session.commit()
    return location
