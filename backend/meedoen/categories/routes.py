from meedoen.categories import present
from meedoen.categories.schemas import CategorySchema
from meedoen.core.api import Blueprint

blp = Blueprint("categories", __name__, url_prefix="/api/v1/categories",
                description="The fixed list of activity categories")


@blp.route("")
@blp.response(200, CategorySchema(many=True))
def list_categories():
    return present.categories()
