"""Export and erasure: the young person's requests, and every trace of them."""

from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.funds.models import SupportRequest
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import func, select

from tests.funds.helpers import request_body


def test_export_and_erasure(as_youth, as_worker, youth, worker, fund):
    request_id = as_youth.post("/api/v1/support-requests", json=request_body()).json["id"]
    as_worker.post(f"/api/v1/support-requests/{request_id}/steps",
                   json={"kind": "applied", "fund_id": fund.id})
    run_due_work()
    exported = as_youth.get("/api/v1/me/export").json
    assert exported["support_requests"][0]["club"] == "VV De Meer"
    assert [s["kind"] for s in exported["support_requests"][0]["steps"]] == ["message",
                                                                           "applied"]
    assert as_worker.get("/api/v1/me/export").json["support_steps_written"]["steps"]
    assert as_youth.delete("/api/v1/me", json={"password": "correct-horse-42"}).status_code \
        in (200, 204)
    assert db.session.scalar(select(func.count()).select_from(SupportRequest)) == 0
    assert db.session.scalar(select(func.count()).select_from(InboxItem)) == 0
    assert db.session.scalar(select(func.count()).select_from(Event)) == 0
