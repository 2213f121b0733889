"""Small helpers for the browser tests: catalogs, database look-ups."""

import json
import time
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from meedoen.auth.models import User
from meedoen.extensions import db
from sqlalchemy import select

DIST = Path(__file__).resolve().parents[2] / "backend" / "meedoen" / "static" / "app"


@cache
def catalog(lang: str) -> dict:
    """The compiled PWA catalog of a language, as the app loads it."""
    (path,) = (DIST / "i18n").glob(f"{lang}-*.json")
    return json.loads(path.read_text())["messages"]


def tr(lang: str, msgid: str, **values) -> str:
    text = catalog(lang).get(msgid) or msgid
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def user_id(app, username: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.username == username))


def tomorrow() -> str:
    return (date.today() + timedelta(days=1)).isoformat()


def until(page, expression: str, timeout: float = 20.0):
    """Poll a JS expression (may return a promise) from Python until it is truthy.

    page.wait_for_function would eval the string inside the page, which our CSP forbids."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(100)


def wait_for_service_worker(page) -> None:
    """Until the service worker controls the page (it claims clients when it activates)."""
    until(page, "navigator.serviceWorker.ready"
                ".then(() => Boolean(navigator.serviceWorker.controller))")
