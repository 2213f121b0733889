"""Encryption in worker processes: used for large batches, and never at the cost of a message."""

import pytest
from meedoen.extensions import db
from meedoen.notifications.models import Delivery, DeliveryStatus
from meedoen.push import encryption
from meedoen.push.client import get_push_client
from meedoen.push.models import PushSubscription
from sqlalchemy import select, update

TEXTS = [{"lang": "nl", "title": "Zwemmen", "body": "Zaterdag om 14:00."},
         {"lang": "ar", "title": "سباحة", "body": "يوم السبت الساعة 14:00."}]
BATCH = 2 * encryption.POOL_MIN  # enough to go to the pool


@pytest.fixture
def pooled(push_app, monkeypatch):
    monkeypatch.setitem(push_app.config, "PUSH_ENCRYPT_PROCESSES", 1)
    with push_app.app_context():
        client = get_push_client()
        assert client.warm_up(timeout=60)
        yield client
        client.close()
        push_app.extensions.pop("meedoen_push_client")


def refuse_inline(monkeypatch):
    """Encryption in this process now fails: what arrives was encrypted by the pool."""
    def inline(subscription, payload):
        raise AssertionError("encrypted inline")
    monkeypatch.setattr(encryption, "encrypt", inline)


def assert_each_got_their_language(people, users):
    for user in users:
        (message,) = people.service.messages(user.endpoints[0])
        expected = next(t for t in TEXTS if t["lang"] == user.ui_language)
        assert message.json()["title"] == expected["title"]


def test_a_large_batch_is_encrypted_in_the_pool(people, pooled, monkeypatch):
    users = [people.youth(ui_language=("nl", "ar")[i % 2]) for i in range(BATCH)]
    refuse_inline(monkeypatch)
    assert people.send(TEXTS).status_code == 202
    assert_each_got_their_language(people, users)


def test_a_broken_pool_falls_back_to_inline_encryption(people, pooled):
    users = [people.youth(ui_language="ar") for _ in range(BATCH)]
    for process in list(pooled._encryptor._pool._processes.values()):
        process.kill()
        process.join(10)
    assert people.send(TEXTS).status_code == 202
    assert_each_got_their_language(people, users)
    assert not pooled._encryptor.pooled


@pytest.mark.parametrize("processes", [0, 1])
def test_unusable_keys_fail_that_device_only(people, push_app, monkeypatch, processes, caplog):
    monkeypatch.setitem(push_app.config, "PUSH_ENCRYPT_PROCESSES", processes)
    users = [people.youth(ui_language="nl") for _ in range(BATCH)]
    broken = users[3].endpoints[0]
    db.session.execute(update(PushSubscription).where(PushSubscription.endpoint == broken)
                       .values(p256dh="AAAA"))
    db.session.commit()
    get_push_client().warm_up(timeout=60)
    assert people.send(TEXTS).status_code == 202
    assert people.service.messages(broken) == []
    assert len(people.service.messages()) == BATCH - 1
    db.session.expire_all()
    statuses = db.session.scalars(select(Delivery.status)).all()
    assert sorted(statuses) == sorted([DeliveryStatus.SENT] * (BATCH - 1)
                                      + [DeliveryStatus.FAILED])
    if not processes:  # logged here: the push service's origin, never the device's path
        assert "cannot encrypt for a device at http://127.0.0.1:" in caplog.text
        assert broken.rsplit("/", 1)[1] not in caplog.text


def test_a_crash_in_encryption_fails_those_deliveries_and_does_not_hang(people, monkeypatch):
    people.youth()

    async def crash(self, items):
        raise RuntimeError("bug")
    monkeypatch.setattr(encryption.Encryptor, "encrypt", crash)
    assert people.send(TEXTS).status_code == 202
    db.session.expire_all()
    assert db.session.scalars(select(Delivery.status)).all() == [DeliveryStatus.FAILED]
    assert people.service.messages() == []
