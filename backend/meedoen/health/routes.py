from flask_smorest import Blueprint
from sqlalchemy import text

from meedoen.extensions import db

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Liveness")


@blp.route("")
@blp.response(200)
def health():
    """OK after a real round trip to the database."""
    db.session.execute(text("SELECT 1")).scalar_one()
    return {"status": "ok"}
