"""Export and erasure of what the ideas feature holds about a person."""

from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaAnswer, IdeaReport, IdeaSupport
from sqlalchemy import select

from tests.foundation.test_erasure import references
from tests.ideas.helpers import add_support, finished_activity, make_idea, sign_up


def test_export_has_ideas_supports_reports_and_answers(client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    other = make_idea(factory.user(Role.YOUTH, town))
    mine = make_idea(youth, texts={"so": ("Bandhig hibo", "Qof walba")})
    add_support(other, youth)
    client.login_as(youth)
    client.post(f"/api/v1/ideas/{other.id}/report", json={"reason": "spam", "note": "Reclame"})
    export = client.get("/api/v1/me/export").json
    assert [i["id"] for i in export["ideas"]] == [mine.id]
    assert export["ideas"][0]["texts"] == {"so": {"title": "Bandhig hibo",
                                                  "description": "Qof walba",
                                                  "translation": "original"}}
    assert [(s["idea_id"], s["kind"]) for s in export["idea_supports"]] == [(other.id, "join")]
    assert export["idea_reports"][0]["note"] == "Reclame"
    worker = factory.user(Role.YOUTH_WORKER, town)
    client.login_as(worker)
    client.post(f"/api/v1/ideas/{mine.id}/answers",
                json={"status": "planned", "message": {"nl": "Komt eraan"}})
    written = client.get("/api/v1/me/export").json["idea_answers_written"]
    assert written[0]["messages"] == {"nl": "Komt eraan"}


def test_erasure_removes_own_ideas_supports_and_reports(client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    others_idea = make_idea(factory.user(Role.YOUTH, town))
    make_idea(youth)
    add_support(others_idea, youth)
    client.login_as(youth)
    client.post(f"/api/v1/ideas/{others_idea.id}/report", json={"reason": "spam"})
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert list(db.session.scalars(select(Idea.id))) == [others_idea.id]
    assert db.session.query(IdeaSupport).count() == 0
    assert db.session.query(IdeaReport).count() == 0


def test_an_answer_stays_when_its_staff_author_leaves(client, factory):
    town = factory.municipality()
    idea = make_idea(factory.user(Role.YOUTH, town))
    worker = factory.user(Role.YOUTH_WORKER, town)
    client.login_as(worker)
    client.post(f"/api/v1/ideas/{idea.id}/answers",
                json={"status": "planned", "message": {"nl": "Komt eraan"}})
    client.post(f"/api/v1/ideas/{idea.id}/hide", json={"reason": "Even niet tonen"})
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    answer = db.session.scalar(select(IdeaAnswer))
    assert answer.author_id is None
    assert db.session.get(Idea, idea.id).hidden_by_id is None
    client.login_as(idea.author)
    assert client.get(f"/api/v1/ideas/{idea.id}").json["answers"][0]["by"] is None


def test_no_row_references_an_erased_person(client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    worker = factory.user(Role.YOUTH_WORKER, town)
    mine = make_idea(youth)
    theirs = make_idea(factory.user(Role.YOUTH, town))
    add_support(theirs, youth)
    activity = finished_activity(town)
    sign_up(youth, activity)
    client.login_as(youth)
    client.post(f"/api/v1/ideas/{theirs.id}/report", json={"reason": "spam"})
    client.post(f"/api/v1/activities/{activity.id}/feedback", json={"liked": True})
    client.login_as(worker)
    client.post(f"/api/v1/ideas/{theirs.id}/answers",
                json={"status": "planned", "message": {"nl": "Ja"}})
    client.post(f"/api/v1/ideas/{theirs.id}/hide", json={"reason": "Even niet"})
    ids = {"youth": youth.id, "worker": worker.id, "mine": mine.id, "theirs": theirs.id}
    assert {"idea.author_id", "idea_support.user_id", "idea_report.reporter_id",
            "feedback_given.user_id"} <= set(references(ids["youth"]))
    assert {"idea_answer.author_id", "idea.hidden_by_id"} <= set(references(ids["worker"]))
    for person in (youth, worker):
        client.login_as(person)
        assert client.delete("/api/v1/me").status_code == 204
    assert references(ids["youth"]) == {} and references(ids["worker"]) == {}
    assert db.session.get(Idea, ids["mine"]) is None
    assert db.session.get(Idea, ids["theirs"]) is not None
