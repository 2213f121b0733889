"""Serves the built PWA at / (one origin with the API)."""

import gzip
import mimetypes
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Flask, current_app, request, send_from_directory
from flask_babel import gettext as _
from werkzeug.routing import PathConverter

from meedoen.core.errors import fail

bp = Blueprint("pwa_host", __name__)


class AppPathConverter(PathConverter):
    """Any path outside /api/: an unknown API path stays a 404 for every method (not a 405)."""

    regex = r"(?!api/)[^/].*?"


def init_app(app: Flask) -> None:
    """Last of the features: its catch-all route serves the app for every other path."""
    app.url_map.converters.setdefault("app_path", AppPathConverter)
    app.register_blueprint(bp)


NO_CACHE = ("index.html", "sw.js", "manifest.webmanifest", "registerSW.js")
COMPRESSIBLE = {"application/json", "text/calendar", "text/plain", "text/html"}
MIN_COMPRESS = 1024
# The last answers of up to 64 KB are remembered compressed (under 10 MB): a page sent alike
# to many (the first page of activities) is compressed once.
REMEMBERED_BODIES, REMEMBERED_SIZE = 128, 64 * 1024


def _accepts_gzip() -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


def _send(dist: Path, path: str):
    """The file, or its precompressed .gz (made by the build) when the browser takes gzip."""
    if _accepts_gzip() and (dist / f"{path}.gz").is_file():
        response = send_from_directory(dist, f"{path}.gz", max_age=0)
        response.headers["Content-Encoding"] = "gzip"
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.endswith(".webmanifest"):
            kind = "application/manifest+json"
        response.headers["Content-Type"] = kind
    else:
        response = send_from_directory(dist, path, max_age=0)
    response.vary.add("Accept-Encoding")
    return response


@bp.route("/", defaults={"path": "index.html"})
@bp.route("/<app_path:path>")
def serve(path: str):
    if path.startswith("api/"):
        fail(404)
    dist = Path(current_app.config["PWA_DIST"])
    if not (dist / "index.html").is_file():
        return _("The app is not built yet. Run: make run"), 503, {"Content-Type": "text/plain"}
    if not (dist / path).is_file():
        path = "index.html"  # client-side routes
    response = _send(dist, path)
    if path.startswith("assets/"):
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    elif path in NO_CACHE or path.startswith("i18n/"):
        response.headers["Cache-Control"] = "no-cache"
    return response


@bp.after_app_request
def compress(response):
    """gzip API answers (phones on prepaid data): JSON and calendars over 1 KB."""
    if (response.direct_passthrough or response.status_code < 200 or response.status_code >= 300
            or response.mimetype not in COMPRESSIBLE or "Content-Encoding" in response.headers
            or not _accepts_gzip()):
        return response
    body = response.get_data()
    if len(body) < MIN_COMPRESS:
        return response
    response.set_data(_gzipped(body) if len(body) <= REMEMBERED_SIZE else _gzip(body))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=4, mtime=0)  # mtime 0: the same body, same bytes


_gzipped = lru_cache(maxsize=REMEMBERED_BODIES)(_gzip)
