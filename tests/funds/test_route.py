"""The whole route: a young person asks, an intermediary asks back, applies and grants; the
young person is told at each step in their own language and sees the status and what's next."""

from datetime import date

from meedoen.audit.models import AuditLog
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import select

from tests.activities.helpers import make_activity
from tests.funds.helpers import request_body


def inbox_of(user) -> list[InboxItem]:
    return list(db.session.scalars(select(InboxItem).where(InboxItem.user_id == user.id)
                                   .order_by(InboxItem.id)))


def step(client, request_id, **body):
    return client.post(f"/api/v1/support-requests/{request_id}/steps", json=body)


def test_youth_asks_from_an_activity_and_is_told_at_every_step(as_youth, as_worker, youth,
                                                               worker, fund, town, clock):
    activity = make_activity(town, cost_cents=24000)
    asked = as_youth.post("/api/v1/support-requests?lang=so",
                          json=request_body(activity_id=activity.id, language="so",
                                            message="Waxaan rabaa inaan kubadda cagta ciyaaro."))
    assert asked.status_code == 201, asked.json
    request_id = asked.json["id"]
    assert asked.json["status"] == "new"
    assert [f["name"] for f in asked.json["funds_that_may_fit"]] == [fund.name]
    assert run_due_work()["events"] == 1
    assert inbox_of(worker)[0].lang == "nl"

    queue = as_worker.get("/api/v1/support-requests").json
    assert [r["id"] for r in queue["items"]] == [request_id]
    assert step(as_worker, request_id, kind="question", body="Hoe lang wil je spelen?",
                language="nl").status_code == 201
    mine = as_youth.get(f"/api/v1/support-requests/{request_id}").json
    assert mine["question_open"] is True
    assert step(as_youth, request_id, kind="message", body="Hal sano.").status_code == 201
    assert step(as_worker, request_id, kind="applied", fund_id=fund.id).status_code == 201
    granted = step(as_worker, request_id, kind="granted", amount_cents=24000,
                   start="2026-12-01", paid_to="VV De Meer")
    assert granted.status_code == 201, granted.json
    assert granted.json["grant_end"] == "2027-11-30"
    assert as_worker.get(f"/api/v1/support-requests/{request_id}").status_code == 200

    run_due_work()
    told = inbox_of(youth)
    assert len(told) == 3 and all(item.lang == "so" for item in told)
    assert "VV De Meer" in told[-1].body
    seen = as_youth.get(f"/api/v1/support-requests/{request_id}?lang=so").json
    assert seen["status"] == "granted" and seen["status_label"] != "Granted"
    assert [s["kind"] for s in seen["steps"]] == ["message", "question", "message", "applied",
                                                  "granted"]
    assert seen["next"]
    actions = set(db.session.scalars(select(AuditLog.action).where(
        AuditLog.actor_id == worker.id)))
    assert {"support.question", "support.applied", "support.granted",
            "support.viewed"} <= actions


def test_refused_then_paid_another_way(as_youth, as_worker, fund, youth):
    request_id = as_youth.post("/api/v1/support-requests", json=request_body()).json["id"]
    step(as_worker, request_id, kind="applied", fund_id=fund.id)
    no_reason = step(as_worker, request_id, kind="refused")
    assert no_reason.status_code == 422 and "body" in no_reason.json["fields"]
    refused = step(as_worker, request_id, kind="refused", body="Je bent te oud voor dit fonds.")
    assert refused.json["status"] == "refused"
    other = step(as_worker, request_id, kind="paid_other_way", body="De school betaalt.")
    assert other.json["status"] == "paid_other_way"
    assert step(as_worker, request_id, kind="granted", amount_cents=100,
                start="2026-12-01", paid_to="X").status_code == 409


def test_a_grant_cannot_start_before_the_request_or_exceed_the_fund(as_youth, as_worker, fund,
                                                                    clock):
    request_id = as_youth.post("/api/v1/support-requests", json=request_body()).json["id"]
    assert step(as_worker, request_id, kind="granted", amount_cents=100, start="2026-12-01",
                paid_to="X").status_code == 409
    step(as_worker, request_id, kind="applied", fund_id=fund.id)
    backwards = step(as_worker, request_id, kind="granted", amount_cents=100,
                     start="2026-01-01", paid_to="VV De Meer")
    assert backwards.status_code == 422 and "start" in backwards.json["fields"]
    too_much = step(as_worker, request_id, kind="granted", amount_cents=99999,
                    start="2026-12-01", paid_to="VV De Meer")
    assert "amount_cents" in too_much.json["fields"]
    no_club = step(as_worker, request_id, kind="granted", amount_cents=100, start="2026-12-01")
    assert "paid_to" in no_club.json["fields"]
    ends = step(as_worker, request_id, kind="granted", amount_cents=100, start="2026-12-01",
                end="2027-05-31", paid_to="VV De Meer")
    assert ends.json["grant_end"] == date(2027, 5, 31).isoformat()


def test_a_young_person_only_writes_messages(as_youth, fund):
    request_id = as_youth.post("/api/v1/support-requests", json=request_body()).json["id"]
    assert step(as_youth, request_id, kind="applied", fund_id=fund.id).status_code == 403
    assert step(as_youth, request_id, kind="message").status_code == 422


def test_the_queue_is_oldest_first_and_shows_the_stale(as_worker, factory, town, clock):
    from datetime import timedelta

    from meedoen.auth.models import Role
    from meedoen.core.models import utcnow

    from tests.funds.helpers import make_request

    first, second = (factory.user(Role.YOUTH, town) for _ in range(2))
    eight_days_ago = utcnow() - timedelta(days=8)
    old = make_request(first, created_at=eight_days_ago, last_step_at=eight_days_ago)
    new = make_request(second)
    queue = as_worker.get("/api/v1/support-requests").json["items"]
    assert [r["id"] for r in queue] == [old.id, new.id]
    assert [r["stale"] for r in queue] == [True, False]
    stale = as_worker.get("/api/v1/support-requests?status=stale").json["items"]
    assert [r["id"] for r in stale] == [old.id]


def test_a_marked_mentor_handles_requests_an_unmarked_one_does_not(clock, make_client, factory,
                                                                    town, youth, fund):
    from meedoen.auth.models import Role

    from tests.funds.helpers import make_request

    mentor = factory.user(Role.MENTOR, town)
    admin = make_client().login_as(factory.user(Role.ADMIN))
    request = make_request(youth)
    as_mentor = make_client().login_as(mentor)
    assert as_mentor.get(f"/api/v1/support-requests/{request.id}").status_code == 404
    assert admin.put(f"/api/v1/funds/intermediaries/{mentor.id}").status_code == 200
    assert admin.get("/api/v1/funds/intermediaries").json == [
        {"user_id": mentor.id, "is_intermediary": True}]
    assert admin.put(f"/api/v1/funds/intermediaries/{youth.id}").status_code == 422
    assert as_mentor.get(f"/api/v1/support-requests/{request.id}").status_code == 200
    assert admin.delete(f"/api/v1/funds/intermediaries/{mentor.id}").status_code == 200
    assert as_mentor.get("/api/v1/support-requests").status_code == 403
