import logging

from flask_smorest import Blueprint
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from meedoen.core.errors import fail
from meedoen.extensions import db

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Liveness")
log = logging.getLogger(__name__)


@blp.route("")
@blp.response(200)
def health():
    """OK after a real round trip to the database; 503 when the database does not answer."""
    try:
        db.session.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError:
        log.exception("health check: the database does not answer")
        fail(503)
    return {"status": "ok"}
