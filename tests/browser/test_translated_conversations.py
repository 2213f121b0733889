"""Machine translation in conversations, in the browser (issue 12), with the loopback
LibreTranslate answering real phrases: an Arabic question read in Dutch by the helper whose
Dutch answer the young person reads in Arabic (both sides marked, the original one tap away
and back); a Dutch message read in Tigrinya in the inbox; an Arabic idea and its Dutch staff
answer read in Tigrinya and Arabic. And the safeguarding rule of issue 13: a link in a text a
young person wrote reaches other minors as plain words, never as a link to tap."""

import re
import tempfile
import time
from pathlib import Path

import pytest
from meedoen.contacts.models import Contact
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.extensions import db
from meedoen.ideas.models import Idea
from meedoen.notifications.models import Notification
from meedoen.questions.models import Question
from playwright.sync_api import expect
from sqlalchemy import delete, select

from tests.translation.fake_providers import FakeLibreTranslate, fake_translation

from .conftest import check_axe, check_tap_targets, screenshot
from .helpers import tr, user_id

SHOTS = Path(tempfile.gettempdir()) / "shots"  # the team looks at them there
PROVIDER_SETTINGS = ("TRANSLATION_PROVIDER", "LIBRETRANSLATE_URL", "TRANSLATION_TIMEOUT_SECONDS")

QUESTION_AR = "أبحث عن عمل في المساء بعد المدرسة، مثلًا في متجر Albert Heijn. هل يمكنك مساعدتي؟"
QUESTION_NL = ("Ik zoek werk in de avond na school, bijvoorbeeld bij de Albert Heijn. "
               "Kun je me helpen?")
ANSWER_NL = "Ja! Kom donderdag om 15:00 naar mijn spreekuur en neem je cv mee."
ANSWER_AR = "نعم! تعال إلى ساعة الاستشارة يوم الخميس الساعة 15:00 وأحضر سيرتك الذاتية (CV)."

MESSAGE_TITLE_NL = "Taalcafé op woensdag"
MESSAGE_TITLE_TI = "ቋንቋ ካፌ ብረቡዕ"
MESSAGE_BODY_NL = ("Oefen je Nederlands met andere jongeren. Woensdag om 16:00 in de bibliotheek "
                   "aan de Oosterdokskade.")
MESSAGE_BODY_TI = "ምስ ካልኦት መንእሰያት ኔዘርላንድኛ ተለማመድ። ረቡዕ ሰዓት 16:00 ኣብ ቤተ-መጻሕፍቲ Oosterdokskade።"

IDEA_TITLE_AR = "دوري كرة قدم للفتيات"
IDEA_SENTENCE_AR = "نريد أن نلعب كرة القدم كل يوم سبت في القاعة الرياضية."
IDEA_LINK_AR = "مجموعتنا"
IDEA_LINK = "https://example.org/onze-groep"
IDEA_ANSWER_NL = "Goed idee! We zoeken een zaal en een trainer. In maart horen jullie meer."

# source text -> {target: translation}; the fake answers these (inside HTML too), and marks
# everything else as the loopback fake does ("[ti] …").
PHRASES = {
    QUESTION_AR: {"nl": QUESTION_NL},
    ANSWER_NL: {"ar": ANSWER_AR},
    MESSAGE_TITLE_NL: {"ti": MESSAGE_TITLE_TI},
    MESSAGE_BODY_NL: {"ti": MESSAGE_BODY_TI},
    IDEA_TITLE_AR: {"ti": "ናይ ኣዋልድ ውድድር ኩዕሶ እግሪ", "nl": "Voetbalcompetitie voor meisjes"},
    IDEA_SENTENCE_AR: {"ti": "ኩሉ ቀዳም ኣብ ስፖርት ኣዳራሽ ኩዕሶ እግሪ ክንጻወት ንደሊ ኢና።",
                       "nl": "We willen elke zaterdag voetballen in de sporthal."},
    IDEA_LINK_AR: {"ti": "ጉጅለና", "nl": "onze groep"},
    IDEA_ANSWER_NL: {"ar": "فكرة جيدة! نبحث عن قاعة ومدرب. ستسمعون المزيد في شهر مارس.",
                     "ti": "ጽቡቕ ሓሳብ! ኣዳራሽን ኣሰልጣንን ንደሊ ኣለና። ኣብ መጋቢት ዝያዳ ክትሰምዑ ኢኹም።"},
}


