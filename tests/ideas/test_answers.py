"""Staff answers: a status and a message in one or more languages; who is told."""

import pytest
from flask_babel import force_locale
from meedoen.auth.models import Role
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.ideas.models import IdeaStatus, SupportKind
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import select

from tests.activities.helpers import make_activity
from tests.ideas.helpers import add_support, make_idea


@pytest.fixture
def idea(youth):
    return make_idea(youth, texts={"ti": ("ውድድር", "መግለጺ"), "nl": ("Toernooi", "Uitleg")})


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town, display_name="Rachid")


def answer(client, idea, **body):
    body.setdefault("message", {"nl": "We kijken ernaar."})
    return client.post(f"/api/v1/ideas/{idea.id}/answers", json=body)


def events(kind="idea.status_changed") -> list[Event]:
    db.session.expire_all()
    return list(db.session.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def test_answer_sets_the_status_and_tells_proposer_and_supporters(
        client, factory, town, youth, idea, worker):
    supporters = [factory.user(Role.YOUTH, town) for _ in range(2)]
    for supporter, kind in zip(supporters, SupportKind, strict=True):
        add_support(idea, supporter, kind)
    bystander = factory.user(Role.YOUTH, town)
    client.login_as(worker)
    response = answer(client, idea, status="being_looked_at",
                      message={"nl": "We kijken ernaar.", "ti": "ንርእዮ ኣለና።"})
    assert response.status_code == 201, response.json
    shown = response.json
    assert shown["status"] == "being_looked_at" and shown["status_label"]
    assert shown["first_answered_at"] and shown["status_changed_at"]
    assert [a["text"]["message"] for a in shown["answers"]] == ["We kijken ernaar."]
    assert shown["answers"][0]["by"] == "Rachid"
    told = events()
    assert sorted(e.user_id for e in told) == sorted([youth.id, *(s.id for s in supporters)])
    assert bystander.id not in {e.user_id for e in told} and worker.id not in {
        e.user_id for e in told}
    assert all(e.data == {"idea_id": idea.id, "answer_id": shown["answers"][0]["id"],
                          "status": "being_looked_at"} for e in told)


def test_a_message_without_a_status_change_tells_nobody(client, idea, worker):
    client.login_as(worker)
    answer(client, idea, status="being_looked_at")
    answer(client, idea, status="being_looked_at", message={"nl": "Nog even geduld."})
    assert len(events()) == 1


def test_answer_in_several_languages_with_fallback(client, factory, town, idea, worker):
    client.login_as(worker)
    answer(client, idea, status="being_looked_at",
           message={"nl": "We kijken ernaar.", "ar": "نحن ننظر في الأمر."}, language="nl")
    client.login_as(factory.user(Role.YOUTH, town, ui_language="ar"))
    shown = client.get(f"/api/v1/ideas/{idea.id}").json["answers"][0]["text"]
    assert (shown["message"], shown["language"], shown["fallback"]) == (
        "نحن ننظر في الأمر.", "ar", False)
    assert shown["available_languages"] == ["ar", "nl"] and shown["original_language"] == "nl"
    in_somali = client.get(f"/api/v1/ideas/{idea.id}?lang=so").json["answers"][0]["text"]
    assert (in_somali["message"], in_somali["language"], in_somali["fallback"]) == (
        "We kijken ernaar.", "nl", True)


def test_planned_links_the_activity_that_came_of_it(client, factory, town, idea, worker):
    activity = make_activity(town, category="sport",
                             texts={"nl": ("Voetbaltoernooi", "Voor alle huizen")})
    client.login_as(worker)
    response = answer(client, idea, status="planned", activity_id=activity.id,
                      message={"nl": "Het toernooi komt er!"})
    assert response.status_code == 201, response.json
    assert response.json["activity"]["id"] == activity.id
    assert response.json["activity"]["title"] == "Voetbaltoernooi"
    assert response.json["answers"][0]["activity"]["id"] == activity.id


def test_only_an_activity_in_the_same_municipality_can_be_linked(client, factory, idea, worker):
    elsewhere = make_activity(factory.municipality())
    client.login_as(worker)
    response = answer(client, idea, status="planned", activity_id=elsewhere.id)
    assert response.status_code == 422 and "activity_id" in response.json["fields"]
    missing = answer(client, idea, status="planned", activity_id=2_000_000)
    assert missing.status_code == 422
    assert answer(client, idea, status="done", activity_id=elsewhere.id).status_code == 422


def test_not_possible_needs_its_reason(client, idea, worker):
    client.login_as(worker)
    response = client.post(f"/api/v1/ideas/{idea.id}/answers", json={"status": "not_possible"})
    assert response.status_code == 422 and "message" in response.json["fields"]
    empty = answer(client, idea, status="not_possible", message={})
    assert empty.status_code == 422
    blank = answer(client, idea, status="not_possible", message={"nl": "   "})
    assert blank.status_code == 422
    done = answer(client, idea, status="not_possible",
                  message={"nl": "Daar is geen geld voor, maar het jeugdfonds helpt."})
    assert done.status_code == 201 and done.json["status"] == "not_possible"


def test_status_new_cannot_be_given_and_done_is_final(client, idea, worker):
    client.login_as(worker)
    assert answer(client, idea, status="new").status_code == 422
    assert answer(client, idea, status="done").status_code == 201
    refused = answer(client, idea, status="being_looked_at")
    assert refused.status_code == 409 and refused.json["code"] == "idea_done"
    assert answer(client, idea, status="done", message={"nl": "Foto's staan online."}
                  ).status_code == 201


def test_first_answer_time_is_kept(client, idea, worker):
    client.login_as(worker)
    first = answer(client, idea, status="being_looked_at").json["first_answered_at"]
    later = answer(client, idea, status="planned").json
    assert later["first_answered_at"] == first and later["status_changed_at"] != first


@pytest.mark.parametrize("role", [Role.YOUTH, Role.CONTACT])
def test_youth_and_contacts_do_not_answer(client, factory, town, idea, role):
    client.login_as(factory.user(role, town))
    assert answer(client, idea, status="planned").status_code == 403


def test_message_is_sanitised(client, idea, worker):
    client.login_as(worker)
    shown = answer(client, idea, status="planned",
                   message={"nl": 'Ja! <img src="https://x.example/a.png"><b>Zaterdag</b>'}).json
    message = shown["answers"][0]["text"]["message"]
    assert "<img" not in message and "x.example" not in message
    assert "Zaterdag" in message and "<b>" not in message  # b is not on the short list


def test_notification_is_rendered_in_the_recipients_language(
        client, factory, town, youth, idea, worker):
    supporter = factory.user(Role.YOUTH, town)
    add_support(idea, supporter)
    client.login_as(worker)
    answer(client, idea, status="planned")
    by_user = {e.user_id: e for e in events()}
    with force_locale("nl"):
        for_author = render(by_user[youth.id])
        for_supporter = render(by_user[supporter.id])
    assert for_author["url"] == f"/ideas/{idea.id}"
    assert "Toernooi" in for_author["body"]
    assert for_author["title"] != for_supporter["title"]
    with force_locale("ti"):
        in_tigrinya = render(by_user[youth.id])
    assert "ውድድር" in in_tigrinya["body"]
    assert IdeaStatus.PLANNED.value not in in_tigrinya["body"]


def test_the_notifications_feature_puts_it_in_their_inbox(client, factory, town, youth, idea,
                                                          worker):
    youth.ui_language = "ti"
    db.session.commit()
    supporter = factory.user(Role.YOUTH, town, ui_language="ar")
    add_support(idea, supporter)
    client.login_as(worker)
    answer(client, idea, status="planned")
    assert run_due_work()["events"] == 2
    db.session.expire_all()
    inbox = {i.user_id: i for i in db.session.scalars(select(InboxItem))}
    assert set(inbox) == {youth.id, supporter.id}
    assert inbox[youth.id].lang == "ti" and "ውድድር" in inbox[youth.id].body
    assert inbox[supporter.id].lang == "ar"
    assert inbox[supporter.id].title == "أخبار عن فكرة تدعمها"
    assert {i.url for i in inbox.values()} == {f"/ideas/{idea.id}"}
