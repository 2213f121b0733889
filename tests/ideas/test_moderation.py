"""Reports by anyone; staff hide an idea with a reason that its author sees."""

import pytest
from flask_babel import force_locale
from meedoen.auth.models import Role
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.ideas.models import IdeaReport
from sqlalchemy import select

from tests.ideas.helpers import make_idea


@pytest.fixture
def idea(youth):
    return make_idea(youth, texts={"nl": ("Feest", "Iedereen is welkom")})


@pytest.fixture
def mentor(factory, town):
    return factory.user(Role.MENTOR, town)


def report(client, idea, **body):
    return client.post(f"/api/v1/ideas/{idea.id}/report", json={"reason": "hurtful", **body})


def hide(client, idea, reason="Er staat een telefoonnummer in."):
    return client.post(f"/api/v1/ideas/{idea.id}/hide", json={"reason": reason})


def test_anyone_reports_once_and_staff_see_open_reports(client, factory, town, idea, mentor):
    reporter = factory.user(Role.YOUTH, town)
    client.login_as(reporter)
    assert report(client, idea, note="Dit is gemeen").status_code == 204
    assert report(client, idea, reason="spam").status_code == 204
    assert db.session.query(IdeaReport).count() == 1
    client.login_as(factory.user(Role.CONTACT, town))
    assert report(client, idea, reason="spam").status_code == 204
    assert client.get(f"/api/v1/ideas/{idea.id}").json["reports"] is None
    client.login_as(mentor)
    reported = client.get("/api/v1/ideas?reported=true").json["items"]
    assert [i["id"] for i in reported] == [idea.id]
    assert reported[0]["reports"] == {"open": 2, "reasons": {"hurtful": 1, "spam": 1},
                                      "notes": ["Dit is gemeen"]}


def test_hiding_shows_the_reason_to_the_author_only(client, factory, town, youth, idea,
                                                     mentor):
    client.login_as(factory.user(Role.YOUTH, town))
    report(client, idea)
    client.login_as(mentor)
    response = hide(client, idea)
    assert response.status_code == 200, response.json
    assert response.json["hidden"]["reason"] == "Er staat een telefoonnummer in."
    assert response.json["reports"]["open"] == 0
    assert client.get("/api/v1/ideas?reported=true").json["items"] == []
    assert [i["id"] for i in client.get("/api/v1/ideas?hidden=true").json["items"]] == [idea.id]

    client.login_as(factory.user(Role.YOUTH, town))
    assert client.get(f"/api/v1/ideas/{idea.id}").status_code == 404
    assert client.get("/api/v1/ideas").json["items"] == []
    assert client.post(f"/api/v1/ideas/{idea.id}/support", json={}).status_code == 404

    client.login_as(youth)
    mine = client.get(f"/api/v1/ideas/{idea.id}")
    assert mine.status_code == 200
    assert mine.json["hidden"]["reason"] == "Er staat een telefoonnummer in."
    assert [i["id"] for i in client.get("/api/v1/ideas").json["items"]] == [idea.id]


def test_the_author_is_told_when_an_idea_is_hidden(client, youth, idea, mentor):
    client.login_as(mentor)
    hide(client, idea)
    hide(client, idea, reason="Een betere reden")
    db.session.expire_all()  # the requests changed the idea behind this session's back
    told = list(db.session.scalars(select(Event).where(Event.kind == "idea.hidden")))
    assert [e.user_id for e in told] == [youth.id]
    with force_locale("nl"):
        shown = render(told[0])
    assert "Een betere reden" in shown["body"] and shown["url"] == f"/ideas/{idea.id}"


def test_unhide_shows_the_idea_again(client, factory, town, idea, mentor):
    client.login_as(mentor)
    hide(client, idea)
    response = client.delete(f"/api/v1/ideas/{idea.id}/hide")
    assert response.status_code == 200 and response.json["hidden"] is None
    client.login_as(factory.user(Role.YOUTH, town))
    assert client.get(f"/api/v1/ideas/{idea.id}").status_code == 200


@pytest.mark.parametrize("role", [Role.YOUTH, Role.CONTACT])
def test_only_staff_who_answer_can_hide(client, factory, town, idea, role):
    client.login_as(factory.user(role, town))
    assert hide(client, idea).status_code == 403
    assert client.delete(f"/api/v1/ideas/{idea.id}/hide").status_code == 403


def test_hiding_needs_a_reason(client, idea, mentor):
    client.login_as(mentor)
    assert client.post(f"/api/v1/ideas/{idea.id}/hide", json={}).status_code == 422
    assert hide(client, idea, reason=" ").status_code == 422


def test_reports_from_another_municipality_are_not_found(client, factory, idea):
    client.login_as(factory.user(Role.YOUTH, factory.municipality()))
    assert report(client, idea).status_code == 404
    assert db.session.query(IdeaReport).count() == 0


def test_report_reason_must_be_known(client, factory, town, idea):
    client.login_as(factory.user(Role.YOUTH, town))
    response = report(client, idea, reason="boring")
    assert response.status_code == 422 and "reason" in response.json["fields"]
