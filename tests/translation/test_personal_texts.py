"""Texts written by young people (questions, replies, ideas) go only to a self-hosted provider,
unless an administrator decided otherwise (TRANSLATION_PERSONAL_TEXTS); texts staff write for
publication (an idea answer) may go to either. The provider sees only the text. Export holds a
person's texts in every language; erasure leaves no translation of them anywhere."""

import json

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import IdeaAnswerText, IdeaText
from meedoen.questions.models import QuestionMessageText, QuestionText
from sqlalchemy import String, Text, func, select

from tests.contacts.helpers import make_contact

QUESTION = "ስራ ከመይ ክረክብ እኽእል?"
REPLY = "የቐንየለይ!"
IDEA_TITLE = "ናይ ኩዕሶ ውድድር"


@pytest.fixture
def with_google(app, google_server):
    """The app translates with the loopback Google Translate (a hosted provider)."""
    saved = dict(app.config)
    app.config.update(TRANSLATION_PROVIDER="google", GOOGLE_TRANSLATE_URL=google_server.url,
                      GOOGLE_TRANSLATE_API_KEY=google_server.api_key,
                      TRANSLATION_TIMEOUT_SECONDS=2)
    yield google_server
    app.config.clear()
    app.config.update(saved)


@pytest.fixture
def town(factory):
    return factory.municipality("Assen")


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town, display_name="Selam Tesfamariam",
                        username="selam-t-2009", ui_language="ti", languages=["ti"])


@pytest.fixture
def coach(factory, town):
    coach = factory.user(Role.CONTACT, town, display_name="Ans de Vries",
                         username="ans-jobcoach", ui_language="nl")
    make_contact(town, "Job coach Ans", user=coach, topics=["work"])
    return coach


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town, display_name="Rachid", ui_language="nl")


