"""Meedoen not reachable (the database down: the API answers 503): the PWA shows its saved
screens with a plain note, keeps the user logged in, and keeps a sign-up queued until it
goes through on its own once the API answers again."""

import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.support import Translations
from meedoen.activities.models import Signup
from meedoen.extensions import db
from sqlalchemy import create_engine, event, select

from tests.browser.helpers import user_id, wait_for_service_worker

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))  # noqa: S108  (team rule)
NOTE = "Meedoen is not reachable right now. Last updated {when}"
QUEUED = "Meedoen is not reachable right now. Your sign-up will be sent as soon as it is."


def translated(lang: str, msgid: str) -> str:
    return Translations.load(str(ROOT / "translations"), [lang]).gettext(msgid)


@contextmanager
def database_down(app):
    """Every new database connection fails as with a stopped server (the real error path)."""
    with app.app_context():
        engine = db.engine

    def refuse(dialect, conn_rec, cargs, cparams):
        if dialect.name == "sqlite":
            raise sqlite3.OperationalError("unable to open database file")
        import psycopg

        raise psycopg.OperationalError("connection refused")

    event.listen(engine, "do_connect", refuse)
    engine.dispose()
    try:
        yield
    finally:
        event.remove(engine, "do_connect", refuse)


def _new_youth(live_app, lang: str) -> str:
    """A youth of the demo municipality of its own (the demo youth are other tests')."""
    from meedoen.auth.models import User
    from meedoen.places.models import Municipality

    from tests.factories import Factory

    with live_app.app.app_context():
        demo = db.session.get(User, user_id(live_app.app, "demo-youth-ar"))
        town = db.session.get(Municipality, demo.municipality_id)
        username = f"ops-youth-{lang}"
        Factory().user("youth", town, password=live_app.password, username=username,
                       ui_language=lang, languages=[lang])
    return username


# ar: right to left; ti: Ethiopic script; so: long words.
@pytest.mark.parametrize("lang", ["ar", "ti", "so"])
def test_unreachable_shows_saved_screens_and_keeps_the_signup(phone, live_app, lang):
    app = live_app.app
    username = _new_youth(live_app, lang)
    page = phone(lang, username, "/activities")
    wait_for_service_worker(page)
    activity_id = page.evaluate("""async () => {
        const list = await (await fetch('/api/v1/activities?limit=50')).json();
        const open = list.items.find((a) => !a.my_signup && a.spots_left !== 0);
        return open && open.id; }""")
    assert activity_id
    page.goto(f"/activities/{activity_id}")
    page.wait_for_selector("[data-action=signup]")  # saved on the phone from here on
    youth = user_id(app, username)

    with app.app_context():
        own = create_engine(db.engine.url)  # not the app's engine, which is made to fail

    def signups():
        with own.connect() as conn:
            return conn.execute(select(Signup.__table__.c.status).where(
                Signup.user_id == youth, Signup.activity_id == activity_id)).all()

    with database_down(app):
        assert page.evaluate("fetch('/api/v1/me').then((r) => r.status)") == 503
        page.reload()
        note = page.wait_for_selector(".note-offline[data-reason=unreachable]")
        before, _ = translated(lang, NOTE).split("{when}")
        assert note.inner_text().startswith(before.strip())
        # Still logged in (the sign-up button is only for a logged-in youth).
        page.click("[data-action=signup]")
        page.wait_for_selector(".pending-bar")
        queued = page.wait_for_selector(".note-offline[role=status] >> text="
                                        + translated(lang, QUEUED)[:20])
        assert queued.is_visible()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"unreachable-{lang}.png"))
        page.wait_for_timeout(2500)  # a retry while still down keeps it queued
        assert signups() == []
        assert page.locator(".pending-bar").count() == 1
    # The API answers again: the queued sign-up goes through by itself, exactly once.
    page.wait_for_selector(".pending-bar", state="detached", timeout=20000)
    page.wait_for_timeout(500)
    rows = signups()
    assert len(rows) == 1 and rows[0].status.value in {"confirmed", "waitlisted"}
    own.dispose()
    assert page.errors == []
    shutil.copy(SHOTS / f"unreachable-{lang}.png", SHOTS / f"unreachable-{lang}-queued.png")
