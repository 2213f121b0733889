import binascii

from cryptography.hazmat.primitives.asymmetric import ec
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from meedoen.core import fields
from meedoen.core.validation import Schema, Text
from meedoen.push.encryption import unb64url
from meedoen.push.endpoints import MAX_LENGTH


def _b64url(value: str) -> bytes:
    try:
        return unb64url(value)
    except (binascii.Error, ValueError):
        raise ValidationError(_l("This key is not valid.")) from None


def valid_p256dh(value: str) -> None:
    raw = _b64url(value)
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        raise ValidationError(_l("This key is not valid.")) from None
    if len(raw) != 65:
        raise ValidationError(_l("This key is not valid."))


def valid_auth(value: str) -> None:
    if len(_b64url(value)) != 16:
        raise ValidationError(_l("This key is not valid."))


class KeysSchema(Schema):
    p256dh = Text(required=True, max_length=100, validate=valid_p256dh)
    auth = Text(required=True, max_length=32, validate=valid_auth)


class SubscriptionInSchema(Schema):
    """What ``PushSubscription.toJSON()`` gives, plus the server key it was made with."""

    endpoint = Text(required=True, max_length=MAX_LENGTH)
    keys = fields.Nested(KeysSchema, required=True)
    expirationTime = fields.Integer(allow_none=True)
    application_server_key = Text(required=True, max_length=100)


class SubscriptionOutSchema(Schema):
    id = fields.Integer()
    key_id = fields.String(attribute="vapid_key_id")
    created_at = fields.DateTime()


class KeySchema(Schema):
    public_key = fields.String()
    key_id = fields.String()
