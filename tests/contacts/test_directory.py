"""The contact directory: writing, validating links, visibility and text fallback."""

import pytest
from meedoen.auth.models import Role
from meedoen.contacts.models import Contact, ContactKind
from meedoen.extensions import db

from tests.contacts.helpers import items, login, make_contact, names


@pytest.fixture
def town(factory):
    return factory.municipality("Tilburg")


def test_mentor_creates_contact_with_normalised_reach_and_safe_links(client, factory, town):
    login(client, factory.user(Role.MENTOR, town))
    response = client.post("/api/v1/contacts", json={
        "kind": "community_organisation", "name": "Eritrese Vereniging", "languages": ["ti", "am"],
        "topics": ["family_reunification", "paperwork"], "phone": "06 1234 5678",
        "whatsapp": "+31 (6) 1234-5678", "email": "info@eritrees.example.nl",
        "website": "https://eritrees.example.nl/contact", "address": "Stationsstraat 1",
        "opening_hours": "ma–vr 10–16", "help_texts": {"nl": "Wij helpen met brieven.",
                                                      "ti": "ደብዳቤታት ንሕግዝ።"}})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["municipality"]["id"] == town.id and body["national"] is False
    assert body["reach"]["phone"] == "+31612345678"
    assert body["reach"]["links"] == {
        "phone": "tel:+31612345678", "whatsapp": "https://wa.me/31612345678",
        "email": "mailto:info@eritrees.example.nl",
        "website": "https://eritrees.example.nl/contact"}
    assert body["can_edit"] and body["help_texts"]["ti"] == "ደብዳቤታት ንሕግዝ።"


@pytest.mark.parametrize(("field", "value"), [
    ("phone", "javascript:alert(1)"), ("phone", "tel:0612345678"), ("phone", "12"),
    ("whatsapp", "113"), ("whatsapp", "https://wa.me/316"),
    ("email", "javascript:alert(1)//@x.nl"), ("email", "a@b"), ("email", "x@y.nl?cc=z@q.nl"),
    ("email", "a@b.nl\r\nBcc: c@d.nl"),
    ("website", "javascript:alert(1)"), ("website", "http://example.nl"),
    ("website", "https://127.0.0.1/"), ("website", "https://[::1]/"),
    ("website", "https://user:pw@example.nl"), ("website", "https://localhost/"),
    ("website", "https://example.nl:8080/"), ("website", "data:text/html,<b>x</b>"),
    ("website", "https://exa\\mple.nl"), ("name", "Na\x00am"), ("name", ""), ("name", "x" * 101),
    ("kind", "wizard"), ("languages", ["klingon-xx"]), ("topics", ["astrology"]),
    ("help_texts", {"xx": "hallo"}), ("help_texts", {"nl": "x" * 1001}),
    ("user_id", "5"), ("lived_experience", "maybe"),
])
def test_invalid_contact_input_is_refused_without_writing(client, factory, town, field, value):
    login(client, factory.user(Role.YOUTH_WORKER, town))
    response = client.post("/api/v1/contacts", json={"kind": "buddy", "name": "Buddy",
                                                     field: value})
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["fields"]
    assert db.session.query(Contact).count() == 0


def test_unknown_fields_and_query_parameters_are_refused(client, factory, town):
    login(client, factory.user(Role.YOUTH, town))
    assert client.get("/api/v1/contacts?colour=red").status_code == 422
    assert client.get("/api/v1/topics/work/contacts?colour=red").status_code == 422
    assert client.get("/api/v1/contacts?lang=ar&limit=5").status_code == 200
    for bad in ("limit=0", "q=%00", "mine=maybe", "topic=astrology", "language=zz-fake",
                "municipality_id=99999999999", "lang=xx"):
        assert client.get(f"/api/v1/contacts?{bad}").status_code == 422, bad
    login(client, factory.user(Role.ADMIN))
    response = client.post("/api/v1/contacts", json={"kind": "buddy", "name": "B", "extra": 1})
    assert response.status_code == 422 and "extra" in response.get_json()["fields"]


def test_only_admins_add_national_or_elsewhere(client, factory, town):
    away = factory.municipality()
    login(client, factory.user(Role.YOUTH_WORKER, town))
    for municipality_id in (None, away.id):
        response = client.post("/api/v1/contacts", json={
            "kind": "other", "name": "Hulplijn", "municipality_id": municipality_id})
        assert response.status_code == 403
    login(client, factory.user(Role.ADMIN))
    response = client.post("/api/v1/contacts", json={"kind": "other", "name": "Hulplijn"})
    assert response.status_code == 201 and response.get_json()["national"] is True
    response = client.post("/api/v1/contacts", json={"kind": "other", "name": "X",
                                                     "municipality_id": 999999})
    assert response.status_code == 422


def test_youth_see_their_municipality_and_national_active_contacts(client, factory, town):
    away = factory.municipality()
    make_contact(town, "Hier")
    make_contact(None, "Landelijk")
    make_contact(away, "Elders")
    hidden = make_contact(town, "Verborgen", active=False)
    login(client, factory.user(Role.YOUTH, town))
    assert sorted(names(client.get("/api/v1/contacts"))) == ["Hier", "Landelijk"]
    assert client.get(f"/api/v1/contacts/{hidden.id}").status_code == 404
    body = items(client.get("/api/v1/contacts"))[0]
    assert "user_id" not in body and body["can_edit"] is False
    login(client, factory.user(Role.MENTOR, town))
    assert sorted(names(client.get("/api/v1/contacts"))) == ["Hier", "Landelijk", "Verborgen"]
    login(client, factory.user(Role.ADMIN))
    assert len(names(client.get("/api/v1/contacts"))) == 4
    assert sorted(names(client.get(f"/api/v1/contacts?municipality_id={away.id}"))) == [
        "Elders", "Landelijk"]


