"""Help by topic (language first, then lived experience), my people, assignments, coverage."""

import pytest
from babel.messages.mofile import read_mo
from meedoen.auth.models import Role
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.extensions import db
from meedoen.topics import TOPICS

from tests.conftest import ROOT
from tests.contacts.helpers import assign, items, login, make_contact, names


@pytest.fixture
def town(factory):
    return factory.municipality("Amsterdam")


def test_topics_list_with_explanations_and_examples(client):
    topics = client.get("/api/v1/topics?lang=en").get_json()
    assert [t["slug"] for t in topics] == [t.slug for t in TOPICS]
    assert {"work", "school", "money", "housing", "family_reunification", "health",
            "feeling_down", "free_time", "residence_legal", "paperwork"} <= {
        t["slug"] for t in topics}
    for topic in topics:
        assert topic["label"] and topic["explanation"] and len(topic["examples"]) >= 3


@pytest.mark.parametrize("lang", [code for code in SHIPPED_LANGUAGES if code != "en"])
def test_every_topic_text_is_translated(lang):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.mo").open("rb") as f:
        catalog = read_mo(f)
    for topic in TOPICS:
        for text in (topic.label, topic.explanation, *topic.examples):
            message = catalog.get(text._args[0])
            assert message is not None and message.string, (lang, text._args[0])


def test_topics_come_in_the_requested_language(client):
    assert client.get("/api/v1/topics?lang=nl").get_json()[0]["label"] == "Werk en stages"
    assert client.get("/api/v1/topics?lang=xx").status_code == 422


def test_topic_contacts_speaking_my_language_first_then_lived_experience(client, factory, town):
    away = factory.municipality()
    make_contact(town, "A Dutch only", languages=["nl"])
    make_contact(town, "B speaks Tigrinya", languages=["ti", "nl"])
    make_contact(town, "C lived experience", languages=["nl", "ar"], lived=True)
    make_contact(town, "D Tigrinya buddy", languages=["ti"], lived=True)
    make_contact(None, "E national Tigrinya", languages=["ti"])
    make_contact(town, "F other topic", languages=["ti"], topics=["health"])
    make_contact(away, "G elsewhere", languages=["ti"])
    make_contact(town, "H hidden", languages=["ti"], active=False)
    login(client, factory.user(Role.YOUTH, town, languages=["ti", "nl"]))
    response = client.get("/api/v1/topics/work/contacts")
    assert names(response) == ["D Tigrinya buddy", "B speaks Tigrinya", "E national Tigrinya",
                               "C lived experience", "A Dutch only"]
    flags = [c["speaks_your_language"] for c in items(response)]
    assert flags == [True, True, True, False, False]
    assert names(client.get("/api/v1/topics/work/contacts?language=ar"))[0] == (
        "C lived experience")
    first = client.get("/api/v1/topics/work/contacts?limit=2").get_json()
    assert [c["name"] for c in first["items"]] == ["D Tigrinya buddy", "B speaks Tigrinya"]
    following = f"/api/v1/topics/work/contacts?limit=2&cursor={first['next_cursor']}"
    assert names(client.get(following)) == ["E national Tigrinya", "C lived experience"]
    assert client.get("/api/v1/topics/astrology/contacts").status_code == 404


def test_dari_and_persian_speakers_find_each_other(client, factory, town):
    make_contact(town, "Dutch", languages=["nl"], lived=True)
    make_contact(town, "Persian", languages=["fa"])
    login(client, factory.user(Role.YOUTH, town, languages=["fa_AF"]))
    assert names(client.get("/api/v1/topics/work/contacts")) == ["Persian", "Dutch"]


def test_my_people_assigned_first_then_speakers_of_my_language(client, factory, town):
    youth = factory.user(Role.YOUTH, town, languages=["so", "en"])
    mentor = make_contact(town, "Mentor Sanne", languages=["nl", "en"], kind="mentor")
    guardian = make_contact(town, "Voogd Kees", languages=["nl"], kind="guardian")
    gone = make_contact(town, "Inactive", languages=["so"], active=False)
    make_contact(town, "Somali buddy", languages=["so"], lived=True)
    make_contact(town, "Dutch coach", languages=["nl"])
    assign(youth, guardian, mentor, gone)
    login(client, youth)
    response = client.get("/api/v1/me/people")
    assert names(response) == ["Mentor Sanne", "Voogd Kees", "Somali buddy"]
    assert [p["assigned"] for p in items(response)] == [True, True, False]
    first = client.get("/api/v1/me/people?limit=1").get_json()
    assert names(client.get(f"/api/v1/me/people?limit=1&cursor={first['next_cursor']}")) == [
        "Voogd Kees"]


