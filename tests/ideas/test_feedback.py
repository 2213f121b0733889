"""One tap after an activity; organisers see totals, and no API ties an answer to a person."""

import json

import pytest
from meedoen.activities.models import ActivityFeedback, ActivityStatus, FeedbackGiven, SignupStatus
from meedoen.auth.models import Role
from meedoen.extensions import db
from sqlalchemy import inspect

from tests.ideas.helpers import finished_activity, sign_up


@pytest.fixture
def organiser(factory, town):
    return factory.user(Role.YOUTH_WORKER, town)


@pytest.fixture
def activity(town, organiser):
    return finished_activity(town, days_ago=1, created_by_id=organiser.id,
                             texts={"nl": ("Kookavond", "Samen koken"),
                                    "ar": ("أمسية طبخ", "نطبخ معًا")})


def went(factory, town, activity, **fields):
    youth = factory.user(Role.YOUTH, town, **fields)
    sign_up(youth, activity)
    return youth


def give(client, activity, **body):
    return client.post(f"/api/v1/activities/{activity.id}/feedback",
                       json={"liked": True, **body})


def totals(client, activity):
    return client.get(f"/api/v1/activities/{activity.id}/feedback")


def test_the_day_after_one_tap_once(client, factory, town, activity):
    youth = went(factory, town, activity)
    client.login_as(youth)
    due = client.get("/api/v1/me/feedback-due")
    assert due.status_code == 200
    assert [(d["activity_id"], d["text"]["title"]) for d in due.json] == [
        (activity.id, "Kookavond")]
    assert give(client, activity).status_code == 204
    again = give(client, activity, liked=False)
    assert again.status_code == 409 and again.json["code"] == "feedback_given"
    assert client.get("/api/v1/me/feedback-due").json == []
    assert db.session.query(ActivityFeedback).count() == 1


def test_feedback_due_in_the_readers_language(client, factory, town, activity):
    client.login_as(went(factory, town, activity, ui_language="ar"))
    due = client.get("/api/v1/me/feedback-due").json[0]["text"]
    assert (due["title"], due["language"], due["fallback"]) == ("أمسية طبخ", "ar", False)


def test_only_those_who_went(client, factory, town, activity):
    client.login_as(factory.user(Role.YOUTH, town))
    refused = give(client, activity)
    assert refused.status_code == 403 and refused.json["code"] == "not_signed_up"
    waiting = factory.user(Role.YOUTH, town)
    sign_up(waiting, activity, SignupStatus.WAITLISTED)
    client.login_as(waiting)
    assert give(client, activity).status_code == 403
    client.login_as(factory.user(Role.YOUTH, factory.municipality()))
    assert give(client, activity).status_code == 404
    client.login_as(factory.user(Role.MENTOR, town))
    assert give(client, activity).status_code == 403


@pytest.mark.parametrize(("days_ago", "code"), [(-1, "feedback_too_early"),
                                                (8, "feedback_closed")])
def test_only_in_the_week_after(client, factory, town, days_ago, code):
    activity = finished_activity(town, days_ago=days_ago)
    client.login_as(went(factory, town, activity))
    response = give(client, activity)
    assert response.status_code == 409 and response.json["code"] == code
    assert client.get("/api/v1/me/feedback-due").json == []


def test_not_for_a_cancelled_activity(client, factory, town):
    activity = finished_activity(town, status=ActivityStatus.CANCELLED)
    client.login_as(went(factory, town, activity))
    assert give(client, activity).json["code"] == "activity_cancelled"


def test_organisers_see_totals_once_enough_answered(client, app, factory, town, activity,
                                                    organiser, monkeypatch):
    monkeypatch.setitem(app.config, "FEEDBACK_MIN_RESPONSES", 3)
    answers = [(True, "Lekker eten"), (False, None), (True, "  "), (True, "Another time!")]
    people = [went(factory, town, activity, display_name=f"Jongere {n}") for n in range(4)]
    client.login_as(people[0])
    give(client, activity, liked=answers[0][0], comment=answers[0][1])
    client.login_as(organiser)
    early = totals(client, activity).json
    assert early == {"activity_id": activity.id, "responses": 1, "shown": False, "minimum": 3,
                     "liked": None, "not_liked": None, "comments": None}
    for person, (liked, comment) in zip(people[1:], answers[1:], strict=True):
        client.login_as(person)
        body = {"liked": liked} | ({"comment": comment} if comment is not None else {})
        assert give(client, activity, **body).status_code == 204
    client.login_as(organiser)
    shown = totals(client, activity).json
    assert (shown["responses"], shown["liked"], shown["not_liked"]) == (4, 3, 1)
    assert shown["comments"] == ["Another time!", "Lekker eten"]  # sorted, not in given order