def test_directory_filters(client, factory, town):
    make_contact(town, "Coach Ali", languages=["ar", "nl"], topics=["free_time"],
                 kind="sports_coach")
    make_contact(town, "Dari 100% hulp", languages=["fa_AF"], topics=["health"])
    make_contact(town, "Sanne", languages=["nl"], topics=["work"])
    login(client, factory.user(Role.YOUTH, town))
    assert names(client.get("/api/v1/contacts?topic=free_time")) == ["Coach Ali"]
    assert names(client.get("/api/v1/contacts?kind=sports_coach")) == ["Coach Ali"]
    assert names(client.get("/api/v1/contacts?language=ar")) == ["Coach Ali"]
    assert names(client.get("/api/v1/contacts?language=fa")) == ["Dari 100% hulp"]
    assert names(client.get("/api/v1/contacts?q=100%25")) == ["Dari 100% hulp"]
    assert names(client.get("/api/v1/contacts?q=_")) == []


def test_help_text_falls_back_to_the_original_and_says_so(client, factory, town):
    contact = make_contact(town, "Amal", original="nl",
                           texts={"nl": "Ik help met school.", "ar": "أساعد في المدرسة."})
    login(client, factory.user(Role.YOUTH, town))
    shown = client.get(f"/api/v1/contacts/{contact.id}?lang=ar").get_json()["help"]
    assert shown == {"text": "أساعد في المدرسة.", "language": "ar", "fallback": False,
                     "original_language": "nl", "available_languages": ["ar", "nl"],
                     "translation": "human"}
    shown = client.get(f"/api/v1/contacts/{contact.id}?lang=ti").get_json()["help"]
    assert shown["language"] == "nl" and shown["fallback"] is True
    assert shown["text"] == "Ik help met school."


def test_patch_merges_help_texts_and_removes_with_null(client, factory, town):
    contact = make_contact(town, "Amal", texts={"nl": "Hallo", "ar": "مرحبا"})
    login(client, factory.user(Role.YOUTH_WORKER, town))
    response = client.patch(f"/api/v1/contacts/{contact.id}", json={
        "help_texts": {"ar": None, "so": "Waan ku caawin karaa."}, "phone": None})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["help_texts"] == {"nl": "Hallo", "so": "Waan ku caawin karaa."}


def test_contact_manages_own_entry_but_cannot_relink(client, factory, town):
    coach = factory.user(Role.CONTACT, town)
    other_staff = factory.user(Role.CONTACT, town)
    mine = make_contact(town, "Coach Mehmet", user=coach)
    login(client, coach)
    assert names(client.get("/api/v1/contacts?mine=true")) == ["Coach Mehmet"]
    response = client.patch(f"/api/v1/contacts/{mine.id}", json={"opening_hours": "di 19–21"})
    assert response.status_code == 200
    response = client.patch(f"/api/v1/contacts/{mine.id}", json={"user_id": other_staff.id})
    assert response.status_code == 403
    assert client.delete(f"/api/v1/contacts/{mine.id}").status_code == 403


def test_linking_a_staff_account(client, factory, town):
    away = factory.municipality()
    contact = make_contact(town, "Sanne")
    taken = make_contact(town, "Bezet", user=factory.user(Role.MENTOR, town))
    login(client, factory.user(Role.YOUTH_WORKER, town))
    url = f"/api/v1/contacts/{contact.id}"
    for wrong in (factory.user(Role.YOUTH, town), factory.user(Role.MENTOR, away)):
        response = client.patch(url, json={"user_id": wrong.id})
        assert response.status_code == 422 and "user_id" in response.get_json()["fields"]
    assert client.patch(url, json={"user_id": 999999}).status_code == 422
    response = client.patch(url, json={"user_id": taken.user_id})
    assert response.status_code == 409 and response.get_json()["code"] == "already_linked"
    mentor = factory.user(Role.MENTOR, town)
    response = client.patch(url, json={"user_id": mentor.id})
    assert response.status_code == 200 and response.get_json()["user_id"] == mentor.id
    assert response.get_json()["can_receive_questions"] is True


def test_erasing_a_linked_account_keeps_the_entry(client, factory, town):
    coach = factory.user(Role.CONTACT, town)
    contact = make_contact(town, "Coach", user=coach)
    login(client, coach)
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert db.session.get(Contact, contact.id).user_id is None


def test_contact_data_is_in_the_export(client, factory, town):
    coach = factory.user(Role.CONTACT, town)
    make_contact(town, "Coach", user=coach, texts={"nl": "Ik train voetbal."})
    login(client, coach)
    export = client.get("/api/v1/me/export").get_json()
    assert export["contact_entry"]["help_texts"] == {"nl": "Ik train voetbal."}


def test_kinds_for_the_form_are_translated(client, factory, town):
    client.login_as(factory.user(Role.MENTOR, town))
    kinds = client.get("/api/v1/contacts/kinds?lang=ar").get_json()
    assert [k["slug"] for k in kinds] == [kind.value for kind in ContactKind]
    dutch = {k["slug"]: k["label"] for k in client.get("/api/v1/contacts/kinds?lang=nl")
             .get_json()}
    assert all(k["label"] and k["label"] != dutch[k["slug"]] for k in kinds)
