"""Machine translation in the PWA (issue 12): the editor's "Translate the missing languages"
fills only the empty tabs and marks them, and a young person sees the note and reads the
original with one tap, both ways, with its own language and direction."""

import re

import pytest
from meedoen.activities.models import Activity, ActivityText
from meedoen.auth.models import UserLanguage
from meedoen.contacts.models import Contact
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import delete, select

from tests.translation.fake_providers import FakeLibreTranslate

from .conftest import check_axe, check_tap_targets, screenshot
from .helpers import tomorrow, tr, user_id

TITLE = "Samen koken in het buurthuis"
DESCRIPTION = "We koken elke week samen. Iedereen is welkom, ook als je nog nooit hebt gekookt."
# Real words for this test's texts, so the screenshots show real Tigrinya and Arabic script.
PHRASES = {
    (TITLE, "ti"): "ብሓባር ምብሳል ኣብ ማእከል ሰፈር",
    (TITLE, "ar"): "نطبخ معًا في مركز الحي",
    (DESCRIPTION, "ti"): "ኩሉ ሰሙን ብሓባር ንበስል። ዋላ ቅድሚ ሕጂ በሲልካ እንተዘይፈልጥካ፡ ኩሉ ሰብ እንቋዕ ብደሓን መጻእካ።",
    (DESCRIPTION, "ar"): "نطبخ معًا كل أسبوع. الجميع مرحّب بهم، حتى لو لم تطبخ من قبل.",
}
PROVIDER_SETTINGS = ("TRANSLATION_PROVIDER", "LIBRETRANSLATE_URL", "TRANSLATION_TIMEOUT_SECONDS")


class PhrasebookLibreTranslate(FakeLibreTranslate):
    """The loopback LibreTranslate, answering PHRASES where it knows them."""

    def translate_answer(self, data):
        status, body = super().translate_answer(data)
        if status == 200 and isinstance(data.get("q"), list):
            body["translatedText"] = [PHRASES.get((text, data["target"]), made) for text, made
                                      in zip(data["q"], body["translatedText"], strict=True)]
        return status, body


@pytest.fixture
def translator(live_app):
    """The live app translates with a loopback LibreTranslate that lacks Pashto."""
    config = live_app.app.config
    saved = {name: config.get(name) for name in PROVIDER_SETTINGS}
    with PhrasebookLibreTranslate(languages=set(SHIPPED_LANGUAGES) - {"ps"}) as server:
        config.update(TRANSLATION_PROVIDER="libretranslate", LIBRETRANSLATE_URL=server.url,
                      TRANSLATION_TIMEOUT_SECONDS=2)
        yield server
        config.update(saved)


@pytest.fixture
def youth_here_also_read(live_app):
    """"Translate the missing languages" asks only the languages of the municipality's youth:
    for these tests Amal (Amsterdam) also reads Pashto (which the fake lacks) and French."""
    uid = user_id(live_app.app, "demo-youth-ar")
    with live_app.app.app_context():
        have = set(db.session.scalars(select(UserLanguage.code).where(UserLanguage.user_id == uid)))
        added = {"ps", "fr"} - have
        db.session.add_all(UserLanguage(user_id=uid, code=code) for code in added)
        db.session.commit()
    yield
    with live_app.app.app_context():
        db.session.execute(delete(UserLanguage).where(UserLanguage.user_id == uid,
                                                      UserLanguage.code.in_(added)))
        db.session.commit()


def tab(page, code):
    return page.locator(f"[role=tab][lang={code}]")


def fill_missing_languages(mentor):
    mentor.wait_for_selector("input[lang=nl]")
    mentor.fill("input[lang=nl]", TITLE)
    mentor.fill("textarea[lang=nl]", DESCRIPTION)
    tab(mentor, "en").click()
    mentor.fill("input[lang=en]", "Cooking together")  # typed: the button leaves it alone
    mentor.click("[data-action=translate-missing]")
    expect(mentor.locator("[data-missing]")).to_have_text(
        tr("nl", "No machine translation for: {languages}", languages="پښتو"))
    for code in ("ti", "ar", "fr"):
        expect(tab(mentor, code)).to_have_attribute("data-mark", "machine")
    expect(tab(mentor, "nl")).to_have_attribute("data-mark", "original")
    expect(tab(mentor, "en")).to_have_attribute("data-mark", "edited")
    assert tab(mentor, "ps").get_attribute("data-mark") is None
    expect(mentor.locator("input[lang=en]")).to_have_value("Cooking together")
    tab(mentor, "ti").click()
    expect(mentor.locator("input[lang=ti]")).to_have_value(PHRASES[TITLE, "ti"])
    expect(mentor.locator("[role=tabpanel] [data-mark=machine]")).to_be_visible()
    screenshot(mentor, "mt-editor-nl")
    tab(mentor, "fr").click()
    mentor.fill("input[lang=fr]", "Cuisiner ensemble au centre de quartier")  # a correction
    expect(tab(mentor, "fr")).to_have_attribute("data-mark", "edited")


