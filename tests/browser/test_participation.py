"""Issue 16 in the browser: the organiser checks two young people in with one tap each; a third
checks in by scanning (the QR text fed in as the phone camera would read it); "My year" in
Tigrinya and its printable page; the figures screen in Arabic. Screenshots at 360×740."""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from meedoen.activities.models import Activity, ActivityStatus, ActivityText, Signup, SignupStatus
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.participation.models import Checkin
from sqlalchemy import func, select

from tests.browser.helpers import tr, user_id
from tests.factories import Factory

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots-participation"))  # noqa: S108

pytestmark = pytest.mark.browser


def _shot(page, name: str) -> None:
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _running_activity(live_app) -> tuple[int, list[str]]:
    """An activity going on now in the demo municipality; two youth signed up, one not."""
    with live_app.app.app_context():
        town_id = db.session.get(User, user_id(live_app.app, "demo-youth")).municipality_id
        town = db.session.get(User, user_id(live_app.app, "demo-youth")).municipality
        names = [f"checkin-{n}" for n in ("amanuel", "selam", "yonas")]
        youth = [Factory().user("youth", town, password=live_app.password, username=name,
                                display_name=name.split("-")[1].title(), ui_language="ti",
                                languages=["ti"]) for name in names]
        start = datetime.now(UTC) - timedelta(minutes=30)
        activity = Activity(municipality_id=town_id, category="sport", capacity=10,
                            status=ActivityStatus.PUBLISHED, starts_at=start,
                            ends_at=start + timedelta(hours=2), original_language="nl",
                            venue_name="Sporthal", taken=2)
        activity.texts = [ActivityText(language="nl", title="Zaalvoetbal", description="")]
        db.session.add(activity)
        db.session.flush()
        db.session.add_all([Signup(activity_id=activity.id, user_id=y.id,
                                   status=SignupStatus.CONFIRMED) for y in youth[:2]])
        db.session.commit()
        return activity.id, names


def _here(live_app, activity_id: int) -> int:
    with live_app.app.app_context():
        return db.session.scalar(select(func.count()).select_from(Checkin)
                                 .where(Checkin.activity_id == activity_id))


def test_check_in_my_year_and_figures(phone, live_app):
    activity_id, youth = _running_activity(live_app)

    organiser = phone("nl", "demo-worker", f"/staff/activities/{activity_id}/checkin")
    organiser.wait_for_selector("[data-action=here]")
    qr_text = organiser.get_attribute("img[data-qr]", "data-qr")
    for _ in range(2):
        organiser.click("[data-action=here] >> nth=0")
        organiser.wait_for_timeout(300)
    organiser.wait_for_selector("[data-here] >> nth=1")
    organiser.click("[data-action=helped] >> nth=0")  # helped organise: volunteering hours
    organiser.wait_for_selector(".door-person .hint")
    _shot(organiser, "organiser-door-list-nl")
    assert _here(live_app, activity_id) == 2
    with live_app.app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Checkin).where(
            Checkin.activity_id == activity_id, Checkin.helped.is_(True))) == 1

    scanner = phone("ti", youth[2], "/checkin")
    scanner.fill("input[name=code]", qr_text)  # what the camera reads from the QR code
    scanner.click("button[type=submit]")
    done = scanner.wait_for_selector("[data-checked-in]")
    assert done.inner_text() == tr("ti", "You are checked in.")
    _shot(scanner, "youth-checked-in-ti")
    assert _here(live_app, activity_id) == 3

    year = phone("ti", youth[0], "/my-year")
    year.wait_for_selector(".bar-row")
    assert tr("ti", "My year") in year.inner_text("h1")
    _shot(year, "my-year-ti")
    year.goto("/my-year/print")
    year.wait_for_selector("section[lang=nl] .bar-row")
    year.wait_for_selector("section[lang=ti] .bar-row")
    text = year.inner_text("main") if year.query_selector("main") else year.inner_text("body")
    assert "/statements/" in text and "Sport" in text
    _shot(year, "my-year-print-ti")
    pdf_link = year.get_by_role("link", name=tr("ti", "Download as PDF"))
    pdf_link.scroll_into_view_if_needed()
    _shot(year, "my-year-print-buttons-ti")
    pdf = year.request.get(live_app.url + pdf_link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    check_url = year.inner_text("section[lang=nl] .hint")
    year.goto(check_url.replace(live_app.url, ""))
    year.wait_for_selector("[data-valid]")
    _shot(year, "statement-check-ti")

    figures = phone("ar", "demo-worker", "/staff/figures")
    figures.wait_for_selector(".big-number")
    assert figures.evaluate("document.documentElement.dir") == "rtl"
    assert tr("ar", "By house") in figures.inner_text("body")
    _shot(figures, "figures-ar")
    for page in (organiser, scanner, year, figures):
        assert page.errors == []


def test_figures_of_a_chosen_month_and_for_admins_a_chosen_municipality(phone, live_app):
    worker = phone("ti", "demo-worker", "/staff/figures")
    worker.wait_for_selector(".big-number")
    months = worker.eval_on_selector_all("select[name=month] option", "os => os.map(o => o.value)")
    assert len(months) == 12 and months == sorted(months, reverse=True), months
    with worker.expect_response(lambda r: f"month={months[1]}" in r.url) as asked:
        worker.select_option("select[name=month]", months[1])
    assert asked.value.ok
    worker.wait_for_selector(f"a[href*='csv?month={months[1]}']")
    _shot(worker, "figures-last-month-ti")

    admin = phone("ar", "demo-admin", "/staff/figures")
    admin.wait_for_selector("select[name=municipality_id]")
    assert admin.query_selector(".big-number") is None  # nothing until a municipality is chosen
    town = admin.eval_on_selector("select[name=municipality_id] option:nth-child(2)",
                                  "o => o.value")
    admin.select_option("select[name=municipality_id]", town)
    admin.wait_for_selector(".big-number")
    admin.wait_for_selector(f"a[href*='municipality_id={town}']")
    _shot(admin, "figures-admin-ar")
    assert worker.errors == [] and admin.errors == []
