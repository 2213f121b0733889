from meedoen.core import fields
from meedoen.core.validation import Schema


class CategorySchema(Schema):
    slug = fields.String()
    icon = fields.String()
    label = fields.String()
