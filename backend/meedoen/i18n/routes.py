from meedoen.core import fields
from meedoen.core.api import Blueprint
from meedoen.core.validation import Schema
from meedoen.i18n import shipped_languages

blp = Blueprint("languages", __name__, url_prefix="/api/v1/languages",
                description="The languages Meedoen ships")


class LanguageSchema(Schema):
    code = fields.String()
    name = fields.String(metadata={"description": "Native name, in its own script"})
    direction = fields.String(metadata={"description": "ltr or rtl"})


@blp.route("")
@blp.response(200, LanguageSchema(many=True))
def list_languages():
    return shipped_languages()