def read_the_original(youth, lang, translated_title):
    title, note = youth.locator("h1"), youth.locator(".translation-note")
    expect(title).to_have_text(translated_title)
    expect(note).to_have_attribute("data-translation", "machine")
    expect(note).to_contain_text(tr(lang, "Machine translated"))
    youth.click("[data-action=toggle-original]")
    expect(title).to_have_text(TITLE)
    expect(title).to_have_attribute("lang", "nl")
    description = youth.locator(".description").first
    expect(description).to_have_attribute("lang", "nl")
    expect(description).to_have_attribute("dir", "ltr")
    expect(note.locator("button")).to_have_text(tr(lang, "Show the translation"))
    screenshot(youth, f"mt-activity-{lang}-original")
    youth.click("[data-action=toggle-original]")
    expect(title).to_have_text(translated_title)
    expect(note.locator("button")).to_have_text(tr(lang, "Show the original"))


def test_mentor_fills_the_missing_languages_and_youth_read_the_original(phone, live_app,
                                                                      translator,
                                                                      youth_here_also_read):
    mentor = phone("nl", "demo-mentor", "/staff/activities/new")
    fill_missing_languages(mentor)
    mentor.fill("input[type=date]", tomorrow())
    mentor.fill("input[name=venue_name]", "Buurthuis De Brug")
    mentor.click("form button[type=submit]")
    mentor.wait_for_url(re.compile(r"/activities/\d+$"))
    path = mentor.url.split(live_app.url)[1]
    activity_id = int(path.rsplit("/", 1)[1])
    with live_app.app.app_context():
        origins = dict(db.session.execute(select(ActivityText.language, ActivityText.origin)
                                          .where(ActivityText.activity_id == activity_id)).all())
    assert (origins["ti"], origins["ar"], origins["en"], origins["fr"]) == (
        "machine", "machine", "human", "human")

    try:
        mentor.goto(f"/staff/activities/{activity_id}/edit")  # the tabs as the API stored them
        expect(tab(mentor, "ti")).to_have_attribute("data-mark", "machine")
        expect(tab(mentor, "fr")).to_have_attribute("data-mark", "human")
        expect(tab(mentor, "nl")).to_have_attribute("data-mark", "original")

        youth = phone("ti", "demo-youth", path)
        expect(youth.locator(".description").first).to_have_text(PHRASES[DESCRIPTION, "ti"])
        screenshot(youth, "mt-activity-ti")
        check_axe(youth, "machine translated activity (ti)")
        check_tap_targets(youth, "machine translated activity (ti)")
        read_the_original(youth, "ti", PHRASES[TITLE, "ti"])

        youth_ar = phone("ar", "demo-youth-ar", path)
        screenshot(youth_ar, "mt-activity-ar")
        read_the_original(youth_ar, "ar", PHRASES[TITLE, "ar"])

        youth.goto("/activities")
        youth.get_by_role("searchbox").fill("buurthuis")
        youth.keyboard.press("Enter")
        card = youth.locator("a.card", has_text=PHRASES[TITLE, "ti"])
        expect(card.locator(".machine-mark")).to_have_text(tr("ti", "Machine translated"))
        screenshot(youth, "mt-list-ti")
    finally:
        with live_app.app.app_context():  # leave the demo as the other browser tests expect it
            db.session.delete(db.session.get(Activity, activity_id))
            db.session.commit()


