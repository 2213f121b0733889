from meedoen.auth.models import Role
from meedoen.core import fields, validate
from meedoen.core.validation import Schema


class InviteCreateSchema(Schema):
    role = fields.String(load_default=Role.YOUTH.value,
                         validate=validate.OneOf([r.value for r in Role]))
    municipality_id = fields.Integer(allow_none=True, strict=True)
    location_id = fields.Integer(allow_none=True, strict=True)


class InviteSchema(Schema):
    code = fields.String(metadata={"description": "Shown once; only a hash is stored"})
    role = fields.String()
    municipality_id = fields.Integer(allow_none=True)
    location_id = fields.Integer(allow_none=True)
    expires_at = fields.DateTime()
