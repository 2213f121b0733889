"""Messages cross the language barrier: a youth worker writes in Dutch only, and each young
person gets the message (inbox and push) in their own app language, marked as machine
translated, with the Dutch original one tap away. The sender's own translations are theirs,
and a provider that fails never holds a message back."""

import threading
import time
from datetime import timedelta

import pytest
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem, NotificationText
from meedoen.translation.models import TranslationJob
from sqlalchemy import func, select

from tests.notifications import conftest as push

# The push tests' fixtures: a loopback push service, and youth with devices (`people`).
people, push_app, push_service = push.people, push.push_app, push.push_service
server_key, vapid_pem = push.server_key, push.vapid_pem

DUTCH = {"lang": "nl", "title": "Voetbal vanavond", "body": "Om 19:00 op het veld."}
ORIGINAL = {"language": "nl", "title": DUTCH["title"], "body": DUTCH["body"]}


def translate_requests(server):
    return [r for r in server.requests if r.path == "/translate"]


def inbox(client, user):
    client.login_as(user)
    [item] = client.get("/api/v1/inbox").get_json()["items"]
    return item


def jobs():
    return db.session.scalar(select(func.count()).select_from(TranslationJob))


def test_a_dutch_only_message_reaches_each_youth_in_their_language_marked_machine(
        people, push_service, client, factory, translating):
    arabic, tigrinya, dutch = (people.youth(ui_language=lang) for lang in ("ar", "ti", "nl"))
    factory.user(Role.YOUTH, factory.municipality(), ui_language="so")  # another town
    response = people.send([DUTCH])
    assert response.status_code == 202, response.get_json()
    assert push_service.wait_for(3)
    payload = push_service.messages(arabic.endpoints[0])[0].json()
    assert payload["title"] == "[ar] Voetbal vanavond" and payload["lang"] == "ar"
    assert payload["body"] == "[ar] Om 19:00 op het veld." and payload["dir"] == "rtl"
    assert payload["translation"] == "machine"
    assert push_service.messages(tigrinya.endpoints[0])[0].json()["title"] == (
        "[ti] Voetbal vanavond")
    plain = push_service.messages(dutch.endpoints[0])[0].json()
    assert plain["title"] == DUTCH["title"] and "translation" not in plain
    item = inbox(client, arabic)
    assert item["title"] == "[ar] Voetbal vanavond" and item["lang"] == "ar"
    assert item["translation"] == "machine" and item["original"] == ORIGINAL
    read = client.post(f"/api/v1/inbox/{item['id']}/read", json={"opened": True}).get_json()
    assert read["translation"] == "machine" and read["original"] == ORIGINAL
    mine = inbox(client, dutch)
    assert mine["translation"] == "original" and "original" not in mine
    # Only the recipients' languages: the Somali speaker lives elsewhere, the sender reads Dutch.
    assert {r.json["target"] for r in translate_requests(translating)} == {"ar", "ti"}
    assert jobs() == 0


def test_the_senders_own_translation_is_theirs_and_never_replaced(people, client,
                                                                   translating):
    arabic, tigrinya = people.youth(devices=0, ui_language="ar"), people.youth(
        devices=0, ui_language="ti")
    typed = {"lang": "ar", "title": "كرة القدم الليلة", "body": "في الساعة 19:00."}
    assert people.send([DUTCH, typed]).status_code == 202
    item = inbox(client, arabic)
    assert (item["title"], item["translation"]) == (typed["title"], "human")
    assert "original" not in item
    assert inbox(client, tigrinya)["translation"] == "machine"
    assert {r.json["target"] for r in translate_requests(translating)} == {"ti"}
    stored = db.session.scalars(select(NotificationText).order_by(NotificationText.lang)).all()
    assert {(t.lang, t.origin) for t in stored} == {("ar", "human"), ("nl", "human"),
                                                    ("ti", "machine")}


def test_a_compose_preview_sent_as_it_is_stays_machine_translated(people, client,
                                                                   translating):
    arabic = people.youth(devices=0, ui_language="ar")
    tigrinya = people.youth(devices=0, ui_language="ti")
    client.login_as(people.worker)
    preview = client.post("/api/v1/translation/preview", json={
        "kind": "notification", "source": "nl", "targets": ["ar", "ti"],
        "texts": {"title": DUTCH["title"], "body": DUTCH["body"]}})
    assert preview.status_code == 200, preview.get_json()
    translations = preview.get_json()["translations"]
    assert translations["ar"] == {"title": "[ar] Voetbal vanavond",
                                  "body": "[ar] Om 19:00 op het veld."}
    edited = {**translations["ti"], "title": "ኩዖ እግሪ ሎሚ ምሸት"}
    assert people.send([DUTCH, {"lang": "ar", **translations["ar"]},
                        {"lang": "ti", **edited}]).status_code == 202
    assert inbox(client, arabic)["translation"] == "machine"
    assert inbox(client, arabic)["original"] == ORIGINAL
    assert inbox(client, tigrinya)["translation"] == "human"
    assert len(translate_requests(translating)) == 2  # the preview's; the send asked nothing


