"""Input validation shared by every feature.

- ``Schema`` rejects unknown fields.
- ``Text`` is a string with a required maximum length that refuses NUL and
  other control characters (PostgreSQL rejects NUL; SQLite would store it).
- marshmallow's built-in messages are replaced by translated ones, and every built-in
  Integer stays within a database INTEGER and every String is storable text.

The last two change marshmallow's own classes for the whole process, but only when
``create_app`` asks (``translate_builtin_messages``, ``harden_builtin_fields``), never on
import. They stay process-wide for now because every feature's schemas use marshmallow's
fields directly (``fields.Integer``, ``fields.String``, ``fields.Email``…), funds,
participation, wording, notifications and push among them, which are being rewritten in
December 2026. Next step (issue 18 item 4): offer ``Integer``, ``String`` and friends here as
subclasses with these messages and checks (as the flask-smorest example does with its custom
fields), switch every schema to them, add a test that no schema uses a bare marshmallow field,
then delete both functions.
"""

import re

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from meedoen.config import SHIPPED_LANGUAGES
from meedoen.i18n.codes import CLDR_LOCALES, current_code

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARS_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f]")
# JSON can carry lone UTF-16 surrogates ("\ud800"); they cannot be stored (UnicodeEncodeError).
SURROGATES = re.compile("[\ud800-\udfff]")
# The range of a PostgreSQL INTEGER (every id column): larger numbers would make the
# database fail (SQLite: OverflowError, PostgreSQL: "integer out of range") with a 500.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


class Schema(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class LangQuerySchema(Schema):
    """Every query string may carry ?lang= (the language of the answer, see meedoen.i18n)."""

    lang = fields.String(validate=validate.OneOf(SHIPPED_LANGUAGES),
                         metadata={"description": "Language of the answer"})


class Text(fields.String):
    """A bounded string. ``multiline`` allows line breaks and tabs."""

    default_error_messages = {
        "control": _l("This text contains characters that are not allowed."),
        "blank": _l("This field cannot be empty."),
    }

    def __init__(self, *, max_length: int, min_length: int = 0, multiline: bool = False,
                 strip: bool = True, allow_blank: bool = False, **kwargs):
        length = validate.Length(min=min_length or None, max=max_length)
        kwargs["validate"] = [length, *_as_list(kwargs.get("validate"))]
        super().__init__(**kwargs)
        self.multiline = multiline
        self.strip = strip
        self.allow_blank = allow_blank or (min_length == 0 and not kwargs.get("required"))

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        pattern = CONTROL_CHARS if self.multiline else CONTROL_CHARS_SINGLE_LINE
        if pattern.search(text):
            raise self.make_error("control")
        if self.strip:
            text = text.strip()
        if not text and not self.allow_blank:
            raise self.make_error("blank")
        return text


class Range(validate.Range):
    """An inclusive range with translated messages (marshmallow formats its own too early)."""

    def __init__(self, min=None, max=None, **kwargs):
        super().__init__(min=min, max=max, **kwargs)
        self.message_min = _l("This must be at least {min}.")
        self.message_max = _l("This can be at most {max}.")
        self.message_all = _l("This must be between {min} and {max}.")


def _bounded(validated):
    def check(self, value):
        number = validated(self, value)
        if not INT_MIN <= number <= INT_MAX:
            raise self.make_error("too_large")
        return number

    return check


def _storable(deserialize):
    def check(self, value, attr, data, **kwargs):
        text = deserialize(self, value, attr, data, **kwargs)
        if isinstance(text, str) and SURROGATES.search(text):
            raise self.make_error("invalid_utf8")
        return text

    return check


_INTEGER_VALIDATED = fields.Integer._validated
_STRING_DESERIALIZE = fields.String._deserialize


def harden_builtin_fields():
    """Every marshmallow Integer (also in schemas that forget a Range) stays within INTEGER,
    and every String (Text, and the fields built on String) is text the database can store.
    Wraps the originals, so calling it again (one app per test) changes nothing."""
    fields.Integer._validated = _bounded(_INTEGER_VALIDATED)
    fields.String._deserialize = _storable(_STRING_DESERIALIZE)


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def translate_builtin_messages():
    """Replace marshmallow's English messages by lazily translated ones."""
    fields.Field.default_error_messages = {
        "required": _l("This field is required."),
        "null": _l("This field cannot be empty."),
        "validator_failed": _l("This value is not valid."),
    }
    messages = {
        fields.String: {"invalid": _l("This must be text."),
                        "invalid_utf8": _l("This text is not valid.")},
        fields.Number: {"invalid": _l("This must be a number."),
                        "too_large": _l("This number is too large.")},
        fields.Integer: {"invalid": _l("This must be a whole number.")},
        fields.Float: {"special": _l("This must be a normal number.")},
        fields.Decimal: {"special": _l("This must be a normal number.")},
        fields.Boolean: {"invalid": _l("This must be true or false.")},
        fields.DateTime: {"invalid": _l("This is not a valid date and time."),
                          "invalid_awareness": _l("Give the time with its time zone."),
                          "format": _l("This is not a valid date and time.")},
        fields.Date: {"invalid": _l("This is not a valid date."),
                      "format": _l("This is not a valid date.")},
        fields.Time: {"invalid": _l("This is not a valid time."),
                      "format": _l("This is not a valid time.")},
        fields.List: {"invalid": _l("This must be a list.")},
        fields.Dict: {"invalid": _l("This must be an object.")},
        fields.Nested: {"type": _l("This must be an object.")},
        fields.Email: {"invalid": _l("This is not a valid e-mail address.")},
        fields.Url: {"invalid": _l("This is not a valid web address.")},
        fields.UUID: {"invalid_uuid": _l("This is not a valid identifier.")},
    }
    for field_class, overrides in messages.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **overrides}
    ma.Schema._default_error_messages = {
        "type": _l("This must be an object."),
        "unknown": _l("This field is not allowed."),
    }
    validate.Length.message_min = _l("This must be at least {min} long.")
    validate.Length.message_max = _l("This can be at most {max} long.")
    validate.Length.message_all = _l("This must be between {min} and {max} long.")
    validate.Length.message_equal = _l("This must be exactly {equal} long.")
    validate.OneOf.default_message = _l("Choose one of the options.")
    validate.ContainsOnly.default_message = _l("Choose only from the options.")


class LanguageCode(fields.String):
    """A language someone speaks: a code that CLDR knows (e.g. ``ti``, ``ckb``) or a shipped one
    that CLDR files under another code (``prs``, Dari; ``fa_AF`` is taken as ``prs``)."""

    default_error_messages = {"unknown_language": _l("This is not a language we know.")}

    def _deserialize(self, value, attr, data, **kwargs):
        code = current_code(super()._deserialize(value, attr, data, **kwargs))
        if code not in known_languages() and code not in CLDR_LOCALES:
            raise self.make_error("unknown_language")
        return code


def known_languages() -> frozenset[str]:
    global _KNOWN_LANGUAGES
    if _KNOWN_LANGUAGES is None:
        from babel import Locale

        _KNOWN_LANGUAGES = frozenset(code for code in Locale("en").languages if len(code) <= 8)
    return _KNOWN_LANGUAGES


_KNOWN_LANGUAGES = None
