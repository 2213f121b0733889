"""Meedoen's marshmallow fields: import ``from meedoen.core import fields`` in every schema.

The same names as ``marshmallow.fields``, as subclasses (the way the flask-smorest example
makes its custom fields), so nothing changes marshmallow's own classes:

- every message is translated (lazily, in the request's language);
- ``String`` (and every field built on it: ``Text``, ``LanguageCode``...) refuses text the
  database cannot store (lone UTF-16 surrogates such as ``"\\ud800"``);
- ``Integer`` stays within a database INTEGER (a larger number would be a 500: SQLite
  OverflowError, PostgreSQL "integer out of range"), also where a schema forgets a Range.

A schema that uses ``marshmallow.fields`` directly gets English messages and no hardening:
tests/foundation/test_fields.py refuses it. ``Email`` and ``Url`` are not offered (marshmallow
needs their message as a plain ``str``); add a subclass here when a schema needs one.
"""

import re

from flask_babel import lazy_gettext as _l
from marshmallow import fields as ma_fields

__all__ = [
    "UUID",
    "AwareDateTime",
    "Boolean",
    "Constant",
    "Date",
    "DateTime",
    "Decimal",
    "Dict",
    "Enum",
    "Field",
    "Float",
    "Function",
    "Integer",
    "List",
    "Method",
    "Nested",
    "Pluck",
    "Raw",
    "String",
    "Time",
]

# JSON can carry lone UTF-16 surrogates ("\ud800"); they cannot be stored (UnicodeEncodeError).
SURROGATES = re.compile("[\ud800-\udfff]")
# The range of a PostgreSQL INTEGER (every id column).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1

_FIELD = {
    "required": _l("This field is required."),
    "null": _l("This field cannot be empty."),
    "validator_failed": _l("This value is not valid."),
}
_NUMBER = {**_FIELD, "invalid": _l("This must be a number."),
           "too_large": _l("This number is too large.")}
_SPECIAL = {"special": _l("This must be a normal number.")}
_DATETIME = {**_FIELD, "invalid": _l("This is not a valid date and time."),
             "invalid_awareness": _l("Give the time with its time zone."),
             "format": _l("This is not a valid date and time.")}


class Field(ma_fields.Field):
    default_error_messages = _FIELD


class Raw(ma_fields.Raw):
    default_error_messages = _FIELD


class Function(ma_fields.Function):
    default_error_messages = _FIELD


class Method(ma_fields.Method):
    default_error_messages = _FIELD


class Constant(ma_fields.Constant):
    default_error_messages = _FIELD


class String(ma_fields.String):
    """A string the database can store."""

    default_error_messages = {**_FIELD, "invalid": _l("This must be text."),
                              "invalid_utf8": _l("This text is not valid.")}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if SURROGATES.search(text):
            raise self.make_error("invalid_utf8")
        return text


class Integer(ma_fields.Integer):
    """A whole number within a database INTEGER."""

    default_error_messages = {**_NUMBER, "invalid": _l("This must be a whole number.")}

    def _validated(self, value):
        number = super()._validated(value)
        if not INT_MIN <= number <= INT_MAX:
            raise self.make_error("too_large")
        return number


class Float(ma_fields.Float):
    default_error_messages = {**_NUMBER, **_SPECIAL}


class Decimal(ma_fields.Decimal):
    default_error_messages = {**_NUMBER, **_SPECIAL}


class Boolean(ma_fields.Boolean):
    default_error_messages = {**_FIELD, "invalid": _l("This must be true or false.")}


class DateTime(ma_fields.DateTime):
    default_error_messages = _DATETIME


class AwareDateTime(ma_fields.AwareDateTime):
    default_error_messages = _DATETIME


class Date(ma_fields.Date):
    default_error_messages = {**_FIELD, "invalid": _l("This is not a valid date."),
                              "format": _l("This is not a valid date.")}


class Time(ma_fields.Time):
    default_error_messages = {**_FIELD, "invalid": _l("This is not a valid time."),
                              "format": _l("This is not a valid time.")}


class List(ma_fields.List):
    default_error_messages = {**_FIELD, "invalid": _l("This must be a list.")}


class Dict(ma_fields.Dict):
    default_error_messages = {**_FIELD, "invalid": _l("This must be an object.")}


class Nested(ma_fields.Nested):
    default_error_messages = {**_FIELD, "type": _l("This must be an object.")}


class Pluck(ma_fields.Pluck):
    default_error_messages = {**_FIELD, "type": _l("This must be an object.")}


class Enum(ma_fields.Enum):
    default_error_messages = _FIELD


class UUID(ma_fields.UUID):
    default_error_messages = {**_FIELD, "invalid_uuid": _l("This is not a valid identifier.")}
