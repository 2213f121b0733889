"""Sending: languages end to end, targeting, preview, figures, audit, scheduling, validation."""

import hashlib
import json
from datetime import timedelta

from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import select

TEXTS = [
    {"lang": "nl", "title": "Voetbal vanavond", "body": "Om 19:00 op het veld."},
    {"lang": "ar", "title": "كرة القدم الليلة", "body": "في الساعة 19:00 في الملعب."},
    {"lang": "ti", "title": "ኩዖ እግሪ ሎሚ ምሸት", "body": "ሰዓት 19:00 ኣብ ሜዳ።"},
    {"lang": "en", "title": "Football tonight", "body": "At 19:00 on the pitch."},
]
BY_LANG = {t["lang"]: t for t in TEXTS}


def test_each_recipient_decrypts_exactly_their_own_language(people, push_service):
    youth = {lang: people.youth(ui_language=lang) for lang in ("nl", "ar", "ti", "en", "fa")}
    two_phones = people.youth(devices=2, ui_language="ar")
    response = people.send(TEXTS)
    assert response.status_code == 202, response.get_json()
    assert push_service.wait_for(7)
    for lang, user in youth.items():
        expected = BY_LANG.get(lang, BY_LANG["nl"])  # no Persian text: Dutch
        [message] = push_service.messages(user.endpoints[0])
        payload = message.json()
        assert (payload["title"], payload["body"]) == (expected["title"], expected["body"])
        assert payload["lang"] == expected["lang"]
        assert payload["dir"] == ("rtl" if lang == "ar" else "ltr")
        assert payload["topic"] == message.headers["Topic"]
        assert payload["url"] == f"/inbox/{payload['id']}"
        assert message.headers["TTL"] == "86400" and message.headers["Urgency"] == "normal"
    for endpoint in two_phones.endpoints:
        [message] = push_service.messages(endpoint)
        assert message.json()["title"] == BY_LANG["ar"]["title"]
    assert len(push_service.state.received) == 7
    assert not push_service.state.rejected


def test_inbox_and_figures(people, push_service, client):
    on_phone = people.youth()
    inbox_only = people.youth(devices=0)
    dead = people.youth()
    push_service.answer(dead.endpoints[0], 410)
    sent = people.send(TEXTS).get_json()
    assert people.figures(sent["id"]) == {"targeted": 3, "delivered": 1, "inbox_only": 1,
                                          "failed": 1, "pending": 0, "opened": 0}
    client.login_as(inbox_only)
    inbox = client.get("/api/v1/inbox").get_json()
    assert inbox["unread"] == 1
    [item] = inbox["items"]
    assert item["title"] == "Voetbal vanavond" and item["read_at"] is None
    opened = client.post(f"/api/v1/inbox/{item['id']}/read", json={"opened": True})
    assert opened.status_code == 200 and opened.get_json()["opened_at"]
    assert client.get("/api/v1/inbox").get_json()["unread"] == 0
    client.login_as(on_phone)
    [mine] = client.get("/api/v1/inbox").get_json()["items"]
    assert client.post(f"/api/v1/inbox/{mine['id']}/read").status_code == 200  # no body
    client.login_as(people.worker)
    figures = client.get(f"/api/v1/notifications/{sent['id']}").get_json()["figures"]
    assert figures["opened"] == 1
    [listed] = client.get("/api/v1/notifications").get_json()["items"]
    assert listed["figures"] == figures


def test_targeting_stays_in_the_municipality_and_applies_filters(people, factory, client):
    town = people.town
    first_house = town.locations[0]
    second_house = factory.location(town)
    away = factory.municipality()
    match = people.youth(devices=0, interests=["sport"], languages=["ti", "en"])
    people.youth(devices=0, interests=["music"], languages=["ti"])  # wrong interest
    people.youth(devices=0, interests=["sport"], languages=["ar"])  # wrong language
    elsewhere = people.youth(devices=0, interests=["sport"], languages=["ti"])
    elsewhere.location_id = second_house.id
    inactive = people.youth(devices=0, interests=["sport"], languages=["ti"])
    inactive.is_active_account = False
    db.session.commit()
    factory.user(Role.YOUTH, away, interests=["sport"], languages=["ti"])  # other town
    factory.user(Role.MENTOR, town, interests=["sport"], languages=["ti"])  # not youth
    audience = {"interests": ["sport", "cooking"], "languages": ["ti"],
                "location_ids": [first_house.id]}
    client.login_as(people.worker)
    preview = client.post("/api/v1/notifications/recipients", json={"audience": audience})
    assert preview.get_json() == {"count": 1}
    assert client.post("/api/v1/notifications/recipients", json={}).get_json() == {"count": 4}
    sent = people.send(audience=audience).get_json()
    assert people.figures(sent["id"])["targeted"] == 1
    [item] = db.session.scalars(select(InboxItem)).all()
    assert item.user_id == match.id


