"""Input validation shared by every feature.

- ``Schema`` rejects unknown fields, with translated messages.
- ``Text`` is a string with a required maximum length that refuses NUL and
  other control characters (PostgreSQL rejects NUL; SQLite would store it).
- The fields and validators themselves live in ``meedoen.core.fields`` and
  ``meedoen.core.validate``: subclasses of marshmallow's with translated messages, a
  String that is storable text and an Integer within a database INTEGER. Nothing here
  changes marshmallow's own classes (tests/foundation/test_fields.py checks that every
  schema uses them).
"""

import re

import marshmallow as ma
from flask_babel import lazy_gettext as _l

from meedoen.core import fields, validate
from meedoen.core.fields import INT_MAX, INT_MIN
from meedoen.core.languages import CLDR_LOCALES, SHIPPED_LANGUAGES, current_code
from meedoen.core.validate import Range

__all__ = ["INT_MAX", "INT_MIN", "LangQuerySchema", "LanguageCode", "Range", "Schema", "Text",
           "known_languages"]

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARS_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f]")


class Schema(ma.Schema):
    error_messages = {
        "type": _l("This must be an object."),
        "unknown": _l("This field is not allowed."),
    }

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


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


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
