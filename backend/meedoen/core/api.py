"""flask-smorest Api with Meedoen's one error shape.

Every error answers ``{"status": 422, "code": "invalid_input", "message": "...",
"fields": {...}}``: a machine code, a message in the request's language and,
for invalid input, the errors per field.
"""

import logging

from flask import jsonify
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from meedoen.core.errors import error_payload

log = logging.getLogger(__name__)


class MeedoenApi(Api):
    def _register_error_handlers(self):
        self._app.register_error_handler(HTTPException, self.handle_http_exception)
        self._app.register_error_handler(Exception, self.handle_unexpected)

    def handle_http_exception(self, error: HTTPException):
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
        log.exception("unhandled error")
        return self.handle_http_exception(InternalServerError())