def ask(client, youth, body=QUESTION):
    client.login_as(youth)
    response = client.post("/api/v1/questions", json={"topic": "work", "body": body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def propose(client, youth):
    client.login_as(youth)
    response = client.post("/api/v1/ideas", json={
        "title": IDEA_TITLE, "description": "<p>ኩሉ ይሳተፍ</p>", "category": "sport"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def answer_idea(client, worker, idea_id, message="We plannen het."):
    client.login_as(worker)
    response = client.post(f"/api/v1/ideas/{idea_id}/answers",
                           json={"status": "planned", "message": {"nl": message}})
    assert response.status_code == 201, response.get_json()


def translated(server):
    return [r for r in server.requests if r.method == "POST"]


def sent_texts(server) -> list[str]:
    return [text for r in translated(server) for text in r.json["q"]]


def test_a_self_hosted_provider_gets_personal_texts_by_default(client, youth, coach,
                                                               translating):
    question = ask(client, youth)
    assert sent_texts(translating) == [QUESTION]
    assert db.session.scalar(select(QuestionText.body)) == f"[nl] {QUESTION}"
    assert question["translation"] == "original"


def test_a_hosted_provider_gets_no_personal_text_by_default(client, youth, coach, worker,
                                                            with_google):
    question = ask(client, youth)
    idea = propose(client, youth)
    assert translated(with_google) == []
    client.login_as(coach)
    assert client.get(f"/api/v1/questions/{question['id']}").get_json()["body"] == QUESTION
    # A staff answer written for publication does go: every young person reads it.
    answer_idea(client, worker, idea["id"])
    assert sent_texts(with_google) == ["We plannen het."]
    assert db.session.scalar(select(IdeaAnswerText.message).where(
        IdeaAnswerText.language == "ti")) == "[ti] We plannen het."
    assert db.session.scalar(select(func.count()).select_from(IdeaText)) == 1  # the idea: not
    assert db.session.scalar(select(func.count()).select_from(QuestionText)) == 0


def test_an_administrator_may_allow_a_hosted_provider(app, client, youth, coach, with_google):
    app.config["TRANSLATION_PERSONAL_TEXTS"] = True
    ask(client, youth)
    assert sent_texts(with_google) == [QUESTION]
    assert db.session.scalar(select(QuestionText.body)) == f"[nl] {QUESTION}"


def test_an_administrator_may_forbid_even_a_self_hosted_one(app, client, youth, coach, worker,
                                                            translating):
    app.config["TRANSLATION_PERSONAL_TEXTS"] = False
    idea = propose(client, youth)
    ask(client, youth)
    assert translated(translating) == []
    answer_idea(client, worker, idea["id"])
    assert sent_texts(translating) == ["We plannen het."]


def test_the_provider_receives_only_the_text(app, client, youth, coach, worker, with_google):
    app.config["TRANSLATION_PERSONAL_TEXTS"] = True
    question = ask(client, youth)
    client.login_as(coach)
    client.post(f"/api/v1/questions/{question['id']}/answers", json={"body": "Kom langs."})
    client.login_as(youth)
    client.post(f"/api/v1/questions/{question['id']}/replies", json={"body": REPLY})
    propose(client, youth)
    requests = translated(with_google)
    assert sorted(sent_texts(with_google)) == sorted(
        [QUESTION, "Kom langs.", REPLY, IDEA_TITLE, "<p>ኩሉ ይሳተፍ</p>"])
    names = [youth.display_name, youth.username, coach.display_name, coach.username,
             "Job coach Ans", worker.display_name, "selam", "Selam", "Tesfamariam"]
    for request in requests:
        assert set(request.json) <= {"q", "source", "target", "format"}
        assert request.path == "/language/translate/v2" and request.query == {}
        seen = request.body.decode() + json.dumps(request.json, ensure_ascii=False) + " ".join(
            f"{k}: {v}" for k, v in request.headers.items())
        for name in names:
            assert name not in seen, name
        assert "@" not in seen and "question" not in seen.lower()


def text_columns():
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text):
                yield table, column


def tables_holding(*needles: str) -> set[str]:
    """Every table that still holds any of these strings, in any text column."""
    found = set()
    for table, column in text_columns():
        for needle in needles:
            if db.session.scalar(select(func.count()).select_from(table)
                                 .where(column.contains(needle))):
                found.add(f"{table.name}.{column.name}")
    return found


def test_export_has_the_texts_in_every_language_and_erasure_leaves_no_translation(
        client, factory, town, youth, coach, worker, translating):
    factory.user(Role.YOUTH, town, ui_language="ar")
    question = ask(client, youth)
    client.login_as(coach)
    client.post(f"/api/v1/questions/{question['id']}/answers", json={"body": "Kom langs."})
    client.login_as(youth)
    client.post(f"/api/v1/questions/{question['id']}/replies", json={"body": REPLY})
    idea = propose(client, youth)
    answer_idea(client, worker, idea["id"])

    client.login_as(youth)
    export = client.get("/api/v1/me/export").get_json()
    [asked] = export["questions_asked"]
    assert asked["texts"] == {"ti": {"body": QUESTION, "translation": "original"},
                              "nl": {"body": f"[nl] {QUESTION}", "translation": "machine"}}
    answered, replied = asked["messages"]
    assert answered["texts"]["ti"] == {"body": "[ti] Kom langs.", "translation": "machine"}
    assert replied["language"] == "ti" and replied["texts"] == {
        "ti": {"body": REPLY, "translation": "original"},
        "nl": {"body": f"[nl] {REPLY}", "translation": "machine"}}
    [mine] = export["ideas"]
    assert mine["original_language"] == "ti"
    assert {lang: t["title"] for lang, t in mine["texts"].items()} == {
        "ti": IDEA_TITLE, "nl": f"[nl] {IDEA_TITLE}", "ar": f"[ar] {IDEA_TITLE}"}
    assert mine["texts"]["ar"]["translation"] == "machine"
    client.login_as(coach)
    [written] = client.get("/api/v1/me/export").get_json()["answers_written"]
    assert written["texts"] == {"nl": {"body": "Kom langs.", "translation": "original"},
                                "ti": {"body": "[ti] Kom langs.", "translation": "machine"}}

    her_texts = (QUESTION, REPLY, IDEA_TITLE, "ኩሉ ይሳተፍ")
    assert tables_holding(*her_texts) >= {"question_text.body", "idea_text.title"}
    client.login_as(youth)
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert tables_holding(*her_texts) == set()
    for model in (QuestionText, QuestionMessageText, IdeaText):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0
