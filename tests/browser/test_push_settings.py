"""Settings → "Notifications on this phone": the PWA subscribes with the server's key, the
server sends to that subscription in the young person's language, and off unsubscribes.

Headless Chromium cannot reach a real push service, so the page's PushManager hands out a
subscription on the loopback push service (tests/pushservice), which decrypts what arrives."""

import time

import pytest
from meedoen.extensions import db
from meedoen.push.models import PushSubscription
from meedoen.push.vapid import public_key
from py_vapid import Vapid
from sqlalchemy import select

from tests.pushservice import PushService

from .helpers import tr, until, user_id, wait_for_service_worker

# Replaces the browser's push service with one subscription on the loopback service.
FAKE_PUSH_MANAGER = """(info) => {
    let current = null;
    const make = () => ({endpoint: info.endpoint, expirationTime: null,
        toJSON: () => ({endpoint: info.endpoint, expirationTime: null, keys: info.keys}),
        unsubscribe: async () => { current = null; return true; }});
    PushManager.prototype.getSubscription = async function () { return current; };
    PushManager.prototype.subscribe = async function (options) {
        window.subscribedWithKey = options.applicationServerKey.byteLength;
        current = make();
        return current;
    };
}"""


@pytest.fixture
def push_ready(live_app, monkeypatch):
    vapid = Vapid()
    vapid.generate_keys()
    monkeypatch.setitem(live_app.app.config, "VAPID_PRIVATE_KEY", vapid.private_pem().decode())
    monkeypatch.setitem(live_app.app.config, "PUSH_ALLOW_INSECURE_ENDPOINTS", True)
    with PushService() as service:
        service.expect_key(public_key(vapid))
        yield service


def subscriptions(live_app, username: str) -> list[str]:
    youth = user_id(live_app.app, username)
    with live_app.app.app_context():
        return list(db.session.scalars(
            select(PushSubscription.endpoint).where(PushSubscription.user_id == youth)))


def test_notifications_toggle_subscribes_and_messages_arrive_in_arabic(phone, live_app,
                                                                          push_ready):
    info = push_ready.subscribe()
    youth = phone("ar", "demo-youth-ar", "/settings")
    youth.context.grant_permissions(["notifications"], origin=live_app.url)
    wait_for_service_worker(youth)
    youth.evaluate(FAKE_PUSH_MANAGER, info)
    toggle = youth.get_by_label(tr("ar", "Notifications on this phone"))
    toggle.check()
    until(youth, "window.subscribedWithKey === 65")  # the server's P-256 public key
    assert youth.locator("[role=alert]").count() == 0
    assert subscriptions(live_app, "demo-youth-ar") == [info["endpoint"]]

    worker = phone("nl", "demo-worker", "/notify")
    sent = worker.evaluate("""async () => (await fetch('/api/v1/notifications', {method: 'POST',
        headers: {'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
        body: JSON.stringify({urgent: true, urgent_reason: 'Het koken is verplaatst.',
                              audience: {languages: ['ar']}, texts: [
            {lang: 'nl', title: 'Koken vanavond', body: 'Om 18:00.'},
            {lang: 'ar', title: 'طبخ الليلة', body: 'في الساعة 18:00.'}]})})).status""")
    assert sent == 202
    assert push_ready.wait_for(1)
    [message] = push_ready.messages(info["endpoint"])
    assert message.json()["title"] == "طبخ الليلة" and message.json()["dir"] == "rtl"

    toggle.uncheck()
    until(youth, "navigator.serviceWorker.ready.then(r => r.pushManager.getSubscription())"
                 ".then(s => s === null)")
    deadline = time.monotonic() + 10
    while subscriptions(live_app, "demo-youth-ar") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert subscriptions(live_app, "demo-youth-ar") == []
