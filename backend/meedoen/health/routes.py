import logging

from flask import current_app, g
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from meedoen.core import fields
from meedoen.core.api import Blueprint
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.health import present

blp = Blueprint("health", __name__, url_prefix="/api/v1/health",
                description="Liveness and readiness, for people and for load balancers")
log = logging.getLogger(__name__)


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})


class ReadySchema(Schema):
    status = fields.String(required=True, metadata={"description": "ok, degraded or fail"})
    failing = fields.List(fields.String(), required=True)
    degraded = fields.List(fields.String(), required=True)
    checks = fields.Dict(keys=fields.String(), values=fields.Dict(), required=True,
                         metadata={"description": "per check: ok, required and a short detail"})


@blp.route("")
@blp.response(200, HealthSchema)
def health():
    """OK after a real round trip to the database; 503 when the database does not answer."""
    try:
        db.session.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError as error:
        log.warning("health check: the database does not answer (%s)", type(error).__name__)
        from meedoen.ops.unavailable import unavailable_error

        raise unavailable_error() from error
    return {"status": "ok"}


@blp.route("/live")
@blp.response(200, HealthSchema)
def live():
    """The process answers (no database, no Redis): restart it when this fails."""
    g._login_user = current_app.login_manager.anonymous_user()  # never ask who is logged in
    return {"status": "ok"}


@blp.route("/ready")
@blp.response(200, ReadySchema)
@blp.alt_response(503, schema=ReadySchema, description="Not ready: `failing` names what fails")
def ready():
    """Ready for traffic: the database answers, Redis (when configured) answers, a worker beat
    recently (with RQ), and the database's migration is the code's. 503 names what fails."""
    from meedoen.ops.readiness import check_all

    body = present.readiness(check_all(current_app._get_current_object()))
    if body["failing"]:
        return body, 503, {"Retry-After": str(current_app.config["UNAVAILABLE_RETRY_AFTER"]),
                           "Cache-Control": "no-store"}
    return body, 200, {"Cache-Control": "no-store"}
