"""Serves the built PWA at / (one origin with the API)."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory
from flask_babel import gettext as _

from meedoen.core.errors import fail

bp = Blueprint("pwa_host", __name__)
NO_CACHE = ("index.html", "sw.js", "manifest.webmanifest", "registerSW.js")


@bp.route("/", defaults={"path": "index.html"})
@bp.route("/<path:path>")
def serve(path: str):
    if path.startswith("api/"):
        fail(404)
    dist = Path(current_app.config["PWA_DIST"])
    if not (dist / "index.html").is_file():
        return _("The app is not built yet. Run: make run"), 503, {"Content-Type": "text/plain"}
    if not (dist / path).is_file():
        path = "index.html"  # client-side routes
    response = send_from_directory(dist, path, max_age=0)
    if path.startswith("assets/"):
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    elif path in NO_CACHE or path.startswith("i18n/"):
        response.headers["Cache-Control"] = "no-cache"
    return response
