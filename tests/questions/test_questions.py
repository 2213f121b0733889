"""Asking, answering, who may read a question, notifications and retention."""

from datetime import timedelta

import pytest
from flask_babel import force_locale
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionMessage, QuestionRecipient
from sqlalchemy import func, select

from tests.contacts.helpers import login, make_contact
from tests.foundation.test_erasure import references


@pytest.fixture
def town(factory):
    return factory.municipality("Groningen")


@pytest.fixture
def people(factory, town):
    """A young person, two contacts for work here (with accounts), and bystanders."""
    away = factory.municipality()
    p = {f"other_{role.value}": factory.user(role, town) for role in Role if role != Role.ADMIN}
    p["youth"] = factory.user(Role.YOUTH, town, display_name="Hodan", languages=["so"])
    p["coach"], p["worker"] = factory.user(Role.CONTACT, town), factory.user(Role.YOUTH_WORKER,
                                                                              town)
    p["bystander"] = factory.user(Role.CONTACT, town)
    p["admin"] = factory.user(Role.ADMIN)
    p["far"] = factory.user(Role.CONTACT, away)
    p["coach_entry"] = make_contact(town, "Job coach Ans", user=p["coach"], topics=["work"])
    p["worker_entry"] = make_contact(town, "Rachid", user=p["worker"], topics=["work", "money"])
    make_contact(town, "Bystander", user=p["bystander"], topics=["health"])
    make_contact(town, "Club without account", topics=["work"])
    p["far_entry"] = make_contact(away, "Far away", user=p["far"], topics=["work"])
    make_contact(None, "National line", user=factory.user(Role.CONTACT), topics=["work"])
    return p


