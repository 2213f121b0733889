"""flask-smorest Api and Blueprint with Meedoen's one error shape and stricter parser.

Every route module makes its blueprint with ``from meedoen.core.api import Blueprint``:
arguments are parsed by ``MeedoenParser`` (a class attribute of that subclass; flask-smorest
itself is not changed, tests/foundation/test_fields.py refuses flask_smorest's Blueprint).

Every error answers ``{"status": 422, "code": "invalid_input", "message": "...",
"fields": {...}}``: a machine code, a message in the request's language and,
for invalid input, the errors per field.
"""

import logging
from collections.abc import Callable

import flask_smorest
from flask import current_app, jsonify
from marshmallow import RAISE
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.routing import IntegerConverter

from meedoen.core import fields
from meedoen.core.errors import error_payload
from meedoen.core.json import check_depth
from meedoen.core.validation import INT_MAX, Schema

log = logging.getLogger(__name__)
LANGUAGE_PARAMETER = "lang"  # allowed on every request (see meedoen.i18n)


class MeedoenParser(FlaskParser):
    """webargs' parser, stricter.

    - Unknown query parameters are refused like unknown JSON fields. webargs would drop
      them silently (its default for the query string is EXCLUDE); with ``None`` the
      schema's own ``unknown`` (RAISE for meedoen Schemas) decides.
    - JSON that is too deeply nested or holds a number too long to convert is invalid
      JSON (400), not a RecursionError or ValueError (500).
    """

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
                                   "query": None, "querystring": None}

    def _raw_load_json(self, req):
        # The depth limit of every request body (see meedoen.core.json); the app checks
        # it before any route too, this keeps the parser safe on its own.
        return check_depth(super()._raw_load_json(req))

    def load_json(self, req, schema):
        try:
            return super().load_json(req, schema)
        except (ValueError, RecursionError) as error:
            return self._handle_invalid_json_error(error, req)

    def load_querystring(self, req, schema):
        args = req.args
        if LANGUAGE_PARAMETER in args and LANGUAGE_PARAMETER not in schema.fields:
            args = args.copy()
            args.poplist(LANGUAGE_PARAMETER)
        return self._makeproxy(args, schema)


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint parsing its arguments with ``MeedoenParser``."""

    ARGUMENTS_PARSER = MeedoenParser()


class IdConverter(IntegerConverter):
    """``<int:id>`` in a URL: a number beyond the database's INTEGER is not found (404)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", INT_MAX)
        super().__init__(map, *args, **kwargs)


def _discard_unsaved_changes() -> None:
    """Nothing half-written: a request that ends in an error keeps none of its changes.

    This also makes the session usable again after a failed flush, so that the
    message's language (the user's preference) can still be looked up.
    """
    from meedoen.core.transaction import rollback  # (meedoen.extensions imports this module)

    if current_app.extensions.get("sqlalchemy") is None:
        return
    try:
        rollback()  # and the after-commit callbacks with it
    except Exception:
        log.exception("rollback after an error failed")


UNAVAILABLE = "meedoen.unavailable"


def on_unavailable(app, is_unavailable: Callable[[BaseException | None], bool],
                   answer: Callable[[], HTTPException]) -> None:
    """Which errors mean "the database cannot answer now" and the error to answer them with
    (503 with Retry-After): ops registers both from its init_app, so core imports no ops."""
    app.extensions[UNAVAILABLE] = (is_unavailable, answer)


def _database_unavailable(error) -> bool:
    registered = current_app.extensions.get(UNAVAILABLE)
    return registered is not None and registered[0](error)


def _unavailable(error: Exception) -> HTTPException:
    """The database is down or overloaded: 503 with Retry-After (see meedoen.ops)."""
    log.warning("database unavailable: %s", type(error).__name__)
    return current_app.extensions[UNAVAILABLE][1]()


# Query-string arguments, unknown ones refused: ``@blp.arguments(SomeQuerySchema, **QUERY)``.
QUERY = {"location": "query", "unknown": RAISE}


class ErrorSchema(Schema):
    """The one error shape (core/errors.py error_payload), as the OpenAPI document states it."""

    status = fields.Integer(required=True)
    code = fields.String(required=True, metadata={"description": "machine code"})
    message = fields.String(required=True, metadata={"description": "in the request's language"})
    fields_ = fields.Dict(data_key="fields", keys=fields.String(), values=fields.Raw(),
                          metadata={"description": "per field, a list of messages (nested for "
                                                   "nested input)"})
    request_id = fields.String(metadata={"description": "to quote when asking for help"})


class MeedoenApi(flask_smorest.Api):
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        self._app.register_error_handler(HTTPException, self.handle_http_exception)
        self._app.register_error_handler(Exception, self.handle_unexpected)

    def handle_http_exception(self, error: HTTPException):
        _discard_unsaved_changes()
        if _database_unavailable(getattr(error, "original_exception", None)):
            error = _unavailable(error.original_exception)
        payload, headers = error_payload(error)
        # Keep the exception's own headers (Allow on 405, Retry-After on 429, ...).
        response = jsonify(payload)
        response.status_code = error.code or 500
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        response.headers.update(headers)
        return response

    def handle_unexpected(self, error: Exception):
        if isinstance(error, HTTPException):
            return self.handle_http_exception(error)
        if _database_unavailable(error):
            return self.handle_http_exception(_unavailable(error))
        log.exception("unhandled error")
        return self.handle_http_exception(InternalServerError())