def phrase(text: str, target: str, html: bool) -> str:
    """The known phrases in ``text`` replaced by their translation (longest first)."""
    known = sorted(((source, by_target[target]) for source, by_target in PHRASES.items()
                    if target in by_target and source in text), key=lambda p: -len(p[0]))
    if not known:
        return fake_translation(text, target, html)
    for source, translated in known:
        text = text.replace(source, translated)
    return text


class PhrasebookLibreTranslate(FakeLibreTranslate):
    def translate_answer(self, data):
        status, body = super().translate_answer(data)
        if status == 200 and isinstance(data.get("q"), list):
            html = data.get("format") == "html"
            body["translatedText"] = [phrase(text, data["target"], html) for text in data["q"]]
        return status, body


@pytest.fixture
def translator(live_app):
    """The live app translates with a loopback LibreTranslate (self-hosted: personal texts may
    go to it) for every shipped language."""
    config = live_app.app.config
    saved = {name: config.get(name) for name in PROVIDER_SETTINGS}
    with PhrasebookLibreTranslate(languages=set(SHIPPED_LANGUAGES)) as server:
        config.update(TRANSLATION_PROVIDER="libretranslate", LIBRETRANSLATE_URL=server.url,
                      TRANSLATION_TIMEOUT_SECONDS=2)
        yield server
        config.update(saved)


