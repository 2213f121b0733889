"""Small helpers for the browser tests: catalogs, database look-ups."""

import json
import time
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from meedoen.auth.models import Role, User
from meedoen.auth.passwords import hash_password
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


def new_youth(live_app, username: str, ui_language: str, display_name: str) -> None:
    """A young person of their own for a test that changes or deletes them (where demo-youth-ar
    lives, with the live app's password)."""
    with live_app.app.app_context():
        demo = db.session.get(User, user_id(live_app.app, "demo-youth-ar"))
        db.session.add(User(username=username, password_hash=hash_password(live_app.password),
                            role=Role.YOUTH, display_name=display_name, ui_language=ui_language,
                            municipality_id=demo.municipality_id, location_id=demo.location_id))
        db.session.commit()


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


def show_every_page(page, listed, more, first: int, total: int, shot: Path) -> None:
    """A paged list ("Show more", lib/pages.js): ``first`` rows, a screenshot with the button
    in view, then after one press all ``total`` and no button."""
    from playwright.sync_api import expect

    expect(listed).to_have_count(first)
    more.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    page.locator(".loading").first.wait_for(state="detached")
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    more.click()
    expect(listed).to_have_count(total)
    expect(more).to_have_count(0)
