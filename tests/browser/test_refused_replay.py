"""A sign-up made offline that Meedoen refuses when it is sent later (the activity was cancelled
meanwhile: 409) is not dropped in silence: the young person reads on the activity, in their own
language, that they are not signed up and what to do, and a short note where the queue is shown,
until they dismiss it (issue 18, item 8)."""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.support import Translations
from meedoen.activities.models import Activity, ActivityStatus, ActivityText, Signup
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.places.models import Municipality
from sqlalchemy import select

from tests.browser.helpers import tr, user_id, wait_for_service_worker
from tests.factories import Factory

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))  # noqa: S108  (team rule)
REFUSED = ("Your sign-up from when you were offline did not go through. "
           "You are not signed up for this activity.")
CLOSED = "You cannot sign up for this activity any more."

pytestmark = pytest.mark.browser


def _youth_and_activity(live_app, lang: str) -> tuple[str, int]:
    """A youth and an activity of their own in the demo municipality (others' tests keep theirs)."""
    with live_app.app.app_context():
        demo = db.session.get(User, user_id(live_app.app, "demo-youth-ar"))
        town = db.session.get(Municipality, demo.municipality_id)
        username = f"refused-youth-{lang}"
        Factory().user("youth", town, password=live_app.password, username=username,
                       ui_language=lang, languages=[lang])
        starts = datetime.now(UTC) + timedelta(days=2)
        activity = Activity(municipality_id=town.id, category="sport",
                            status=ActivityStatus.PUBLISHED, starts_at=starts,
                            ends_at=starts + timedelta(hours=2), original_language="nl",
                            venue_name="Sporthal")
        activity.texts = [ActivityText(language="nl", title=f"Zaalvoetbal {lang}",
                                       description="Samen voetballen")]
        db.session.add(activity)
        db.session.commit()
        return username, activity.id


# ar: right to left; ti: Ethiopic script; so: long words.
@pytest.mark.parametrize("lang", ["ar", "ti", "so"])
def test_a_refused_offline_signup_is_kept_and_explained(phone, live_app, lang):
    app = live_app.app
    username, activity_id = _youth_and_activity(live_app, lang)
    page = phone(lang, username, f"/activities/{activity_id}")
    wait_for_service_worker(page)
    page.wait_for_selector("[data-action=signup]")

    page.context.set_offline(True)
    page.click("[data-action=signup]")
    page.wait_for_selector(".pending-bar")
    with app.app_context():  # meanwhile the organiser cancels the activity
        db.session.get(Activity, activity_id).status = ActivityStatus.CANCELLED
        db.session.commit()
    page.context.set_offline(False)

    # Sent, refused (409), and kept: the youth reads why, in their language, and what to do.
    page.wait_for_selector(".pending-bar", state="detached", timeout=20000)
    note = page.wait_for_selector(".note-error[data-refused=signup]", timeout=10000)
    text = note.inner_text()
    assert tr(lang, REFUSED) in text and tr(lang, REFUSED) != REFUSED
    server_says = Translations.load(str(ROOT / "translations"), [lang]).gettext(CLOSED)
    assert server_says != CLOSED and server_says in text
    assert tr(lang, "Ask your mentor for help, or choose another activity.") in text
    bar = page.wait_for_selector(".refused-bar[role=alert]")
    assert bar.is_visible()
    with app.app_context():
        youth = user_id(app, username)
        assert db.session.scalars(select(Signup).where(
            Signup.user_id == youth, Signup.activity_id == activity_id)).all() == []

    # Still there after a reload (kept on the phone), never sent again.
    page.reload()
    page.wait_for_selector(".note-error[data-refused=signup]")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"refused-{lang}.png"))
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")

    # Read and dismissed: the note and the bar go.
    page.click("[data-action=dismiss-refused]")
    page.wait_for_selector(".note-error[data-refused]", state="detached")
    page.wait_for_selector(".refused-bar", state="detached")
    assert page.errors == []
