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


def _translated(base: type, messages: dict) -> type:
    """``base`` under its own name, with these messages (and ``base``'s others)."""
    return type(base.__name__, (base,), {"default_error_messages": messages,
                                         "__module__": __name__,
                                         "__qualname__": base.__name__,
                                         "__doc__": base.__doc__})


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


Field = _translated(ma_fields.Field, _FIELD)
Raw = _translated(ma_fields.Raw, _FIELD)
Function = _translated(ma_fields.Function, _FIELD)
Method = _translated(ma_fields.Method, _FIELD)
Constant = _translated(ma_fields.Constant, _FIELD)
Enum = _translated(ma_fields.Enum, _FIELD)
Float = _translated(ma_fields.Float, {**_NUMBER, **_SPECIAL})
Decimal = _translated(ma_fields.Decimal, {**_NUMBER, **_SPECIAL})
Boolean = _translated(ma_fields.Boolean, {**_FIELD, "invalid": _l("This must be true or false.")})
DateTime = _translated(ma_fields.DateTime, _DATETIME)
AwareDateTime = _translated(ma_fields.AwareDateTime, _DATETIME)
Date = _translated(ma_fields.Date, {**_FIELD, "invalid": _l("This is not a valid date."),
                                    "format": _l("This is not a valid date.")})
Time = _translated(ma_fields.Time, {**_FIELD, "invalid": _l("This is not a valid time."),
                                    "format": _l("This is not a valid time.")})
List = _translated(ma_fields.List, {**_FIELD, "invalid": _l("This must be a list.")})
Dict = _translated(ma_fields.Dict, {**_FIELD, "invalid": _l("This must be an object.")})
Nested = _translated(ma_fields.Nested, {**_FIELD, "type": _l("This must be an object.")})
Pluck = _translated(ma_fields.Pluck, {**_FIELD, "type": _l("This must be an object.")})
UUID = _translated(ma_fields.UUID, {**_FIELD,
                                    "invalid_uuid": _l("This is not a valid identifier.")})
