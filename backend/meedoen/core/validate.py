"""Meedoen's marshmallow validators: import ``from meedoen.core import validate``.

The same names as ``marshmallow.validate``; ``Length``, ``Range``, ``OneOf`` and
``ContainsOnly`` are subclasses with translated messages (marshmallow's own classes are not
changed). The others are marshmallow's: give them a translated ``error=``.
"""

from flask_babel import lazy_gettext as _l
from marshmallow import validate as ma_validate
from marshmallow.validate import (
    URL,
    And,
    ContainsNoneOf,
    Email,
    Equal,
    NoneOf,
    Predicate,
    Regexp,
    Validator,
)

__all__ = [
    "URL",
    "And",
    "ContainsNoneOf",
    "ContainsOnly",
    "Email",
    "Equal",
    "Length",
    "NoneOf",
    "OneOf",
    "Predicate",
    "Range",
    "Regexp",
    "Validator",
]


class Length(ma_validate.Length):
    message_min = _l("This must be at least {min} long.")
    message_max = _l("This can be at most {max} long.")
    message_all = _l("This must be between {min} and {max} long.")
    message_equal = _l("This must be exactly {equal} long.")


class Range(ma_validate.Range):
    """An inclusive range with translated messages (marshmallow formats its own too early)."""

    def __init__(self, min=None, max=None, **kwargs):
        super().__init__(min=min, max=max, **kwargs)
        self.message_min = _l("This must be at least {min}.")
        self.message_max = _l("This can be at most {max}.")
        self.message_all = _l("This must be between {min} and {max}.")


class OneOf(ma_validate.OneOf):
    default_message = _l("Choose one of the options.")


class ContainsOnly(ma_validate.ContainsOnly):
    default_message = _l("Choose only from the options.")
