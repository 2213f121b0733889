from flask_login import current_user
from sqlalchemy import select

from meedoen.auth.models import Role
from meedoen.authz import STAFF, municipality_scope, roles_required
from meedoen.core.api import Blueprint
from meedoen.extensions import db
from meedoen.places import services
from meedoen.places.models import Location, Municipality
from meedoen.places.schemas import LocationSchema, MunicipalitySchema

blp = Blueprint("places", __name__, url_prefix="/api/v1",
                description="Municipalities and reception locations")


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
    return services.create_municipality(current_user._get_current_object(), data["name"])


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
    return services.create_location(current_user._get_current_object(), data)