@pytest.mark.parametrize("failure", ["503", "not_json", "fewer", "429"])
def test_a_provider_that_fails_never_holds_the_message_back(people, push_service, client,
                                                            translating, failure):
    arabic = people.youth(ui_language="ar")
    translating.fail_next(failure, count=20)
    response = people.send([DUTCH])
    assert response.status_code == 202, response.get_json()
    assert push_service.wait_for(1)
    payload = push_service.messages(arabic.endpoints[0])[0].json()
    assert payload["title"] == DUTCH["title"] and payload["lang"] == "nl"
    item = inbox(client, arabic)
    assert item["title"] == DUTCH["title"] and item["translation"] == "original"
    # Once it has gone out, a translation would reach nobody: the job ends without a request.
    translating._failures.clear()
    asked = len(translate_requests(translating))
    run_due_work(utcnow() + timedelta(hours=7))
    assert jobs() == 0 and len(translate_requests(translating)) == asked


def test_a_fault_in_our_translation_code_never_holds_the_message_back(
        people, push_service, client, translating, monkeypatch):
    from meedoen.translation import worker

    def broken(*args):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(worker, "plan", broken)
    arabic = people.youth(ui_language="ar")
    assert people.send([DUTCH]).status_code == 202
    assert push_service.wait_for(1)
    assert push_service.messages(arabic.endpoints[0])[0].json()["lang"] == "nl"
    # Postponed like a failed try, not left leased: nothing waits on it any more.
    assert db.session.scalar(select(TranslationJob.attempts)) == 1


def test_a_scheduled_message_is_translated_before_it_falls_due(people, client, translating):
    arabic = people.youth(devices=0, ui_language="ar")
    send_at = (utcnow() + timedelta(days=2)).replace(microsecond=0)
    response = people.send([DUTCH], send_at=send_at.isoformat())
    assert response.status_code == 202 and response.get_json()["status"] == "scheduled"
    # Translated at once (while the sender can still see it), sent when it falls due.
    texts = db.session.scalars(select(NotificationText.lang)).all()
    assert sorted(texts) == ["ar", "nl"]
    assert db.session.scalar(select(func.count()).select_from(InboxItem)) == 0
    run_due_work(send_at + timedelta(minutes=1))
    item = inbox(client, arabic)
    assert item["title"] == "[ar] Voetbal vanavond" and item["translation"] == "machine"


def test_without_a_provider_every_youth_gets_the_original(people, client):
    arabic = people.youth(devices=0, ui_language="ar")
    assert people.send([DUTCH]).status_code == 202
    assert jobs() == 0
    item = inbox(client, arabic)
    assert item["title"] == DUTCH["title"] and item["translation"] == "original"


def test_sending_asks_the_background_worker_once(people, client, app, translating,
                                                 monkeypatch):
    from meedoen.notifications import runner

    asked = []
    monkeypatch.setitem(app.config, "NOTIFY_RUNNER", "rq")
    monkeypatch.setattr(runner, "enqueue_rq", lambda app: asked.append(app) or True)
    people.youth(ui_language="ar")
    assert people.send([DUTCH]).status_code == 202
    assert len(asked) == 1 and jobs() == 1  # the job waits for the (not running) worker


def test_a_second_worker_does_not_send_the_message_while_it_is_being_translated(
        people, push_service, app, translating):
    arabic = people.youth(ui_language="ar")
    translating.fail_next("slow", count=5, seconds=1.5)  # under TRANSLATION_TIMEOUT_SECONDS

    def another_worker():  # another process's tick, while the first worker waits for the provider
        deadline = time.monotonic() + 10
        while not translate_requests(translating) and time.monotonic() < deadline:
            time.sleep(0.01)
        with app.app_context():
            run_due_work()

    other = threading.Thread(target=another_worker)
    other.start()
    assert people.send([DUTCH]).status_code == 202
    other.join()
    assert push_service.wait_for(1)
    assert push_service.messages(arabic.endpoints[0])[0].json()["lang"] == "ar"