def reload_until(page, locator, text, timeout: float = 30.0) -> None:
    """The translation runs in the background right after the post: reload until it is there."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            expect(locator).to_have_text(text, timeout=1500)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            page.reload()
            page.wait_for_selector("h1")


def shot(page, name: str) -> None:
    screenshot(page, name)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def tap_to_the_original_and_back(page, scope, lang, translated, original, original_lang,
                                 note=None):
    """The note says "Machine translated"; one tap shows the original in its own language and
    direction, another tap the translation again."""
    note = note or scope.locator(".translation-note")
    shown = scope.locator("[dir][lang]").filter(has_text=translated).first
    expect(note).to_have_attribute("data-translation", "machine")
    expect(note).to_contain_text(tr(lang, "Machine translated"))
    expect(note.locator("button")).to_have_text(tr(lang, "Show the original"))
    note.locator("[data-action=toggle-original]").click()
    text = scope.locator(f"[lang={original_lang}]").filter(has_text=original).first
    expect(text).to_be_visible()
    expect(text).to_have_attribute("dir", "rtl" if original_lang == "ar" else "ltr")
    expect(note.locator("button")).to_have_text(tr(lang, "Show the translation"))
    expect(note).to_have_attribute("data-translation", "original")
    note.locator("[data-action=toggle-original]").click()
    expect(shown).to_be_visible()
    expect(note.locator("button")).to_have_text(tr(lang, "Show the original"))


@pytest.mark.parametrize(("helper", "contact_name", "topic"), [
    ("demo-mentor", "Mentor Sanne", "housing"),
    ("demo-contact", "Coach Mehmet", "work"),
])
def test_an_arabic_question_is_read_in_dutch_and_the_dutch_answer_in_arabic(
        phone, live_app, translator, helper, contact_name, topic):
    with live_app.app.app_context():
        contact_id = db.session.scalar(select(Contact.id).where(
            Contact.user_id == user_id(live_app.app, helper),
            Contact.name.like(f"{contact_name}%")))
    mentor = phone("nl", helper, "/help")  # their app language is Dutch from here on
    youth = phone("ar", "demo-youth-ar", f"/help/ask?contact={contact_id}&topic={topic}")
    youth.locator("form textarea").fill(QUESTION_AR)
    youth.click("form button[type=submit]")
    youth.wait_for_url(re.compile(r"/help/questions/\d+$"))
    path = youth.url.split(live_app.url)[1]
    question_id = int(path.rsplit("/", 1)[1])
    try:
        asked = youth.locator(".card").first
        expect(asked.locator("p[lang=ar][dir=rtl]")).to_have_text(QUESTION_AR)
        assert asked.locator(".translation-note").count() == 0  # her own words, as she wrote them

        mentor.goto(path)
        question = mentor.locator(".card").first
        reload_until(mentor, question.locator("p[lang=nl]"), QUESTION_NL)
        expect(question.locator("p[lang=nl]")).to_have_attribute("dir", "ltr")
        # The helper is not the one waiting for an answer.
        assert mentor.locator("p.note", has_text=tr("nl", "Waiting for an answer. You get a "
                                                   "message when someone answers.")).count() == 0
        shot(mentor, f"mt-question-nl-{helper}")
        check_axe(mentor, "machine translated question (nl)")
        tap_to_the_original_and_back(mentor, question, "nl", QUESTION_NL, QUESTION_AR, "ar")

        mentor.locator("form textarea").fill(ANSWER_NL)
        mentor.click("form button[type=submit]")
        answer = mentor.locator(".card").nth(1)
        expect(answer.locator("p[lang=nl]")).to_have_text(ANSWER_NL)
        assert answer.locator(".translation-note").count() == 0

        youth.reload()
        answer = youth.locator(".card").nth(1)
        reload_until(youth, answer.locator("p[lang=ar]"), ANSWER_AR)
        expect(answer.locator("p[lang=ar]")).to_have_attribute("dir", "rtl")
        shot(youth, f"mt-question-ar-{helper}")
        check_axe(youth, "machine translated answer (ar)")
        check_tap_targets(youth, "machine translated answer (ar)")
        tap_to_the_original_and_back(youth, answer, "ar", ANSWER_AR, ANSWER_NL, "nl")
        youth.locator("[data-action=toggle-original]").click()
        shot(youth, f"mt-question-ar-original-{helper}")

        youth.goto("/help/questions")  # the list card carries the mark of the question's text
        expect(youth.locator(f"a.card[href='{path}']")).to_be_visible()
    finally:
        with live_app.app.app_context():
            db.session.execute(delete(Question).where(Question.id == question_id))
            db.session.commit()


def test_a_dutch_message_reads_in_tigrinya_in_the_inbox(phone, live_app, translator):
    youth = phone("ti", "demo-youth", "/inbox")
    worker = phone("nl", "demo-worker", "/notify")
    sent = post_json(worker, "/api/v1/notifications", {"audience": {"languages": ["ti"]}, "texts": [
        {"lang": "nl", "title": MESSAGE_TITLE_NL, "body": MESSAGE_BODY_NL}]})
    assert sent["status"] == 202, sent
    try:
        card = youth.locator("a.card").filter(has_text=MESSAGE_TITLE_TI)
        reload_until(youth, card.locator("h2 [lang=ti]"), MESSAGE_TITLE_TI)
        expect(card.locator(".machine-mark")).to_have_text(tr("ti", "Machine translated"))
        card.click()
        expect(youth.locator("h1")).to_have_text(MESSAGE_TITLE_TI)
        expect(youth.locator("p.description[lang=ti]")).to_have_text(MESSAGE_BODY_TI)
        shot(youth, "mt-inbox-ti")
        check_axe(youth, "machine translated message (ti)")
        check_tap_targets(youth, "machine translated message (ti)")
        page = youth.locator("main")
        tap_to_the_original_and_back(youth, page, "ti", MESSAGE_BODY_TI, MESSAGE_BODY_NL, "nl")
        youth.locator("[data-action=toggle-original]").click()
        expect(youth.locator("h1")).to_have_text(MESSAGE_TITLE_NL)
        expect(youth.locator("h1")).to_have_attribute("lang", "nl")
        shot(youth, "mt-inbox-ti-original")
    finally:
        with live_app.app.app_context():  # leave the demo inbox as the other tests expect it
            for notification in db.session.scalars(select(Notification)):
                if any(text.title == MESSAGE_TITLE_NL for text in notification.texts):
                    db.session.delete(notification)
            db.session.commit()


def post_json(page, path: str, body: dict) -> dict:
    """POST as the logged-in user of this page: {"status", "json"}."""
    return page.evaluate("""async ([path, body]) => { const r = await fetch(path, {method: 'POST',
        headers: {'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
        body: JSON.stringify(body)}); return {status: r.status, json: await r.json()}; }""",
                         [path, body])


def post_idea(page) -> int:
    """An idea the young person wrote with a link in it (the form lets her type the HTML)."""
    description = f'{IDEA_SENTENCE_AR} <a href="{IDEA_LINK}">{IDEA_LINK_AR}</a>'
    posted = post_json(page, "/api/v1/ideas", {"title": IDEA_TITLE_AR, "description": description,
                                                "category": "sport", "language": "ar"})
    assert posted["status"] == 201, posted
    return posted["json"]["id"]


def test_an_arabic_idea_and_its_dutch_answer_read_in_tigrinya_and_arabic_without_links(
        phone, live_app, translator):
    author = phone("ar", "demo-youth-ar", "/ideas")
    idea_id = post_idea(author)
    try:
        worker = phone("nl", "demo-worker", f"/ideas/{idea_id}")
        answered = post_json(worker, f"/api/v1/ideas/{idea_id}/answers", {
            "status": "being_looked_at", "language": "nl", "message": {"nl": IDEA_ANSWER_NL}})
        assert answered["status"] in (200, 201)

        youth = phone("ti", "demo-youth", f"/ideas/{idea_id}")
        idea_ti = PHRASES[IDEA_TITLE_AR]["ti"]
        reload_until(youth, youth.locator("h1"), idea_ti)
        answer = youth.locator("[data-answer]").first
        reload_until(youth, answer.locator("[lang=ti]"), PHRASES[IDEA_ANSWER_NL]["ti"])
        description = youth.locator(".description").first
        expect(description).to_contain_text(PHRASES[IDEA_SENTENCE_AR]["ti"])
        # The link the author wrote reaches another minor as words, not as a link to tap.
        # The link was dropped when the idea was saved: its words stay, as plain text.
        expect(description).to_contain_text(PHRASES[IDEA_LINK_AR]["ti"])
        assert description.locator("a").count() == 0
        shot(youth, "mt-idea-ti")
        check_axe(youth, "machine translated idea (ti)")
        idea_note = youth.locator(".translation-note").first  # the answers' notes come after
        tap_to_the_original_and_back(youth, youth.locator("main"), "ti",
                                     PHRASES[IDEA_SENTENCE_AR]["ti"], IDEA_SENTENCE_AR, "ar",
                                     note=idea_note)
        idea_note.locator("[data-action=toggle-original]").click()
        expect(description).to_contain_text(IDEA_LINK_AR)  # the original too
        assert description.locator("a").count() == 0
        idea_note.locator("[data-action=toggle-original]").click()
        answer.locator(".translation-note").scroll_into_view_if_needed()
        shot(youth, "mt-idea-ti-answer")
        tap_to_the_original_and_back(youth, answer, "ti", PHRASES[IDEA_ANSWER_NL]["ti"],
                                     IDEA_ANSWER_NL, "nl")

        author.goto(f"/ideas/{idea_id}")  # her own idea as she wrote it; the answer in Arabic
        answer = author.locator("[data-answer]").first
        reload_until(author, answer.locator("[lang=ar]"), PHRASES[IDEA_ANSWER_NL]["ar"])
        expect(author.locator("h1")).to_have_text(IDEA_TITLE_AR)
        assert author.locator(".translation-note").count() == 1  # the answer's only
        expect(author.locator(".description").first).to_contain_text(IDEA_LINK_AR)
        assert author.locator(".description").first.locator("a").count() == 0
        answer.locator(".translation-note").scroll_into_view_if_needed()
        shot(author, "mt-idea-ar-answer")
        tap_to_the_original_and_back(author, answer, "ar", PHRASES[IDEA_ANSWER_NL]["ar"],
                                     IDEA_ANSWER_NL, "nl")
    finally:
        with live_app.app.app_context():
            db.session.execute(delete(Idea).where(Idea.id == idea_id))
            db.session.commit()


def test_translate_the_missing_languages_asks_only_the_languages_of_the_youth_here(
        phone, live_app, translator):
    mentor = phone("nl", "demo-mentor", "/staff/activities/new")
    coverage_requests = []
    mentor.on("request", lambda request: coverage_requests.append(request.url)
              if "/api/v1/translation/coverage" in request.url else None)
    languages = set(mentor.evaluate("""async () => (await (await fetch(
        '/api/v1/translation/coverage')).json()).languages"""))
    coverage_requests.clear()
    outside = sorted(set(SHIPPED_LANGUAGES) - languages - {"nl"})
    assert {"ar", "ti"} <= languages and outside  # Amsterdam's youth read Arabic and Tigrinya
    mentor.wait_for_selector("input[lang=nl]")
    mentor.fill("input[lang=nl]", "Samen koken")
    mentor.locator("[role=tab][lang=so]").click()
    mentor.fill("input[lang=so]", "x")
    mentor.fill("input[lang=so]", "")  # a tab she opened and emptied again counts too
    mentor.click("[data-action=translate-missing]")
    expected = (languages | {"so"}) - {"nl"}
    for code in expected:
        expect(mentor.locator(f"[role=tab][lang={code}]")).to_have_attribute(
            "data-mark", re.compile("machine|edited"))
    for code in set(outside) - {"so"}:
        assert mentor.locator(f"[role=tab][lang={code}]").get_attribute("data-mark") is None
    asked = {request.json["target"] for request in translator.requests
             if request.path == "/translate" and "Samen koken" in request.json["q"]}
    assert asked == expected
    mentor.click("[data-action=translate-missing]")  # again: the languages are not asked again
    expect(mentor.locator(".machine-translate [role=status]")).to_have_text(
        tr("nl", "Every language of the young people here has a text already."))
    assert len(coverage_requests) == 1
    shot(mentor, "mt-editor-youth-languages-nl")
