from marshmallow import fields

from meedoen.core.validation import Schema


class CategorySchema(Schema):
    slug = fields.String()
    icon = fields.String()
    label = fields.String()
