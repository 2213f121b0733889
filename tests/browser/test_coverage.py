"""Staff see who has fewer than three people or nobody who speaks their language, and add
one of the contacts here to a young person's people from that screen."""

from meedoen.contacts.models import Assignment, Contact
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import select

from .helpers import tr, user_id


def test_mentor_sees_who_needs_people_and_adds_one_in_arabic(phone, live_app):
    amal = user_id(live_app.app, "demo-youth-ar")
    mentor = phone("ar", "demo-mentor", "/staff/activities")
    mentor.click(f"a.tile:has-text('{tr('ar', 'People per young person')}')")
    mentor.wait_for_selector("dl.stats dd[data-stat=total]")
    assert mentor.evaluate("document.documentElement.dir") == "rtl"
    card = mentor.locator(f"li.card[data-youth='{amal}']")
    expect(card).to_contain_text("Amal")
    expect(card.locator(".badge")).to_contain_text(tr("ar", "Fewer than three people"))

    picker = card.locator("select")
    contact_id = int(picker.locator("option").nth(1).get_attribute("value"))  # speaks Arabic
    picker.select_option(str(contact_id))
    card.locator("button[type=submit]").click()
    expect(mentor.locator(f"li.card[data-youth='{amal}']")).to_have_count(0)

    with live_app.app.app_context():
        added = db.session.scalar(select(Assignment).where(Assignment.youth_id == amal,
                                                           Assignment.contact_id == contact_id))
        assert added is not None
        assert "ar" in db.session.get(Contact, contact_id).languages
        db.session.delete(added)  # leave the demo data as the other browser tests expect it
        db.session.commit()