def test_location_of_another_municipality_is_refused(people, factory, client):
    away = factory.municipality()
    response = people.send(audience={"location_ids": [away.locations[0].id]})
    assert response.status_code == 422
    assert "location_ids" in response.get_json()["fields"]["audience"]


def test_youth_worker_cannot_send_to_another_municipality(people, factory):
    away = factory.municipality()
    assert people.send(municipality_id=away.id).status_code == 404
    assert people.send(municipality_id=people.town.id).status_code == 202


def test_admin_says_which_municipality(people, factory, client):
    admin = factory.user(Role.ADMIN)
    people.youth(devices=0)
    client.login_as(admin)
    body = {"texts": TEXTS[:1]}
    assert client.post("/api/v1/notifications", json=body).status_code == 422
    sent = client.post("/api/v1/notifications", json={**body, "municipality_id": people.town.id})
    assert sent.status_code == 202
    assert people.figures(sent.get_json()["id"])["targeted"] == 1
    missing = client.post("/api/v1/notifications", json={**body, "municipality_id": 99999})
    assert missing.status_code == 404


def test_every_send_is_audited_with_a_content_hash(people):
    people.youth(devices=0)
    people.youth(devices=0)
    sent = people.send(TEXTS, urgent=True, urgent_reason="Het veld is afgesloten.").get_json()
    entries = db.session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    send = next(e for e in entries if e.action == "notification.send")
    assert send.actor_id == people.worker.id and send.municipality_id == people.town.id
    assert send.details["recipients"] == 2 and send.details["notification_id"] == sent["id"]
    assert len(send.details["content_hash"]) == 64
    logged = json.dumps([e.details for e in entries], ensure_ascii=False)
    assert "Voetbal" not in logged and "Om 19:00" not in logged  # no bodies in the log
    delivered = next(e for e in entries if e.action == "notification.delivered_to_inbox")
    assert delivered.details["recipients"] == 2
    assert delivered.details["content_hash"] == send.details["content_hash"]


def test_content_hash_changes_with_the_content(people):
    first = people.send(TEXTS).get_json()
    second = people.send([{**TEXTS[0], "body": "Om 20:00 op het veld."}]).get_json()
    hashes = {e.details["notification_id"]: e.details["content_hash"]
              for e in db.session.scalars(select(AuditLog)) if e.action == "notification.send"}
    assert hashes[first["id"]] != hashes[second["id"]]
    assert all(len(h) == len(hashlib.sha256().hexdigest()) for h in hashes.values())


def test_scheduled_notification_waits_for_its_time(people, push_service, app):
    user = people.youth()
    later = utcnow() + timedelta(hours=2)
    sent = people.send(send_at=later.isoformat())
    assert sent.status_code == 202
    assert sent.get_json()["status"] == "scheduled"
    assert not push_service.messages()
    assert run_due_work(later - timedelta(minutes=1))["notifications"] == 0
    assert run_due_work(later + timedelta(seconds=1))["notifications"] == 1
    assert push_service.wait_for(1)
    assert len(push_service.messages(user.endpoints[0])) == 1
    assert run_due_work(later + timedelta(minutes=5))["notifications"] == 0  # only once


def test_validation(people, client):
    client.login_as(people.worker)
    cases = [
        {"texts": [{"lang": "en", "title": "Hi", "body": "No Dutch"}]},
        {"texts": [TEXTS[0], TEXTS[0]]},
        {"texts": [{"lang": "nl", "title": "a\x00b", "body": "x"}]},
        {"texts": [{"lang": "nl", "title": "x" * 121, "body": "x"}]},
        {"texts": [{"lang": "xx", "title": "x", "body": "x"}]},
        {"texts": TEXTS, "audience": {"interests": ["unknown"]}},
        {"texts": TEXTS, "surprise": 1},
        {"texts": TEXTS, "send_at": "2030-01-01T10:00:00"},  # no time zone
        {"texts": TEXTS, "send_at": (utcnow() + timedelta(days=400)).isoformat()},
        {"texts": TEXTS, "link": {"kind": "activity", "id": 123456}},
        {"texts": TEXTS, "link": {"kind": "website", "id": 1}},
    ]
    for body in cases:
        response = client.post("/api/v1/notifications", json=body)
        assert response.status_code == 422, (body, response.get_json())
    assert client.get("/api/v1/notifications?bogus=1").status_code == 422
    assert client.get("/api/v1/inbox?bogus=1").status_code == 422
    assert client.get("/api/v1/notifications?limit=1000").status_code == 422


def test_link_to_an_activity_of_the_municipality(people, client):
    from meedoen.activities.models import Activity, ActivityStatus

    start = utcnow() + timedelta(days=3)
    activity = Activity(municipality_id=people.town.id, status=ActivityStatus.PUBLISHED,
                        category="sport", starts_at=start, ends_at=start + timedelta(hours=1),
                        original_language="nl", venue_name="Sporthal")
    db.session.add(activity)
    db.session.commit()
    sent = people.send(link={"kind": "activity", "id": activity.id})
    assert sent.status_code == 202 and sent.get_json()["url"] == f"/activities/{activity.id}"
