"""Money for a club (issue 15): a Somali-speaking young person asks for support from an
activity with a cost; the youth worker applies to the Jeugdfonds and records the grant; the
young person sees "granted" in Somali. Screenshots in so, ar (right to left) and nl."""

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext
from meedoen.activities.models import Activity, ActivityStatus, ActivityText
from meedoen.auth.models import Role, User
from meedoen.auth.passwords import hash_password
from meedoen.extensions import db
from meedoen.funds.models import SupportRequest
from playwright.sync_api import expect
from sqlalchemy import select

from .conftest import check_axe, wait_idle

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots-funds"


def said(live_app, lang: str, msgid: str) -> str:
    """A text the server words (a status), in a language."""
    with live_app.app.test_request_context(), force_locale(lang):
        return gettext(msgid)


def shot(page, name: str) -> None:
    wait_idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def club_activity(live_app, username: str, title: str) -> int:
    """A football club's training with a yearly fee, where this young person lives."""
    with live_app.app.app_context():
        youth = db.session.scalar(select(User).where(User.username == username))
        starts = datetime.now(UTC) + timedelta(days=3)
        activity = Activity(municipality_id=youth.municipality_id, category="sport",
                            status=ActivityStatus.PUBLISHED, starts_at=starts,
                            ends_at=starts + timedelta(hours=2), original_language="nl",
                            venue_name="Sportpark Noord", cost_cents=24000)
        activity.languages = ["nl"]
        activity.texts = [ActivityText(language="nl", title=title,
                                       description="Trainen bij de club, elke week.")]
        db.session.add(activity)
        db.session.commit()
        return activity.id


def youth_worker_beside(live_app, username: str) -> str:
    with live_app.app.app_context():
        youth = db.session.scalar(select(User).where(User.username == username))
        worker = User(username=f"worker-of-{username}", role=Role.YOUTH_WORKER,
                      display_name="Fenna (jongerenwerker)", ui_language="nl",
                      municipality_id=youth.municipality_id,
                      password_hash=hash_password(live_app.password))
        worker.languages = ["nl"]
        db.session.add(worker)
        db.session.commit()
        return worker.username


def ask_from_the_activity(page, activity: int, age: str, message: str) -> None:
    page.locator(f"a[href='/support/new?activity={activity}']").click()
    expect(page.locator("input[name=club]")).not_to_have_value("")
    page.locator("input[name=age]").fill(age)
    expect(page.locator("[data-fund]").first).to_be_visible()
    page.locator("textarea[name=message]").fill(message)


def test_a_somali_youth_gets_support_for_a_club(phone, live_app):
    activity = club_activity(live_app, "demo-youth-so", "Voetbalclub Be Quick: training")
    worker = youth_worker_beside(live_app, "demo-youth-so")

    youth = phone("so", "demo-youth-so", f"/activities/{activity}")
    ask_from_the_activity(youth, activity, "17",
                          "Waxaan rabaa inaan kubadda cagta ka ciyaaro naadi.")
    expect(youth.locator("[data-fund]", has_text="Jeugdfonds Sport & Cultuur")).to_be_visible()
    shot(youth, "so-ask")
    youth.locator("button[type=submit]").click()
    waiting = said(live_app, "so", "Waiting for a helper")
    expect(youth.locator("[data-status]")).to_have_text(waiting)
    with live_app.app.app_context():
        request_id = db.session.scalar(select(SupportRequest.id).where(
            SupportRequest.activity_id == activity))

    staff = phone("nl", worker, f"/support/{request_id}")
    staff.locator("select[name=kind]").select_option("applied")
    staff.locator("select[name=fund_id]").select_option(label="Jeugdfonds Sport & Cultuur")
    staff.locator("button[type=submit]").click()
    expect(staff.locator("[data-status]")).to_have_text(said(live_app, "nl", "Applied to a fund"))
    staff.locator("select[name=kind]").select_option("granted")
    staff.locator("input[name=amount]").fill("240")
    staff.locator("input[name=start]").fill(date.today().isoformat())
    staff.locator("button[type=submit]").click()
    expect(staff.locator("[data-status]")).to_have_text(said(live_app, "nl", "Granted"))
    staff.evaluate("window.scrollTo(0, 0)")
    shot(staff, "nl-staff-granted")

    staff.goto("/support/figures")
    expect(staff.locator("[data-row=all] [data-stat=granted]")).to_have_text("1")
    shot(staff, "nl-figures")
    staff.goto("/support")
    expect(staff.locator("[data-filter=open]")).to_be_visible()

    youth.goto(f"/support/{request_id}")
    expect(youth.locator("[data-status]")).to_have_text(said(live_app, "so", "Granted"))
    expect(youth.locator("[data-grant]")).to_contain_text("Voetbalclub Be Quick")
    expect(youth.locator("[data-next]")).to_be_visible()
    shot(youth, "so-granted")
    check_axe(youth, "so-support-granted")
    assert youth.errors == [] and staff.errors == []


def test_asking_in_arabic_right_to_left(phone, live_app):
    activity = club_activity(live_app, "demo-youth-ar", "Zwemclub De Dolfijn")
    page = phone("ar", "demo-youth-ar", f"/activities/{activity}")
    ask_from_the_activity(page, activity, "19", "أريد أن أتعلم السباحة في نادٍ.")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("[data-fund]", has_text="Meedoenregeling")).to_be_visible()
    shot(page, "ar-ask")
    check_axe(page, "ar-support-ask")
    assert page.errors == []
