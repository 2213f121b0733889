"""Limits per sender on notifications, and on urgent ones (they skip quiet hours): urgent needs
a short reason, stored and audited; each limit is 429 with Retry-After in the sender's
language (issue 13)."""

from datetime import timedelta

from meedoen.audit.models import AuditLog
from meedoen.extensions import db
from meedoen.notifications.models import Notification
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error

TEXT = [{"lang": "nl", "title": "Voetbal", "body": "Om 19:00 op het veld."}]
REASON = "De training gaat vanavond niet door."


def stored() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Notification))


def test_urgent_needs_a_short_reason_which_is_stored_and_audited(people):
    people.youth(devices=0)
    refused = people.send(TEXT, urgent=True)
    body = assert_error(refused, 422, "invalid_input", ["urgent_reason"])
    assert assert_error(people.send(TEXT, urgent=True, urgent_reason="   "), 422,
                        fields=["urgent_reason"])
    assert_error(people.send(TEXT, urgent=True, urgent_reason="x" * 201), 422,
                 fields=["urgent_reason"])
    assert_error(people.send(TEXT, urgent=False, urgent_reason=REASON), 422,
                 fields=["urgent_reason"])
    arabic = people.client.post("/api/v1/notifications?lang=ar",
                                json={"texts": TEXT, "urgent": True})
    assert arabic.get_json()["fields"]["urgent_reason"] != body["fields"]["urgent_reason"]
    assert stored() == 0
    sent = people.send(TEXT, urgent=True, urgent_reason=REASON)
    assert sent.status_code == 202, sent.get_json()
    assert sent.get_json()["urgent_reason"] == REASON
    notification = db.session.get(Notification, sent.get_json()["id"])
    assert notification.urgent_reason == REASON
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "notification.send"))
    assert audit.details["urgent"] is True and audit.details["urgent_reason"] == REASON
    normal = people.send(TEXT)
    assert normal.status_code == 202 and normal.get_json()["urgent_reason"] is None


def test_urgent_stays_rare(people, clock):
    statuses = [people.send(TEXT, urgent=True, urgent_reason=REASON).status_code
                for _ in range(4)]
    assert statuses == [202, 202, 202, 429]  # URGENT_NOTIFICATION_LIMITS: 3 per day
    refused = people.send(TEXT, urgent=True, urgent_reason=REASON)
    assert_error(refused, 429, "too_many_urgent")
    assert 20 * 3600 < int(refused.headers["Retry-After"]) <= 24 * 3600
    in_arabic = people.client.post("/api/v1/notifications?lang=ar", json={
        "texts": TEXT, "urgent": True, "urgent_reason": REASON})
    assert assert_error(in_arabic, 429)["message"] != refused.get_json()["message"]
    assert people.send(TEXT).status_code == 202  # a normal message still goes
    assert stored() == 4
    clock.shift(timedelta(days=1, minutes=1))
    assert people.send(TEXT, urgent=True, urgent_reason=REASON).status_code == 202


def test_notifications_are_limited_per_sender(people, factory, clock, app, monkeypatch):
    monkeypatch.setitem(app.config, "NOTIFICATION_LIMITS", "4 per hour; 6 per day")
    statuses = [people.send(TEXT).status_code for _ in range(5)]
    assert statuses == [202] * 4 + [429]
    refused = people.send(TEXT)
    assert_error(refused, 429, "too_many_notifications")
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    # Another youth worker of the same town is not held back by the first one's count.
    other = factory.user("youth_worker", people.town)
    people.client.login_as(other)
    assert people.client.post("/api/v1/notifications", json={"texts": TEXT}).status_code == 202
    clock.shift(timedelta(hours=1, minutes=1))
    assert [people.send(TEXT).status_code for _ in range(3)] == [202, 202, 429]  # 6 a day
    assert stored() == 7