def test_without_a_provider_the_editor_says_so(phone, live_app):
    mentor = phone("nl", "demo-mentor", "/staff/activities/new")
    mentor.wait_for_selector("input[lang=nl]")
    mentor.click("[data-action=translate-missing]")
    expect(mentor.locator(".machine-translate [role=status]")).to_have_text(
        tr("nl", "First write the text in the original language."))
    mentor.fill("input[lang=nl]", TITLE)
    mentor.click("[data-action=translate-missing]")
    expect(mentor.locator("[data-missing=all]")).to_have_text(
        tr("nl", "Machine translation is not switched on."))
    assert mentor.locator("[role=tab][data-mark=machine]").count() == 0


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_coverage_lists_what_youth_cannot_read_yet(phone, lang):
    mentor = phone(lang, "demo-mentor", "/staff/activities")
    mentor.click("a.tile[href='/staff/translations']")
    expect(mentor.locator("h1")).to_have_text(tr(lang, "Translations"))
    expect(mentor.locator("[data-languages]").first).to_be_visible()
    first = mentor.locator("a.card[data-item]").first
    expect(first).to_have_attribute("href", re.compile(r"^/staff/(activities|contacts)/\d+/edit$"))
    screenshot(mentor, f"mt-coverage-{lang}")
    check_axe(mentor, f"translation coverage ({lang})")
    check_tap_targets(mentor, f"translation coverage ({lang})")


@pytest.mark.parametrize(("user", "path"), [("demo-worker", "/notify/new"),
                                            ("demo-mentor", "/staff/contacts/new")])
def test_the_message_and_contact_editors_fill_the_empty_tabs_too(phone, translator, user, path,
                                                                youth_here_also_read):
    page = phone("nl", user, path)
    page.wait_for_selector("textarea[lang=nl]")
    page.fill("textarea[lang=nl]", DESCRIPTION)
    page.click("[data-action=translate-missing]")
    expect(tab(page, "ar")).to_have_attribute("data-mark", "machine")
    expect(page.locator("[data-missing]")).to_have_attribute("data-missing", "ps")
    tab(page, "ar").click()
    expect(page.locator("textarea[lang=ar]")).to_have_value(PHRASES[DESCRIPTION, "ar"])
    page.fill("textarea[lang=ar]", PHRASES[DESCRIPTION, "ar"] + " أهلًا!")
    expect(tab(page, "ar")).to_have_attribute("data-mark", "edited")


def test_a_contacts_help_reads_in_tigrinya_with_the_dutch_one_tap_away(phone, live_app,
                                                                       translator):
    mentor = phone("nl", "demo-mentor", "/staff/contacts/new")
    mentor.wait_for_selector("select option[value=buddy]", state="attached")
    mentor.select_option("select >> nth=0", "buddy")
    mentor.fill("input[name=name]", "Meron Taalmaatje")
    mentor.click("fieldset.chips button.chip[data-topic=work]")
    mentor.fill("textarea[lang=nl]", DESCRIPTION)
    mentor.click("[data-action=translate-missing]")
    expect(tab(mentor, "ti")).to_have_attribute("data-mark", "machine")
    mentor.click("form button[type=submit]")
    mentor.wait_for_url("**/staff/contacts")
    try:
        youth = phone("ti", "demo-youth", "/help/work")
        card = youth.locator("li.card.contact", has_text="Meron Taalmaatje")
        expect(card.locator("p[lang=ti]")).to_have_text(PHRASES[DESCRIPTION, "ti"])
        expect(card.locator(".translation-note")).to_contain_text(tr("ti", "Machine translated"))
        card.scroll_into_view_if_needed()
        screenshot(youth, "mt-contact-ti")
        card.locator("[data-action=toggle-original]").click()
        expect(card.locator("p[lang=nl][dir=ltr]")).to_have_text(DESCRIPTION)
        screenshot(youth, "mt-contact-ti-original")
    finally:
        with live_app.app.app_context():
            db.session.execute(delete(Contact).where(Contact.name == "Meron Taalmaatje"))
            db.session.commit()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_admins_see_the_characters_sent_this_month(phone, translator, lang):
    admin = phone(lang, "demo-admin", "/staff/translations")
    usage = admin.locator("[data-usage]")
    expect(usage).to_be_visible()
    before = int(usage.get_attribute("data-usage"))
    mentor = phone("nl", "demo-mentor", "/staff/activities")
    mentor.evaluate("""(title) => fetch("/api/v1/translation/preview", {method: "POST",
        headers: {"Content-Type": "application/json", "X-Requested-With": "fetch"},
        body: JSON.stringify({kind: "activity", source: "nl", targets: ["ar", "ti"],
                              texts: {title}})})""", f"Samen koken ({lang})")
    sent = 2 * len(f"Samen koken ({lang})")
    admin.reload()
    expect(usage).to_have_attribute("data-usage", str(before + sent))
    expect(admin.locator("h2#usage")).to_have_text(tr(lang, "Machine translation"))
    screenshot(admin, f"mt-usage-{lang}")