def test_staff_assign_and_unassign_people(client, factory, town):
    away = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    here, national, elsewhere = (make_contact(town, "Hier"), make_contact(None, "Landelijk"),
                                 make_contact(away, "Elders"))
    login(client, factory.user(Role.MENTOR, town))
    for contact in (here, national):
        response = client.post("/api/v1/assignments",
                               json={"youth_id": youth.id, "contact_id": contact.id})
        assert response.status_code == 201, response.get_json()
    again = client.post("/api/v1/assignments", json={"youth_id": youth.id, "contact_id": here.id})
    assert again.status_code == 409 and again.get_json()["code"] == "already_assigned"
    wrong = client.post("/api/v1/assignments",
                        json={"youth_id": youth.id, "contact_id": elsewhere.id})
    assert wrong.status_code == 404
    far_youth = factory.user(Role.YOUTH, away)
    response = client.post("/api/v1/assignments",
                           json={"youth_id": far_youth.id, "contact_id": national.id})
    assert response.status_code == 404
    staff = factory.user(Role.MENTOR, town)
    assert client.post("/api/v1/assignments",
                       json={"youth_id": staff.id, "contact_id": here.id}).status_code == 404
    listed = items(client.get(f"/api/v1/assignments?youth_id={youth.id}"))
    assert sorted(a["contact"]["name"] for a in listed) == ["Hier", "Landelijk"]
    assert client.delete(f"/api/v1/assignments/{listed[0]['id']}").status_code == 204
    assert len(items(client.get("/api/v1/assignments"))) == 1


def test_coverage_lists_youth_with_fewer_than_three_or_no_language_match(client, factory, town):
    away = factory.municipality()
    covered = factory.user(Role.YOUTH, town, display_name="Yonas", languages=["ti", "en"])
    few = factory.user(Role.YOUTH, town, display_name="Amal", languages=["ar"])
    no_language = factory.user(Role.YOUTH, town, display_name="Hodan", languages=["so", "nl"])
    factory.user(Role.YOUTH, town, display_name="Hamid", languages=["fa_AF"])
    far = factory.user(Role.YOUTH, away, display_name="Elders", languages=["ar"])
    dutch = [make_contact(town, f"Dutch {n}", languages=["nl"]) for n in range(3)]
    tigrinya = make_contact(town, "Tigrinya", languages=["ti"])
    arabic = make_contact(town, "Arabic", languages=["ar"])
    make_contact(None, "National Dari line", languages=["fa"])
    assign(covered, tigrinya, *dutch[:2])
    assign(few, arabic)
    assign(no_language, *dutch)
    assign(far, make_contact(away, "Far Arabic", languages=["ar"]))
    login(client, factory.user(Role.YOUTH_WORKER, town))
    body = client.get("/api/v1/contacts/coverage").get_json()
    assert body["youth_total"] == 4
    assert (body["with_three_or_more"], body["with_language_match"]) == (2, 2)
    assert (body["share_three_or_more"], body["share_language_match"]) == (0.5, 0.5)
    rows = {row["display_name"]: row for row in body["needs_attention"]}
    assert [row["display_name"] for row in body["needs_attention"]] == ["Hamid", "Amal", "Hodan"]
    assert "Yonas" not in rows
    assert rows["Amal"]["fewer_than_three"] and rows["Amal"]["speaks_language"]
    assert rows["Hodan"]["people"] == 3 and not rows["Hodan"]["speaks_language"]
    assert rows["Hamid"]["available_in_language"] == 1  # the national Dari/Persian line
    assert rows["Hodan"]["available_in_language"] == 0
    login(client, factory.user(Role.ADMIN))
    everywhere = client.get("/api/v1/contacts/coverage").get_json()
    assert everywhere["youth_total"] == 5
    one = client.get(f"/api/v1/contacts/coverage?municipality_id={away.id}").get_json()
    assert (one["youth_total"], one["share_three_or_more"], one["share_language_match"]) == (
        1, 0.0, 1.0)


def test_coverage_of_a_municipality_without_youth(client, factory, town):
    login(client, factory.user(Role.MENTOR, town))
    body = client.get("/api/v1/contacts/coverage").get_json()
    assert body == {"youth_total": 0, "with_three_or_more": 0, "with_language_match": 0,
                    "share_three_or_more": None, "share_language_match": None,
                    "needs_attention": [], "screening_needed": []}


def test_erasing_a_youth_removes_their_assignments(client, factory, town):
    youth = factory.user(Role.YOUTH, town)
    assign(youth, make_contact(town, "Mentor"))
    login(client, youth)
    assert client.get("/api/v1/me/export").get_json()["my_people"][0]["contact"] == "Mentor"
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expunge_all()
    login(client, factory.user(Role.ADMIN))
    assert client.get("/api/v1/assignments").get_json() == {"items": [], "next_cursor": None}
