"""Questions cross the language barrier both ways: a question in Tigrinya reaches each contact in
their own app language, marked as machine translated with the original one tap away; a Dutch
answer reaches the young person in Tigrinya; the young person's replies reach the contacts in
theirs. People who speak the young person's language are asked first."""

import pytest
from meedoen.auth.models import Role
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.questions.models import QuestionMessage, QuestionMessageText, QuestionText
from sqlalchemy import func, select

from tests.contacts.helpers import make_contact

QUESTION = "ስራ ከመይ ክረክብ እኽእል?"  # "How can I find work?"
ANSWER = "Kom langs bij het jongerenloket."
REPLY = "የቐንየለይ! ኣበይ እዩ?"


@pytest.fixture
def town(factory):
    return factory.municipality("Zwolle")


@pytest.fixture
def people(factory, town):
    """A Tigrinya-speaking young person; three contacts for work: Dutch, Arabic, and one who
    speaks Tigrinya (created last, so nothing but the language puts them first)."""
    youth = factory.user(Role.YOUTH, town, display_name="Selam", username="selam-2009",
                         ui_language="ti", languages=["ti"])
    ans = factory.user(Role.CONTACT, town, display_name="Ans de Vries", ui_language="nl")
    rachid = factory.user(Role.YOUTH_WORKER, town, display_name="Rachid", ui_language="ar")
    tesfay = factory.user(Role.CONTACT, town, display_name="Tesfay", ui_language="nl")
    make_contact(town, "Job coach Ans", user=ans, topics=["work"], languages=["nl"])
    make_contact(town, "Rachid", user=rachid, topics=["work"], languages=["nl", "ar"])
    make_contact(town, "Tesfay", user=tesfay, topics=["work"], languages=["nl", "ti"])
    return {"youth": youth, "ans": ans, "rachid": rachid, "tesfay": tesfay}


