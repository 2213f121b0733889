"""Safeguarding of contacts (issue 13): the linked person edits only their own public texts,
empty reach fields are "none" (not a 500), and leaving a contact ends access to its questions."""

import pytest
from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role
from meedoen.contacts.models import Contact, ContactKind
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionMessage, QuestionRecipient
from sqlalchemy import select

from tests.contacts.helpers import login, make_contact

REACH = ("phone", "whatsapp", "email", "website")
STAFF_ONLY = {"kind": "guardian", "name": "Voogd Ans", "organisation": "Nidos",
              "topics": ["work", "money", "health"], "active": True, "lived_experience": True,
              "screening": {"checked_on": "2026-01-05", "valid_until": "2029-01-05"}}


@pytest.fixture
def town(factory):
    return factory.municipality("Deventer")


@pytest.fixture
def linked(factory, town):
    """A community contact's account and its entry (switched on, one topic)."""
    account = factory.user(Role.CONTACT, town)
    entry = make_contact(town, "Buddy Samir", user=account, topics=["work"],
                         kind=ContactKind.SPORTS_COACH, texts={"nl": "Ik help met sport."})
    return account, entry


def reload(contact_id: int) -> Contact:
    db.session.expire_all()
    return db.session.get(Contact, contact_id)


# -- 1. the linked person edits only their own public texts -----------------------------------

@pytest.mark.parametrize(("field", "value"), [*STAFF_ONLY.items(), ("user_id", None),
                                              ("active", False)])
def test_linked_person_cannot_change_staff_fields(client, linked, field, value):
    account, entry = linked
    login(client, account)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={field: value})
    assert response.status_code == 403, response.get_json()
    body = response.get_json()
    assert body["code"] == "staff_only" or (field == "screening"
                                                  and body["code"] == "own_screening")
    contact = reload(entry.id)
    assert (contact.kind, contact.name, contact.topics, contact.active, contact.user_id) == (
        ContactKind.SPORTS_COACH, "Buddy Samir", ["work"], True, account.id)
    assert contact.screening_checked_on is None


def test_a_switched_off_contact_cannot_switch_itself_on(client, linked):
    account, entry = linked
    entry.active = False
    db.session.commit()
    login(client, account)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={"active": True})
    assert response.status_code == 403
    assert "active" in response.get_json()["fields"]
    assert reload(entry.id).active is False


def test_nothing_is_half_written_when_one_field_is_refused(client, linked):
    account, entry = linked
    login(client, account)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={
        "help_texts": {"nl": "Nieuwe tekst"}, "phone": "0612345678", "topics": ["health"]})
    assert response.status_code == 403
    assert set(response.get_json()["fields"]) == {"topics"}
    contact = reload(entry.id)
    assert contact.phone is None and contact.texts[0].help_text == "Ik help met sport."
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "contact.update")) is None


def test_linked_person_changes_texts_reach_and_opening_hours(client, linked):
    account, entry = linked
    login(client, account)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={
        "help_texts": {"nl": "Ik help met voetbal.", "ar": "أساعد في كرة القدم."},
        "original_language": "nl", "languages": ["nl", "ar"], "phone": "06 1234 5678",
        "whatsapp": "+31 6 1234 5678", "email": "samir@example.nl",
        "website": "https://samir.example.nl", "address": "Veldweg 3",
        "opening_hours": "za 10–12"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["can_edit"] is True and body["can_manage"] is False
    assert body["reach"]["opening_hours"] == "za 10–12"
    assert body["help_texts"]["ar"] == "أساعد في كرة القدم."
    # Its screening is shown, never as something it can change, and without the checker.
    assert body["screening"]["status"] == "not_required" and "checked_by" not in body["screening"]


def test_staff_still_change_everything(client, factory, town, linked):
    _, entry = linked
    login(client, factory.user(Role.YOUTH_WORKER, town))
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={
        "kind": "buddy", "name": "Samir", "topics": ["health"], "active": False,
        "lived_experience": True, "user_id": None})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["can_manage"] is True
    contact = reload(entry.id)
    assert (contact.kind, contact.topics, contact.active, contact.user_id) == (
        ContactKind.BUDDY, ["health"], False, None)


def test_staff_linked_to_their_own_entry_manage_it_but_not_their_own_screening(
        client, factory, town):
    worker = factory.user(Role.YOUTH_WORKER, town)
    entry = make_contact(town, "Jongerenwerker Els", user=worker, kind=ContactKind.BUDDY)
    login(client, worker)
    assert client.patch(f"/api/v1/contacts/{entry.id}",
                        json={"topics": ["work", "money"]}).status_code == 200
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={
        "screening": {"checked_on": "2026-01-05", "valid_until": "2029-01-05"}})
    assert response.status_code == 403 and response.get_json()["code"] == "own_screening"
    assert reload(entry.id).screening_checked_on is None


def test_staff_only_message_is_in_the_users_language(client, linked):
    account, entry = linked
    login(client, account)
    response = client.patch(f"/api/v1/contacts/{entry.id}?lang=nl", json={"name": "X"},
                            headers={"Accept-Language": "nl"})
    assert response.status_code == 403
    assert "mentor" in response.get_json()["message"].lower()


