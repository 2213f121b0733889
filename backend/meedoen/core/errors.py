"""One error shape for the whole API, with messages in the request's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

# status -> (machine code, message)
DEFAULTS = {
    400: ("bad_request", _l("We could not read what you sent.")),
    401: ("login_required", _l("Please log in first.")),
    403: ("forbidden", _l("You are not allowed to do this.")),
    404: ("not_found", _l("We could not find this.")),
    405: ("method_not_allowed", _l("This action is not possible here.")),
    409: ("conflict", _l("This clashes with something that already exists.")),
    412: ("precondition_failed", _l("This was changed in the meantime. Please reload.")),
    413: ("too_large", _l("What you sent is too large.")),
    415: ("json_required", _l("Please send the data as JSON.")),
    422: ("invalid_input", _l("Some fields are not filled in correctly.")),
    429: ("too_many_requests", _l("Too many tries. Please wait a moment and try again.")),
    500: ("server_error", _l("Something went wrong on our side. Please try again later.")),
    503: ("unavailable", _l("The service is busy. Please try again later.")),
}
WEBARGS_LOCATIONS = {"json", "query", "querystring", "form", "headers", "files", "view_args"}


class ApiError(HTTPException):
    """An error with its own machine code and translated message."""

    def __init__(self, status: int, code: str | None = None, message=None, fields=None,
                 headers=None):
        super().__init__()
        self.code = status
        self.data = {"error_code": code, "message": message, "errors": fields,
                     "headers": headers or {}}


def fail(status: int, code: str | None = None, message=None, fields=None, headers=None):
    raise ApiError(status, code, message, fields, headers)


def _as_messages(value):
    """Per field a list of plain strings; nested (by key or list index) for nested input.

    marshmallow hands a single lazy message over as itself, not in a list.
    """
    if isinstance(value, dict):
        return {str(k): _as_messages(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def _flatten_locations(errors):
    """webargs nests errors by location ({"json": {...}}); callers only need the fields."""
    if not isinstance(errors, dict) or not set(errors) <= WEBARGS_LOCATIONS:
        return errors
    merged = {}
    for location, value in errors.items():
        if isinstance(value, dict):
            merged.update(value)
        else:
            merged[f"_{location}"] = value
    return merged


def _request_id() -> str | None:
    from flask import has_request_context, request

    return request.environ.get("meedoen.request_id") if has_request_context() else None


def error_payload(error: HTTPException) -> tuple[dict, dict]:
    status = error.code or 500
    code, message = DEFAULTS.get(status, (error.name.lower().replace(" ", "_"), error.name))
    data = getattr(error, "data", None) or {}
    fields = _flatten_locations(data.get("errors") or data.get("messages"))
    if status == 400 and fields and "_json" in fields:
        code, message = "invalid_json", _("The data you sent is not valid JSON.")
        fields = None
    payload = {
        "status": status,
        "code": data.get("error_code") or code,
        "message": str(data.get("message") or message),
    }
    if fields:
        payload["fields"] = _as_messages(fields)
    if request_id := _request_id():
        payload["request_id"] = request_id  # to quote when asking for help (meedoen.ops)
    return payload, data.get("headers") or {}
