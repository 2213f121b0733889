"""Youth voice in the PWA: ideas in an RTL (Arabic) and an LTR (Dutch) language, supporting,
reporting and proposing, a staff answer, the stats, and the one-tap feedback."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from meedoen.activities.models import (
    Activity,
    ActivityFeedback,
    ActivityStatus,
    ActivityText,
    Signup,
    SignupStatus,
)
from meedoen.auth.models import User
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.ideas.models import IdeaText
from playwright.sync_api import expect
from sqlalchemy import func, select

from .conftest import check_axe, screenshot
from .helpers import tr, user_id

pytestmark = pytest.mark.browser


def idea_id(live_app, title: str) -> int:
    with live_app.app.app_context():
        return db.session.scalar(select(IdeaText.idea_id).where(IdeaText.title == title))


def ended_yesterday_for(live_app, username: str, title: str) -> int:
    """An activity that ended yesterday, which this young person went to."""
    with live_app.app.app_context():
        youth = user_id(live_app.app, username)
        municipality_id = db.session.scalar(select(User.municipality_id).where(User.id == youth))
        ends = datetime.now(UTC) - timedelta(hours=20)
        activity = Activity(municipality_id=municipality_id, category="cooking",
                            status=ActivityStatus.PUBLISHED, starts_at=ends - timedelta(hours=2),
                            ends_at=ends, original_language="nl", venue_name="Buurthuis")
        activity.texts = [ActivityText(language="nl", title=title, description="Samen koken")]
        db.session.add(activity)
        db.session.flush()
        db.session.add(Signup(activity_id=activity.id, user_id=youth,
                              status=SignupStatus.CONFIRMED))
        db.session.commit()
        return activity.id


def card(page, title: str):
    return page.locator("ul.card-list a.card", has_text=title)


def test_ideas_in_arabic_right_to_left(phone, live_app):
    activity = ended_yesterday_for(live_app, "demo-youth-ar", "Kookavond gisteren")
    page = phone("ar", "demo-youth-ar", "/ideas")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar", "rtl"]
    expect(page.locator("h1")).to_have_text(tr("ar", "Ideas"))
    own = card(page, "حفلة الثقافات")
    expect(own).to_be_visible()
    assert own.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(own.locator("[data-status]")).to_have_text(tr("ar", "Planned"))
    tournament = card(page, "ውድድር ኩዕሶ እግሪ ንኹሉ ኣባይቲ")     # Tigrinya original: the fallback
    expect(tournament).to_contain_text(tr("ar", "Shown in {language}", language="ትግርኛ"))
    screenshot(page, "ar-ideas-list")
    check_axe(page, "ar-ideas-list")

    # One tap on yesterday's activity; nothing about who said it is stored with it.
    feedback = page.locator(f"[data-feedback='{activity}']")
    feedback.locator("input").fill("الأكل كان لذيذًا")
    feedback.locator("[data-liked=true]").click()
    expect(feedback.locator(".note-ok")).to_have_text(
        tr("ar", "Thank you! Organisers only see the totals, never who said what."))
    with live_app.app.app_context():
        rows = db.session.execute(select(ActivityFeedback.liked, ActivityFeedback.comment)
                                  .where(ActivityFeedback.activity_id == activity)).all()
    assert [tuple(r) for r in rows] == [(True, "الأكل كان لذيذًا")]

    # Someone else's idea: the fallback note, the staff answers, support and report.
    tournament.click()
    page.wait_for_selector("[data-fallback=ti]")
    expect(page.locator("[data-fallback=ti]")).to_have_text(
        tr("ar", "Shown in {language} — not yet translated.", language="ትግርኛ"))
    assert page.locator("li[data-answer]").count() >= 1
    expect(page.locator("[data-support=join]")).to_have_attribute("aria-pressed", "true")
    total = page.locator("p[data-supporters]")
    before = total.get_attribute("data-supporters")
    page.click("[data-support=help]")
    expect(page.locator("[data-support=help]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-support=join]")).to_have_attribute("aria-pressed", "false")
    assert total.get_attribute("data-supporters") == before      # still once
    page.click("[data-action=report]")
    page.select_option("select[name=reason]", "personal_info")
    page.click("section[aria-labelledby=report] button[type=submit]")
    expect(page.locator(".note-ok")).to_have_text(tr("ar", "Thank you. Staff will look at it."))
    screenshot(page, "ar-ideas-detail")
    check_axe(page, "ar-ideas-detail")

    # Propose one in Arabic.
    page.goto("/ideas/new")
    page.wait_for_selector("input[name=title]")
    assert page.locator("select[name=language]").input_value() == "ar"
    check_axe(page, "ar-ideas-new")
    page.fill("input[name=title]", "بطولة كرة طائرة للبنات")
    page.fill("textarea[name=description]", "فريق للبنات مع مدرّبة، مرة في الأسبوع.")
    page.select_option("select[name=category]", "sport")
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/ideas/\d+$"))
    expect(page.locator("h1")).to_have_text("بطولة كرة طائرة للبنات")
    expect(page.locator("p.meta [data-status]").first).to_have_text(tr("ar", "New"))
    assert page.errors == []


def test_ideas_in_dutch_left_to_right(phone, live_app):
    page = phone("nl", "demo-youth-so", "/ideas")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    expect(page.locator("h1")).to_have_text(tr("nl", "Ideas"))
    cafe = card(page, "Kafee luqadeed")                      # only in Somali: falls back
    expect(cafe).to_contain_text(tr("nl", "Shown in {language}", language="Soomaali"))
    assert cafe.evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(card(page, "Talentenshow")).to_be_visible()       # translated into Dutch
    page.click("[data-sort=newest]")
    expect(page.locator("ul.card-list a.card h2").first).to_contain_text("Kafee luqadeed")
    page.click("[data-filter=planned]")
    expect(page.locator("ul.card-list a.card")).to_have_count(1)
    expect(page.locator("ul.card-list a.card h2")).to_have_text("Talentenshow")
    screenshot(page, "nl-ideas-list")
    check_axe(page, "nl-ideas-list")
    page.locator("ul.card-list a.card").first.click()
    page.wait_for_selector("li[data-answer]")
    expect(page.locator("[data-activity]")).to_be_visible()   # planned with its activity
    assert page.locator("[data-fallback]").count() == 0
    screenshot(page, "nl-ideas-detail")
    check_axe(page, "nl-ideas-detail")
    assert page.errors == []


def test_staff_answer_stats_and_feedback_results(phone, live_app):
    football = idea_id(live_app, "تیم فوتبال خودمان")         # Tilburg, still waiting
    page = phone("nl", "demo-admin", "/ideas/stats")
    expect(page.locator("h1")).to_have_text(tr("nl", "Ideas waiting for an answer"))
    waiting = page.locator(f"a.card[data-idea='{football}']")
    expect(waiting).to_be_visible()
    screenshot(page, "nl-ideas-stats")
    check_axe(page, "nl-ideas-stats")

    waiting.click()
    page.wait_for_selector("#answer-form")
    page.select_option("select[name=status]", "being_looked_at")
    page.fill("textarea[name=message]", "We zoeken een veld en een trainer.")
    page.click("section[aria-labelledby=answer-form] button[type=submit]")
    expect(page.locator("li[data-answer]")).to_have_count(1)
    expect(page.locator("p.meta [data-status]").first).to_have_text(tr("nl", "Being looked at"))
    with live_app.app.app_context():
        told = db.session.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "idea.status_changed", Event.data["idea_id"].as_integer() == football))
    assert told == 1                                           # the proposer
    check_axe(page, "nl-ideas-answer")

    page.goto("/feedback/results")
    page.wait_for_selector("h1")
    expect(page.locator("h1")).to_have_text(tr("nl", "Feedback after activities"))
    check_axe(page, "nl-feedback-results")
    assert page.errors == []
