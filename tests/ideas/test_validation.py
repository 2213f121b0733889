"""Bad input gets a 4xx with the field named, never a 500 and nothing half-written, on SQLite
and PostgreSQL alike (run with TEST_DATABASE_URL for the latter)."""

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaAnswer, IdeaReport, IdeaText
from meedoen.ideas.schemas import DESCRIPTION_MAX, TITLE_MAX

from tests.ideas.helpers import finished_activity, idea_body, make_idea, sign_up

NUL = "a\x00b"


@pytest.mark.parametrize(("field", "value"), [
    ("title", NUL), ("description", NUL), ("title", "x" * (TITLE_MAX + 1)),
    ("description", "x" * (DESCRIPTION_MAX + 1)), ("title", "ab"), ("title", "   "),
    ("title", "two\nlines"), ("title", 42), ("category", "chess"), ("category", None),
    ("language", "klingon-x"), ("will_help_organise", "yes please"),
])
def test_bad_idea_fields(client, youth, field, value):
    client.login_as(youth)
    response = client.post("/api/v1/ideas", json=idea_body(**{field: value}))
    assert response.status_code == 422, response.json
    assert field in response.json["fields"]
    assert db.session.query(Idea).count() == 0


def test_missing_and_unknown_fields(client, youth):
    client.login_as(youth)
    missing = client.post("/api/v1/ideas", json={"title": "Iets"})
    assert missing.status_code == 422
    assert {"description", "category"} <= set(missing.json["fields"])
    unknown = client.post("/api/v1/ideas", json=idea_body(status="done"))
    assert unknown.status_code == 422 and "status" in unknown.json["fields"]


def test_a_long_text_at_the_limit_is_fine(client, youth):
    client.login_as(youth)
    body = idea_body(title="t" * TITLE_MAX, description="d\n" * (DESCRIPTION_MAX // 2))
    assert client.post("/api/v1/ideas", json=body).status_code == 201
    assert db.session.query(IdeaText).count() == 1


@pytest.mark.parametrize("query", [
    "?sort=votes", "?status=maybe", "?category=chess", "?limit=0", "?limit=101",
    "?page=2", "?per_page=20", "?limit=abc", "?colour=red", "?municipality_id=99999999999999",
    "?mine=perhaps",
])
def test_bad_list_queries(client, youth, query):
    client.login_as(youth)
    response = client.get(f"/api/v1/ideas{query}")
    assert response.status_code == 422, response.json


def test_unknown_query_parameters_are_refused_everywhere(client, factory, town, youth):
    idea = make_idea(youth)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    assert client.get(f"/api/v1/ideas/{idea.id}?x=1").status_code == 422
    assert client.get("/api/v1/ideas/stats?x=1").status_code == 422
    assert client.get("/api/v1/ideas/stats?since=yesterday").status_code == 422
    assert client.get(f"/api/v1/ideas/{idea.id}?lang=ar").status_code == 200


def test_huge_ids_are_not_found(client, youth):
    client.login_as(youth)
    assert client.get("/api/v1/ideas/99999999999999999999").status_code == 404
    assert client.post("/api/v1/activities/99999999999999999999/feedback",
                       json={"liked": True}).status_code == 404


def test_bad_answers_write_nothing(client, factory, town, youth):
    idea = make_idea(youth)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    path = f"/api/v1/ideas/{idea.id}/answers"
    for body in ({"status": "planned", "message": {"nl": NUL}},
                 {"status": "planned", "message": {"xx-nope": "Hallo"}},
                 {"status": "planned", "message": {"nl": "x" * 1001}},
                 {"status": "planned", "message": "Hallo"},
                 {"status": "planned", "message": {"nl": "Ja"}, "language": "ar"},
                 {"status": "planned", "message": {"nl": "Ja"}, "activity_id": "7"},
                 {"status": "planned", "message": {"nl": "Ja"}, "activity_id": 2**40}):
        response = client.post(path, json=body)
        assert response.status_code == 422, (body, response.json)
    assert db.session.query(IdeaAnswer).count() == 0
    db.session.refresh(idea)
    assert idea.status.value == "new" and idea.first_answered_at is None


def test_bad_report_hide_and_text_input(client, factory, town, youth):
    idea = make_idea(youth)
    client.login_as(factory.user(Role.MENTOR, town))
    assert client.post(f"/api/v1/ideas/{idea.id}/report",
                       json={"reason": "spam", "note": NUL}).status_code == 422
    assert client.post(f"/api/v1/ideas/{idea.id}/hide",
                       json={"reason": NUL}).status_code == 422
    assert client.post(f"/api/v1/ideas/{idea.id}/hide",
                       json={"reason": "x" * 301}).status_code == 422
    assert client.put(f"/api/v1/ideas/{idea.id}/texts/ar",
                      json={"title": NUL, "description": "x"}).status_code == 422
    assert db.session.query(IdeaReport).count() == 0
    db.session.refresh(idea)
    assert idea.hidden_at is None and len(idea.texts) == 1


def test_bad_feedback_comment(client, factory, town, youth):
    activity = finished_activity(town)
    sign_up(youth, activity)
    client.login_as(youth)
    response = client.post(f"/api/v1/activities/{activity.id}/feedback",
                           json={"liked": True, "comment": NUL})
    assert response.status_code == 422 and "comment" in response.json["fields"]


def test_not_json_and_not_an_object(client, youth):
    client.login_as(youth)
    as_form = client.post("/api/v1/ideas", data="title=x",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert as_form.status_code == 415
    assert client.post("/api/v1/ideas", json=["a list"]).status_code == 422
    broken = client.post("/api/v1/ideas", data="{", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400
