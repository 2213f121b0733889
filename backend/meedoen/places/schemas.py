from meedoen.core import fields
from meedoen.core.validation import Schema, Text
from meedoen.places.models import LocationKind


class MunicipalitySchema(Schema):
    id = fields.Integer(dump_only=True)
    name = Text(required=True, max_length=100, min_length=2)
    slug = fields.String(dump_only=True)


class LocationSchema(Schema):
    id = fields.Integer(dump_only=True)
    municipality_id = fields.Integer(required=True, strict=True)
    name = Text(required=True, max_length=100, min_length=2)
    kind = fields.Enum(LocationKind, by_value=True, required=True)