def ask(client, people, **body):
    login(client, people["youth"])
    response = client.post("/api/v1/questions", json={
        "topic": "work", "body": "Hoe vind ik een bijbaan naast school?", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_asking_whoever_helps_reaches_the_topic_contacts_here(client, people):
    question = ask(client, people, language="so")
    assert sorted(r["name"] for r in question["sent_to"]) == ["Job coach Ans", "Rachid"]
    assert question["to_everyone_for_topic"] and question["status"] == "waiting"
    assert question["language"] == "so"
    events = db.session.scalars(select(Event).where(Event.kind == "question.asked")).all()
    assert sorted(e.user_id for e in events) == sorted([people["coach"].id, people["worker"].id])
    assert all(e.data == {"question_id": question["id"]} for e in events)


def test_deactivated_accounts_get_no_questions(client, people):
    people["worker"].is_active_account = False
    db.session.commit()
    question = ask(client, people)
    assert [r["name"] for r in question["sent_to"]] == ["Job coach Ans"]
    response = client.post("/api/v1/questions", json={
        "topic": "work", "body": "Hoi", "contact_id": people["worker_entry"].id})
    assert response.status_code == 422 and "contact_id" in response.get_json()["fields"]


def test_asking_one_contact(client, people):
    question = ask(client, people, contact_id=people["worker_entry"].id, topic="money")
    assert [r["name"] for r in question["sent_to"]] == ["Rachid"]
    assert not question["to_everyone_for_topic"]


def test_a_contact_without_account_or_nobody_for_the_topic_is_refused(client, people, town):
    login(client, people["youth"])
    club = make_contact(town, "Club", topics=["work"])
    response = client.post("/api/v1/questions", json={"topic": "work", "body": "Hoi",
                                                      "contact_id": club.id})
    assert response.status_code == 422 and "contact_id" in response.get_json()["fields"]
    response = client.post("/api/v1/questions", json={"topic": "housing", "body": "Hoi"})
    assert response.status_code == 422 and response.get_json()["code"] == "no_one_to_ask"
    response = client.post("/api/v1/questions", json={"topic": "work", "body": "Hoi",
                                                      "contact_id": people["far_entry"].id})
    assert response.status_code == 404
    assert db.session.scalar(select(func.count(Question.id))) == 0


@pytest.mark.parametrize(("field", "value"), [
    ("body", ""), ("body", "   "), ("body", "x" * 2001), ("body", "a\x00b"), ("body", None),
    ("topic", "astrology"), ("language", "xx-nonsense"), ("contact_id", "1"), ("extra", 1),
])
def test_invalid_questions_are_refused(client, people, field, value):
    login(client, people["youth"])
    body = {"topic": "work", "body": "Hoi", field: value}
    response = client.post("/api/v1/questions", json=body)
    assert response.status_code == 422 and field in response.get_json()["fields"]
    assert db.session.scalar(select(func.count(Question.id))) == 0


def test_only_the_asker_and_the_recipients_can_read_a_question(client, people):
    question = ask(client, people)
    url = f"/api/v1/questions/{question['id']}"
    for reader in ("youth", "coach", "worker"):
        login(client, people[reader])
        assert client.get(url).status_code == 200, reader
        assert [q["id"] for q in client.get("/api/v1/questions").get_json()["items"]] == [
            question["id"]]
    outsiders = ("bystander", "admin", "far", "other_youth", "other_mentor", "other_youth_worker",
                 "other_contact")
    for outsider in outsiders:
        login(client, people[outsider])
        assert client.get(url).status_code == 404, outsider
        assert client.get("/api/v1/questions").get_json()["items"] == [], outsider
        for action in ("answers", "replies", "helped"):
            body = {"helped": True} if action == "helped" else {"body": "Hallo"}
            assert client.post(f"{url}/{action}", json=body).status_code == 404, outsider
    assert db.session.scalar(select(func.count(QuestionMessage.id))) == 0


def test_answer_reply_and_helped(client, people, app):
    question = ask(client, people)
    url = f"/api/v1/questions/{question['id']}"
    login(client, people["worker"])
    seen = client.get(url).get_json()
    assert seen["asker"]["name"] == "Hodan" and not seen["asker"]["is_me"]
    assert client.post(f"{url}/replies", json={"body": "x"}).status_code == 403
    assert client.post(f"{url}/helped", json={"helped": True}).status_code == 403
    answer = client.post(f"{url}/answers", json={"body": "Kijk eens bij het jongerenloket."})
    assert answer.status_code == 201
    assert answer.get_json()["author"] == {"name": "Rachid", "is_me": True, "is_asker": False}
    event = db.session.scalar(select(Event).where(Event.kind == "question.answered"))
    assert (event.user_id, event.data) == (people["youth"].id, {"question_id": question["id"]})

    login(client, people["youth"])
    assert client.post(f"{url}/answers", json={"body": "x"}).status_code == 403
    detail = client.get(url).get_json()
    assert detail["status"] == "answered" and detail["messages"][0]["author"]["name"] == "Rachid"
    assert client.post(f"{url}/replies", json={"body": "Dank je! Waar is dat?"}).status_code == 201
    assert client.get(url).get_json()["status"] == "waiting"
    replied = db.session.scalars(select(Event).where(Event.kind == "question.replied")).all()
    assert sorted(e.user_id for e in replied) == sorted([people["coach"].id,
                                                         people["worker"].id])
    response = client.post(f"{url}/helped", json={"helped": True})
    assert response.status_code == 200 and response.get_json()["helped"] is True
    assert client.post(f"{url}/helped", json={}).get_json()["helped"] is True
    assert client.post(f"{url}/helped", json={"helped": "ja"}).status_code == 422


def test_answered_notice_is_rendered_in_the_recipients_language(client, people, app):
    question = ask(client, people)
    login(client, people["coach"])
    client.post(f"/api/v1/questions/{question['id']}/answers", json={"body": "Ja!"})
    event = db.session.scalar(select(Event).where(Event.kind == "question.answered"))
    with app.test_request_context():
        with force_locale("en"):
            english = render(event)
        with force_locale("nl"):
            dutch = render(event)
    assert english == {"title": "Your question has an answer",
                       "body": "Someone answered your question about Work and internships.",
                       "url": f"/questions/{question['id']}"}
    assert dutch["title"] != english["title"] and "Werk" in dutch["body"]
    db.session.execute(Question.__table__.delete())
    db.session.commit()
    with app.test_request_context(), force_locale("en"):
        assert render(event)["body"] == "Someone answered your question."


def test_retention_command_deletes_questions_past_the_period(app, client, people):
    old, recent = ask(client, people), ask(client, people)
    login(client, people["coach"])
    client.post(f"/api/v1/questions/{old['id']}/answers", json={"body": "Oud antwoord"})
    retention = app.config["QUESTION_RETENTION"]
    db.session.get(Question, old["id"]).last_activity_at = utcnow() - retention - timedelta(
        hours=1)
    db.session.get(Question, recent["id"]).last_activity_at = utcnow() - retention + timedelta(
        hours=1)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["purge-questions"])
    assert result.exit_code == 0 and "Deleted 1 question" in result.output
    db.session.expire_all()
    assert [q.id for q in db.session.scalars(select(Question))] == [recent["id"]]
    assert db.session.scalar(select(func.count(QuestionMessage.id))) == 0
    assert db.session.scalar(select(func.count(QuestionRecipient.question_id))) == 2
    login(client, people["youth"])
    assert client.get(f"/api/v1/questions/{old['id']}").status_code == 404


def test_retention_period_comes_from_the_configuration(app, client, people, monkeypatch):
    question = ask(client, people)
    db.session.get(Question, question["id"]).last_activity_at = utcnow() - timedelta(days=10)
    db.session.commit()
    monkeypatch.setitem(app.config, "QUESTION_RETENTION", timedelta(days=30))
    assert "Deleted 0 question" in app.test_cli_runner().invoke(args=["purge-questions"]).output
    monkeypatch.setitem(app.config, "QUESTION_RETENTION", timedelta(days=7))
    assert "Deleted 1 question" in app.test_cli_runner().invoke(args=["purge-questions"]).output


def test_erasure_removes_questions_and_keeps_answers_anonymous(client, people):
    question = ask(client, people)
    login(client, people["worker"])
    client.post(f"/api/v1/questions/{question['id']}/answers", json={"body": "Antwoord"})
    assert client.get("/api/v1/me/export").get_json()["answers_written"][0]["body"] == "Antwoord"
    assert client.delete("/api/v1/me").status_code == 204
    assert references(people["worker"].id) == {}
    login(client, people["youth"])
    export = client.get("/api/v1/me/export").get_json()
    assert export["questions_asked"][0]["messages"][0]["body"] == "Antwoord"
    message = client.get(f"/api/v1/questions/{question['id']}").get_json()["messages"][0]
    assert message["author"]["name"] is None and message["body"] == "Antwoord"
    youth_id = people["youth"].id
    assert client.delete("/api/v1/me").status_code == 204
    assert references(youth_id) == {}
    assert db.session.scalar(select(func.count(Question.id))) == 0
