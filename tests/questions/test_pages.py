"""The questions list pages with the one pagination: latest activity first (then newest id),
{items, next_cursor}; only questions I may read."""

from datetime import timedelta

from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.questions.models import Question

from tests.conftest import FROZEN_NOW


def question(asker, minutes_ago: int) -> Question:
    q = Question(asker_id=asker.id, municipality_id=asker.municipality_id, topic="work",
                 language="nl", body=f"Vraag {minutes_ago}",
                 last_activity_at=FROZEN_NOW - timedelta(minutes=minutes_ago))
    db.session.add(q)
    db.session.commit()
    return q


def test_questions_page_latest_activity_first(factory, client, clock):
    town = factory.municipality()
    me, other = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    mine = [question(me, minutes) for minutes in (30, 10, 10, 20, 40)]  # two at the same time
    question(other, 5)
    client.login_as(me)
    first = client.get("/api/v1/questions?limit=2").get_json()
    expected = [mine[2].id, mine[1].id, mine[3].id, mine[0].id, mine[4].id]
    assert [q["id"] for q in first["items"]] == expected[:2]
    seen, cursor = [q["id"] for q in first["items"]], first["next_cursor"]
    while cursor:
        page = client.get(f"/api/v1/questions?limit=2&cursor={cursor}").get_json()
        seen += [q["id"] for q in page["items"]]
        cursor = page["next_cursor"]
    assert seen == expected
    assert client.get("/api/v1/questions?limit=5").get_json()["next_cursor"] is None


def test_old_arguments_and_other_cursors_are_refused(factory, client, clock):
    me = factory.user(Role.YOUTH, factory.municipality())
    for minutes in (1, 2):
        question(me, minutes)
    client.login_as(me)
    assert client.get("/api/v1/questions?offset=1").status_code == 422
    assert client.get("/api/v1/questions?limit=101").status_code == 422
    cursor = client.get("/api/v1/questions?limit=1").get_json()["next_cursor"]
    assert client.get(f"/api/v1/inbox?cursor={cursor}").status_code == 400
