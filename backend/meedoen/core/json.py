"""JSON answers written by orjson: several times faster than the standard library on
the big pages (activity lists), and UTF-8 instead of \\u escapes, so an Arabic or
Tigrinya text costs a phone on prepaid data half the bytes or less.

Reading requests stays with the standard library (it keeps lone surrogates, which the
schemas then refuse field by field), with one addition: a body nested more deeply than
MAX_DEPTH is invalid JSON. Python's parser raises RecursionError, not ValueError, for
``[`` × 30,000, and Flask's ``get_json(silent=True)`` lets that escape as a 500; code
that walks the parsed value (schemas, a fingerprint) could hit the same limit later.
What orjson refuses when writing (a lone surrogate, which is not valid UTF-8) goes to the
standard library."""

import json
from typing import Any

import orjson
from flask.json.provider import DefaultJSONProvider

OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
# No request of this API nests deeper than a handful of levels; 32 leaves room.
MAX_DEPTH = 32


class TooDeep(ValueError):
    """JSON nested deeper than MAX_DEPTH (a ValueError, as Flask and webargs expect)."""


def check_depth(value: Any, limit: int = MAX_DEPTH) -> Any:
    """``value`` if no list or object in it is nested deeper than ``limit``; walked
    without recursion, so any depth is checked safely."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise TooDeep(f"JSON nested deeper than {limit} levels")
        pending.extend((child, depth + 1) for child in children
                       if isinstance(child, dict | list))
    return value


def loads_request_json(text: str | bytes, **kwargs: Any) -> Any:
    """The standard library's ``json.loads`` with a depth limit: too deep is a ValueError."""
    try:
        value = json.loads(text, **kwargs)
    except RecursionError:
        raise TooDeep(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    return check_depth(value)


class OrjsonProvider(DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads_request_json(s, **kwargs)

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        try:
            return orjson.dumps(obj, default=self.default, option=OPTIONS).decode()
        except TypeError:
            return super().dumps(obj, **kwargs)

    def response(self, *args: Any, **kwargs: Any):
        obj = self._prepare_response_obj(args, kwargs)
        try:
            body = orjson.dumps(obj, default=self.default, option=OPTIONS)
        except TypeError:
            return super().response(obj)
        return self._app.response_class(body, mimetype=self.mimetype)
