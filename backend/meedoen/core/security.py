"""Protection that applies to every request: CSRF for the JSON API and security headers."""

from urllib.parse import urlsplit

from flask import Flask, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import BadRequest

from meedoen.core.errors import fail

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_HEADER = "X-Requested-With"

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def _same_origin(origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in {"http", "https"} and parts.netloc == request.host


def check_csrf() -> None:
    """Unsafe API requests must be same-origin, carry our header and (with a body) be JSON."""
    if request.method not in UNSAFE_METHODS or not request.path.startswith("/api/"):
        return
    if not request.headers.get(CSRF_HEADER):
        fail(403, "csrf", _("This request is missing a required header."))
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        fail(403, "csrf", _("Requests from other websites are not allowed."))
    origin = request.headers.get("Origin")
    if origin and not _same_origin(origin):
        fail(403, "csrf", _("Requests from other websites are not allowed."))
    has_body = request.content_length or request.headers.get("Transfer-Encoding")
    if has_body and not request.is_json:
        fail(415)


def check_json_body() -> None:
    """A JSON body sent to the API must be readable, whatever the route does with it.

    Read once here (Flask caches it for ``request.get_json``): malformed, not UTF-8,
    a number too long to convert, or nested too deeply is a 400 before any route runs,
    also on routes that take no body or read it themselves (Idempotency-Key).
    """
    if not request.path.startswith("/api/") or not request.is_json:
        return
    if not (request.content_length or request.headers.get("Transfer-Encoding")):
        return
    try:
        request.get_json()  # through the app's JSON provider: loads_request_json
    except BadRequest:
        fail(400, "invalid_json", _("The data you sent is not valid JSON."))


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.path.startswith("/api/") and current_user and current_user.is_authenticated:
        headers["Cache-Control"] = "no-store"
        headers.add("Vary", "Cookie")
    return response


def init_security(app: Flask) -> None:
    app.before_request(check_csrf)
    app.before_request(check_json_body)
    app.after_request(add_security_headers)