def ask(client, people, **body):
    client.login_as(people["youth"])
    response = client.post("/api/v1/questions", json={"topic": "work", "body": QUESTION, **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def read(client, user, question_id):
    client.login_as(user)
    response = client.get(f"/api/v1/questions/{question_id}")
    assert response.status_code == 200
    return response.get_json()


def post(client, user, question_id, action, body, **extra):
    client.login_as(user)
    response = client.post(f"/api/v1/questions/{question_id}/{action}",
                           json={"body": body, **extra})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_each_contact_reads_the_question_in_their_own_language(client, people, translating):
    question = ask(client, people)
    assert (question["body"], question["translation"]) == (QUESTION, "original")
    for name, language in (("ans", "nl"), ("rachid", "ar"), ("tesfay", "nl")):
        seen = read(client, people[name], question["id"])
        assert seen["body"] == f"[{language}] {QUESTION}", name
        assert (seen["language"], seen["original_language"]) == (language, "ti")
        assert seen["translation"] == "machine" and seen["fallback"] is False
        assert seen["original"] == {"language": "ti", "body": QUESTION}
    # Only the languages the recipients read: Dutch and Arabic, not all eleven.
    assert {r.json["target"] for r in translating.requests if r.path == "/translate"} == {
        "nl", "ar"}
    # The asker sees what she wrote, and the list carries only the mark.
    mine = read(client, people["youth"], question["id"])
    assert (mine["body"], mine["translation"], mine["language"]) == (QUESTION, "original", "ti")
    assert "original" not in mine
    client.login_as(people["ans"])
    [listed] = client.get("/api/v1/questions").get_json()["items"]
    assert listed["body"] == f"[nl] {QUESTION}" and listed["translation"] == "machine"
    assert "original" not in listed and "messages" not in listed


def test_the_answer_reaches_the_young_person_in_her_language_and_the_replies_come_back(
        client, people, translating):
    question = ask(client, people)
    answer = post(client, people["ans"], question["id"], "answers", ANSWER)
    assert (answer["body"], answer["language"], answer["translation"]) == (ANSWER, "nl",
                                                                          "original")
    assert db.session.scalar(select(QuestionMessage.language)) == "nl"
    [seen] = read(client, people["youth"], question["id"])["messages"]
    assert seen["body"] == f"[ti] {ANSWER}" and seen["translation"] == "machine"
    assert seen["original"] == {"language": "nl", "body": ANSWER}
    assert seen["author"] == {"name": "Job coach Ans", "is_me": False, "is_asker": False}
    # An answer is for the asker: translated into her language only.
    assert db.session.scalars(select(QuestionMessageText.language)).all() == ["ti"]

    post(client, people["youth"], question["id"], "replies", REPLY)
    for name, language in (("ans", "nl"), ("rachid", "ar")):
        messages = read(client, people[name], question["id"])["messages"]
        assert messages[1]["body"] == f"[{language}] {REPLY}", name
        assert messages[1]["original"] == {"language": "ti", "body": REPLY}
        assert messages[1]["author"]["is_asker"] is True
    # Ans sees her own answer as she wrote it.
    own = read(client, people["ans"], question["id"])["messages"][0]
    assert (own["body"], own["translation"]) == (ANSWER, "original") and "original" not in own


def test_a_message_says_the_language_it_is_written_in(client, people, translating):
    question = ask(client, people)
    answer = post(client, people["rachid"], question["id"], "answers", "تعال إلى المكتب",
                  language="ar")
    assert answer["language"] == "ar"
    [seen] = read(client, people["youth"], question["id"])["messages"]
    assert seen["body"] == "[ti] تعال إلى المكتب" and seen["original"]["language"] == "ar"


def test_people_who_speak_the_young_persons_language_come_first(client, people, translating):
    question = ask(client, people)
    assert [r["name"] for r in question["sent_to"]] == ["Tesfay", "Job coach Ans", "Rachid"]
    asked = db.session.scalars(select(Event.user_id).where(Event.kind == "question.asked")
                               .order_by(Event.id)).all()
    assert asked == [people["tesfay"].id, people["ans"].id, people["rachid"].id]
    client.login_as(people["rachid"])
    [listed] = client.get("/api/v1/questions").get_json()["items"]
    assert listed["sent_to"][0]["name"] == "Tesfay"


def test_then_those_who_speak_another_of_her_languages(client, people):
    people["youth"].languages = ["ar"]
    db.session.commit()
    question = ask(client, people, body="Hoe vind ik werk?", language="nl")
    # Everyone speaks Dutch, the language of the question: then Arabic, another of hers.
    assert [r["name"] for r in question["sent_to"]] == ["Rachid", "Job coach Ans", "Tesfay"]
    asked = db.session.scalars(select(Event.user_id).where(Event.kind == "question.asked")
                               .order_by(Event.id)).all()
    assert asked[0] == people["rachid"].id


def test_without_a_provider_everything_is_shown_as_written(client, people):
    question = ask(client, people)
    seen = read(client, people["ans"], question["id"])
    assert (seen["body"], seen["translation"], seen["fallback"]) == (QUESTION, "original", True)
    post(client, people["ans"], question["id"], "answers", ANSWER)
    [message] = read(client, people["youth"], question["id"])["messages"]
    assert (message["body"], message["translation"]) == (ANSWER, "original")
    assert db.session.scalar(select(func.count()).select_from(QuestionText)) == 0


def test_a_provider_that_fails_leaves_the_original_and_never_blocks_asking(client, people,
                                                                          translating):
    translating.fail_next("503", count=30)
    question = ask(client, people)
    seen = read(client, people["ans"], question["id"])
    assert (seen["body"], seen["translation"]) == (QUESTION, "original")


def test_messages_from_before_translation_are_shown_as_they_are(client, people, translating):
    question = ask(client, people)
    post(client, people["ans"], question["id"], "answers", ANSWER)
    message = db.session.scalar(select(QuestionMessage))
    message.language = None
    db.session.execute(QuestionMessageText.__table__.delete())
    db.session.commit()
    [seen] = read(client, people["youth"], question["id"])["messages"]
    assert (seen["body"], seen["translation"]) == (ANSWER, "original")
