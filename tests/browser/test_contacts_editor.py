"""Staff add and change a person who helps from the app; youth then find them by topic."""

from meedoen.contacts.models import Contact
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import select

from .helpers import tr


def test_mentor_adds_and_changes_a_contact_and_youth_find_her(phone, live_app):
    mentor = phone("nl", "demo-mentor", "/staff/activities")
    mentor.click(f"a.tile:has-text('{tr('nl', 'People who help')}')")
    mentor.click(f"a:has-text('{tr('nl', 'New contact')}')")
    mentor.wait_for_selector("select option[value=buddy]", state="attached")
    mentor.select_option("select >> nth=0", "buddy")
    mentor.fill("input[name=name]", "Amina Buurtmaatje")
    for code in ("ar", "ti"):
        mentor.click(f"fieldset.chips button.chip span[lang={code}]")
    mentor.click("fieldset.chips button.chip[data-topic=work]")
    mentor.get_by_label(tr("nl", "Was new here once too")).check()
    mentor.fill("input[type=tel] >> nth=0", "06 12345678")
    mentor.fill("textarea[lang=nl]", "Ik help je een bijbaan te vinden.")
    mentor.click("[role=tab][lang=ti]")
    mentor.fill("textarea[lang=ti]", "ናይ ጎድኒ ስራሕ ንምርካብ እሕግዘካ።")
    mentor.click("form button[type=submit]")
    mentor.wait_for_url("**/staff/contacts")
    card = mentor.locator("li.card", has_text="Amina Buurtmaatje")
    expect(card).to_be_visible()

    with live_app.app.app_context():
        amina = db.session.scalar(select(Contact).where(Contact.name == "Amina Buurtmaatje"))
        assert (amina.kind.value, amina.languages, amina.topics) == ("buddy", ["ar", "ti"],
                                                                        ["work"])
        assert amina.lived_experience and amina.phone == "+31612345678"
        assert {t.language for t in amina.texts} == {"nl", "ti"}
        amina_id = amina.id

    card.locator("a", has_text=tr("nl", "Edit")).click()
    mentor.wait_for_selector("input[name=name]")
    mentor.get_by_label(tr("nl", "Organisation")).fill("Buurthuis De Brug")
    mentor.click("form button[type=submit]")
    mentor.wait_for_url("**/staff/contacts")
    expect(mentor.locator("li.card", has_text="Amina Buurtmaatje")).to_contain_text(
        "Buurthuis De Brug")

    youth = phone("ti", "demo-youth", "/help/work")
    expect(youth.locator("li.card.contact", has_text="Amina Buurtmaatje")).to_contain_text(
        "ናይ ጎድኒ ስራሕ ንምርካብ እሕግዘካ።")

    with live_app.app.app_context():  # leave the demo as the other browser tests expect it
        db.session.delete(db.session.get(Contact, amina_id))
        db.session.commit()