# -- 2. an empty reach field is "none", never a 500 -------------------------------------------

@pytest.mark.parametrize("role", [Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN])
@pytest.mark.parametrize("field", REACH)
@pytest.mark.parametrize("empty", ["", "   "])
def test_empty_reach_field_on_create_is_none(client, factory, town, role, field, empty):
    login(client, factory.user(role, town))
    response = client.post("/api/v1/contacts", json={
        "kind": "job_coach", "name": "Coach", field: empty, "municipality_id": town.id})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["reach"][field] is None


@pytest.mark.parametrize("role", [Role.MENTOR, Role.YOUTH_WORKER, Role.ADMIN])
@pytest.mark.parametrize("field", REACH)
def test_empty_reach_field_on_change_clears_it(client, factory, town, role, field):
    entry = make_contact(town, "Coach")
    entry.phone, entry.whatsapp = "+31612345678", "+31612345678"
    entry.email, entry.website = "coach@example.nl", "https://coach.example.nl"
    db.session.commit()
    login(client, factory.user(role, town))
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={field: ""})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["reach"][field] is None
    assert getattr(reload(entry.id), field) is None


@pytest.mark.parametrize("field", REACH)
def test_too_long_reach_field_is_still_a_422(client, factory, town, field):
    login(client, factory.user(Role.MENTOR, town))
    response = client.post("/api/v1/contacts", json={"kind": "job_coach", "name": "Coach",
                                                     field: "1" * 300})
    assert response.status_code == 422 and field in response.get_json()["fields"]


# -- 4. leaving ends access --------------------------------------------------------------------

@pytest.fixture
def conversation(client, factory, town, linked):
    """A question a young person sent to the linked contact, and an answer from it."""
    account, entry = linked
    youth = factory.user(Role.YOUTH, town)
    question = Question(asker_id=youth.id, municipality_id=town.id, topic="work", language="nl",
                        body="Waar kan ik voetballen?", contact_id=entry.id)
    question.recipients = [QuestionRecipient(user_id=account.id, contact_id=entry.id,
                                             contact_name=entry.name)]
    db.session.add(question)
    db.session.commit()
    question_id = question.id
    login(client, account)
    assert client.post(f"/api/v1/questions/{question_id}/answers",
                       json={"body": "Bij VV Deventer."}).status_code == 201
    return {"youth": youth, "account": account, "entry": entry, "question_id": question_id}


def unlink(entry):
    entry.user_id = None


def switch_off(entry):
    entry.active = False


@pytest.mark.parametrize("leave", [unlink, switch_off])
def test_leaving_a_contact_ends_access_to_its_conversations(client, factory, town,
                                                             conversation, leave):
    question_id, account = conversation["question_id"], conversation["account"]
    login(client, factory.user(Role.YOUTH_WORKER, town))
    change = {"user_id": None} if leave is unlink else {"active": False}
    assert client.patch(f"/api/v1/contacts/{conversation['entry'].id}",
                        json=change).status_code == 200
    # The young person replies after the contact left.
    db.session.add(QuestionMessage(question_id=question_id, author_id=conversation["youth"].id,
                                   kind="reply", body="Dank je! Wanneer?", language="nl"))
    db.session.commit()
    login(client, account)
    assert client.get(f"/api/v1/questions/{question_id}").status_code == 404
    assert client.post(f"/api/v1/questions/{question_id}/answers",
                       json={"body": "Zaterdag."}).status_code == 404
    listed = client.get("/api/v1/questions")
    assert listed.status_code == 200 and listed.get_json()["items"] == []
    # The young person still has the whole conversation.
    login(client, conversation["youth"])
    assert client.get(f"/api/v1/questions/{question_id}").get_json()["message_count"] == 2


def test_access_returns_when_staff_switch_the_contact_on_again(client, conversation):
    entry, account = conversation["entry"], conversation["account"]
    entry.active = False
    db.session.commit()
    login(client, account)
    assert client.get(f"/api/v1/questions/{conversation['question_id']}").status_code == 404
    entry.active = True
    db.session.commit()
    assert client.get(f"/api/v1/questions/{conversation['question_id']}").status_code == 200


def test_another_account_linked_later_does_not_see_old_conversations(client, factory, town,
                                                                     conversation):
    entry = conversation["entry"]
    newcomer = factory.user(Role.CONTACT, town)
    entry.user_id = newcomer.id
    db.session.commit()
    for account in (newcomer, conversation["account"]):
        login(client, account)
        assert client.get(f"/api/v1/questions/{conversation['question_id']}").status_code == 404


@pytest.mark.parametrize("leave", [unlink, switch_off])
def test_a_contact_who_left_is_not_told_about_new_replies(client, factory, town, conversation,
                                                          leave):
    from meedoen.events.models import Event

    leave(conversation["entry"])
    db.session.commit()
    login(client, conversation["youth"])
    assert client.post(f"/api/v1/questions/{conversation['question_id']}/replies",
                       json={"body": "Dank je! Wanneer?"}).status_code == 201
    told = db.session.scalars(select(Event).where(Event.kind == "question.replied")).all()
    assert [e.user_id for e in told] == []
