"""Export and erasure of what the notifications feature holds about a user."""

from meedoen.extensions import db
from meedoen.notifications.models import Delivery, InboxItem, Notification
from meedoen.push.models import PushSubscription
from sqlalchemy import select


def test_export_holds_inbox_devices_and_settings(people, client, push_service):
    user = people.youth()
    people.send()
    client.login_as(user)
    client.patch("/api/v1/me/notification-settings", json={"settings": {"ideas": False}})
    export = client.get("/api/v1/me/export").get_json()
    assert [i["title"] for i in export["inbox"]] == ["Hallo"]
    assert export["push_devices"][0]["push_service"] == push_service.origin
    assert "p256dh" not in str(export["push_devices"])
    assert export["notification_settings"] == {"turned_off": ["ideas"]}
    client.login_as(people.worker)
    sent = client.get("/api/v1/me/export").get_json()["notifications_sent"]
    assert sent[0]["texts"][0]["title"] == "Hallo"


def test_erasing_a_youth_removes_their_inbox_devices_and_deliveries(people, client):
    user = people.youth(devices=2)
    people.send()
    client.login_as(user)
    client.patch("/api/v1/me/notification-settings", json={"settings": {"ideas": False}})
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert db.session.scalars(select(InboxItem)).all() == []
    assert db.session.scalars(select(Delivery)).all() == []
    assert db.session.scalars(select(PushSubscription)).all() == []


def test_erasing_a_sender_keeps_the_notification_without_them(people, client):
    people.youth(devices=0)
    people.send()
    client.login_as(people.worker)
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    [notification] = db.session.scalars(select(Notification)).all()
    assert notification.sender_id is None
    assert len(db.session.scalars(select(InboxItem)).all()) == 1