def test_no_api_ties_feedback_to_a_person(client, app, factory, town, activity, organiser,
                                          monkeypatch):
    monkeypatch.setitem(app.config, "FEEDBACK_MIN_RESPONSES", 1)
    youth = went(factory, town, activity, display_name="Herkenbaar")
    client.login_as(youth)
    give(client, activity, liked=False, comment="Te druk")
    client.login_as(organiser)
    body = totals(client, activity).get_data(as_text=True)
    assert "Herkenbaar" not in body and youth.username not in body
    assert set(json.loads(body)) == {"activity_id", "responses", "shown", "minimum", "liked",
                                     "not_liked", "comments"}
    signups = client.get(f"/api/v1/activities/{activity.id}/signups").get_data(as_text=True)
    assert "Te druk" not in signups
    client.login_as(youth)
    export = client.get("/api/v1/me/export").json
    assert export["activity_feedback_given"] == [activity.id]
    assert "Te druk" not in json.dumps(export)


def test_stored_apart_without_person_or_time():
    stored = {c.name for c in inspect(ActivityFeedback).columns}
    assert stored == {"id", "activity_id", "liked", "comment"}
    assert {c.name for c in inspect(FeedbackGiven).columns} == {"activity_id", "user_id"}
    assert not any(fk.column.table.name == "user"
                   for c in inspect(ActivityFeedback).columns for fk in c.foreign_keys)


def test_feedback_stays_when_the_person_leaves(client, factory, town, activity, organiser):
    youth = went(factory, town, activity)
    client.login_as(youth)
    give(client, activity)
    assert client.delete("/api/v1/me").status_code == 204
    assert db.session.query(FeedbackGiven).count() == 0
    assert db.session.query(ActivityFeedback).count() == 1


@pytest.mark.parametrize("role", [Role.YOUTH, Role.CONTACT])
def test_youth_and_other_contacts_do_not_see_totals(client, factory, town, activity, role):
    client.login_as(factory.user(role, town))
    assert totals(client, activity).status_code == 403


def test_feedback_input_is_checked(client, factory, town, activity):
    client.login_as(went(factory, town, activity))
    assert client.post(f"/api/v1/activities/{activity.id}/feedback",
                       json={}).status_code == 422
    too_long = give(client, activity, comment="x" * 201)
    assert too_long.status_code == 422 and "comment" in too_long.json["fields"]
    assert give(client, activity, comment="a\nb").status_code == 422
    assert give(client, activity, liked="maybe").status_code == 422
    assert db.session.query(FeedbackGiven).count() == 0


def test_organisers_list_their_recent_activities_with_totals(client, app, factory, town,
                                                              activity, organiser, monkeypatch):
    monkeypatch.setitem(app.config, "FEEDBACK_MIN_RESPONSES", 2)
    for liked in (True, False):
        client.login_as(went(factory, town, activity))
        give(client, activity, liked=liked)
    finished_activity(town, days_ago=40)                      # too long ago
    finished_activity(factory.municipality(), days_ago=1)     # elsewhere
    contact = factory.user(Role.CONTACT, town)
    own = finished_activity(town, days_ago=2, created_by_id=contact.id)
    client.login_as(organiser)
    listed = client.get("/api/v1/feedback").json
    assert [(a["activity_id"], a["responses"], a["liked"]) for a in listed] == [
        (activity.id, 2, 1), (own.id, 0, None)]
    assert listed[0]["text"]["title"] == "Kookavond"
    client.login_as(contact)
    assert [a["activity_id"] for a in client.get("/api/v1/feedback").json] == [own.id]
    client.login_as(factory.user(Role.YOUTH, town))
    assert client.get("/api/v1/feedback").status_code == 403
