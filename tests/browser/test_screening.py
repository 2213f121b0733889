"""Screening (VOG) in the app: a youth worker records a check in the contact editor, and youth
then see the plain "Checked by your municipality" badge on that person's card. Screenshots at
360×740 in Arabic (RTL), Tigrinya and Somali (long words) under /tmp/shots/."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from meedoen.auth.models import User
from meedoen.contacts.models import Contact, ContactKind, ContactText
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import select

from .helpers import tr

SHOTS = Path("/tmp/shots")  # noqa: S108  (where the team looks at screenshots)


@pytest.fixture
def unchecked_buddy(live_app):
    """A buddy in the demo youth's municipality who speaks Tigrinya, with no VOG check yet."""
    with live_app.app.app_context():
        youth = db.session.scalar(select(User).where(User.username == "demo-youth"))
        buddy = Contact(kind=ContactKind.BUDDY, name="Buddy Selam Tesfay",
                        municipality_id=youth.municipality_id, lived_experience=True)
        buddy.languages, buddy.topics = ["ti", "nl"], ["work"]
        buddy.texts = [ContactText(language="nl", help_text="Ik help je met werk zoeken.")]
        db.session.add(buddy)
        db.session.commit()
        buddy_id = buddy.id
    yield buddy_id
    with live_app.app.app_context():
        db.session.delete(db.session.get(Contact, buddy_id))
        db.session.commit()


def test_staff_record_a_vog_check_and_youth_see_the_badge(phone, live_app, unchecked_buddy):
    SHOTS.mkdir(exist_ok=True)
    before = phone("ar", "demo-worker", f"/staff/contacts/{unchecked_buddy}/edit")
    expect(before.locator("section:has(#screening) .note-error")).to_contain_text(
        tr("ar", "No VOG check recorded"))
    before.locator("section:has(#screening)").scroll_into_view_if_needed()
    before.screenshot(path=str(SHOTS / "ar-staff-contact-vog-missing.png"))
    worker = phone("nl", "demo-worker", f"/staff/contacts/{unchecked_buddy}/edit")
    section = worker.locator("section:has(#screening)")
    expect(section).to_contain_text(tr("nl", "No VOG check recorded"))
    expect(section).to_contain_text(tr(
        "nl", "This contact receives no questions in the app until a check is recorded."))
    # A check made a month ago, valid three years: whatever day the test runs.
    checked_on = (date.today() - timedelta(days=30)).isoformat()
    valid_until = (date.today() + timedelta(days=3 * 365)).isoformat()
    worker.get_by_label(tr("nl", "VOG checked on")).fill(checked_on)
    worker.get_by_label(tr("nl", "Check valid until")).fill(valid_until)
    worker.click("form button[type=submit]")
    worker.wait_for_url("**/staff/contacts")
    with live_app.app.app_context():
        buddy = db.session.get(Contact, unchecked_buddy)
        checker = db.session.scalar(select(User).where(User.username == "demo-worker"))
        assert (str(buddy.screening_checked_on), str(buddy.screening_valid_until)) == (
            checked_on, valid_until)
        assert buddy.screening_checked_by_id == checker.id

    for lang in ("ar", "ti", "so"):
        editor = phone(lang, "demo-worker", f"/staff/contacts/{unchecked_buddy}/edit")
        expect(editor.locator("section:has(#screening)")).to_contain_text(tr(lang, "VOG checked"))
        editor.locator("section:has(#screening)").scroll_into_view_if_needed()
        editor.screenshot(path=str(SHOTS / f"{lang}-staff-contact-vog.png"))
        assert editor.errors == []

        youth = phone(lang, "demo-youth", "/help/work")
        card = youth.locator("li.card.contact", has_text="Buddy Selam Tesfay")
        expect(card).to_contain_text(tr(lang, "Checked by your municipality"))
        card.scroll_into_view_if_needed()
        youth.screenshot(path=str(SHOTS / f"{lang}-youth-contact-checked.png"))
        assert valid_until[:4] not in card.inner_text() and youth.errors == []


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_staff_list_marks_who_needs_a_vog_check(phone, unchecked_buddy, lang):
    staff = phone(lang, "demo-worker", "/staff/contacts")
    card = staff.locator(f"[data-contact='{unchecked_buddy}']")
    expect(card.locator("[data-screening=missing]")).to_have_text(
        tr(lang, "No VOG check recorded"))
    assert staff.locator("[data-screening]").count() == 1  # the demo's people are checked
    card.scroll_into_view_if_needed()
    staff.screenshot(path=str(SHOTS / f"{lang}-staff-contacts-vog-badge.png"))
