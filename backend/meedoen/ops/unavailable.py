"""503 when the database cannot answer: the JSON error shape, the user's language,
``Retry-After``; nothing half-written (the transaction is rolled back or never began)."""

import json
import logging
import sys

from flask import current_app, g, has_request_context
from flask_babel import gettext as _

from meedoen.core.errors import ApiError

log = logging.getLogger(__name__)
CODE = "unavailable"


def message():
    """Meedoen is not reachable right now. Please try again in a few minutes."""
    return _("Meedoen is not reachable right now. Please try again in a few minutes.")


def unavailable_error() -> ApiError:
    """The 503 to answer with. The user could not be loaded: go on as anonymous, so that
    nothing else (language choice, headers) asks the database again in this request."""
    if has_request_context() and "_login_user" not in g:
        g._login_user = current_app.login_manager.anonymous_user()
    retry = str(current_app.config.get("UNAVAILABLE_RETRY_AFTER", 5))
    return ApiError(503, CODE, message(), headers={"Retry-After": retry})


# Routes that must answer without the database, even with a session cookie.
WITHOUT_DATABASE = {"health.live", "metrics.metrics"}


def load_user_first() -> None:
    """Load the logged-in user before anything else, so that a database that cannot answer
    is a 503 here, where it first surfaces, not an error inside the error handler or the
    response's headers (both ask who is logged in)."""
    from flask import request
    from flask_login import current_user

    from meedoen.ops.database import is_unavailable

    if not request.path.startswith("/api/") or request.endpoint in WITHOUT_DATABASE:
        return
    try:
        current_user._get_current_object()
    except Exception as error:
        if is_unavailable(error):
            raise unavailable_error() from error
        raise


def last_resort(app, environ, start_response):
    """Everything else failed: a minimal JSON answer without the app (no database, no user)."""
    from meedoen.ops.database import is_unavailable

    error = sys.exc_info()[1]
    status = 503 if is_unavailable(error) else 500
    log.error("the request failed outside the error handlers", exc_info=error)
    text = ("Meedoen is not reachable right now. Please try again in a few minutes."
            if status == 503 else "Something went wrong on our side. Please try again later.")
    code = CODE if status == 503 else "server_error"
    try:
        with app.test_request_context(
                headers={"Accept-Language": environ.get("HTTP_ACCEPT_LANGUAGE", "")}):
            g._login_user = app.login_manager.anonymous_user()
            text = message() if status == 503 else _(
                "Something went wrong on our side. Please try again later.")
    except Exception:  # keep the English text
        log.debug("no translation for the last-resort answer", exc_info=True)
    body = json.dumps({"status": status, "code": code, "message": str(text),
                       "request_id": environ.get("meedoen.request_id")}).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
               ("Cache-Control", "no-store")]
    if status == 503:
        headers.append(("Retry-After", str(app.config.get("UNAVAILABLE_RETRY_AFTER", 5))))
    reason = "Service Unavailable" if status == 503 else "Internal Server Error"
    start_response(f"{status} {reason}", headers)
    return status, [body]
