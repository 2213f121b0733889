"""Subscriptions: key, validation, device limit and the endpoint allowlist (SSRF)."""

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.push.endpoints import endpoint_allowed, origin
from meedoen.push.models import PushSubscription
from sqlalchemy import func, select

FCM = "https://fcm.googleapis.com/fcm/send/abc123"


def test_key_is_served_and_subscriptions_made_with_an_old_key_are_refused(
        people, client, push_service, server_key):
    key = client.get("/api/v1/push/key").get_json()
    assert key["public_key"] == server_key and len(key["key_id"]) == 16
    user = people.youth(devices=0)
    client.login_as(user)
    stale = client.post("/api/v1/push/subscriptions",
                        json={**push_service.subscribe(), "application_server_key": "old"})
    assert stale.status_code == 409 and stale.get_json()["code"] == "stale_key"


def test_no_key_configured_answers_503(app, client, monkeypatch, tmp_path):
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", None)
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    assert client.get("/api/v1/push/key").status_code == 503


def test_subscribe_again_updates_and_unsubscribe(people, client, push_service, server_key):
    user = people.youth(devices=0)
    info = push_service.subscribe()
    client.login_as(user)
    body = {**info, "application_server_key": server_key, "expirationTime": None}
    first = client.post("/api/v1/push/subscriptions", json=body).get_json()
    again = client.post("/api/v1/push/subscriptions", json=body).get_json()
    assert first["id"] == again["id"]
    other = people.youth(devices=0)
    client.login_as(other)
    assert client.delete(f"/api/v1/push/subscriptions/{first['id']}").status_code == 404
    client.login_as(user)
    assert client.delete(f"/api/v1/push/subscriptions/{first['id']}").status_code == 204
    assert client.delete(f"/api/v1/push/subscriptions/{first['id']}").status_code == 404


def test_a_shared_phone_moves_to_the_new_user(people, client, push_service, server_key):
    info = push_service.subscribe()
    body = {**info, "application_server_key": server_key}
    for user in (people.youth(devices=0), people.youth(devices=0)):
        client.login_as(user)
        assert client.post("/api/v1/push/subscriptions", json=body).status_code == 201
    [row] = db.session.scalars(select(PushSubscription)).all()
    assert row.user_id == user.id


def test_at_most_a_few_devices_per_user(people, app):
    user = people.youth(devices=app.config["PUSH_MAX_DEVICES"] + 2)
    rows = db.session.scalars(select(PushSubscription).where(PushSubscription.user_id == user.id)
                              .order_by(PushSubscription.id)).all()
    assert len(rows) == app.config["PUSH_MAX_DEVICES"]
    assert [r.endpoint for r in rows] == user.endpoints[2:]  # the oldest were replaced


@pytest.mark.parametrize("keys", [
    {"p256dh": "AAAA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
    {"p256dh": "B" + "A" * 86, "auth": "AAAAAAAAAAAAAAAAAAAAAA"},  # not a point on P-256
    {"p256dh": None, "auth": "x"},
    {"auth": "AAAAAAAAAAAAAAAAAAAAAA"},
    {"p256dh": "valid", "auth": "AAAA"},  # auth must be 16 bytes
    {"p256dh": "valid", "auth": "!!!!"},
])
def test_keys_are_validated(keys, people, client, push_service, server_key):
    info = push_service.subscribe()
    if keys.get("p256dh") == "valid":
        keys = {**keys, "p256dh": info["keys"]["p256dh"]}
    client.login_as(people.youth(devices=0))
    response = client.post("/api/v1/push/subscriptions",
                           json={"endpoint": info["endpoint"], "keys": keys,
                                 "application_server_key": server_key})
    assert response.status_code == 422, response.get_json()
    assert db.session.scalar(select(func.count()).select_from(PushSubscription)) == 0


ACCEPTED = [
    FCM,
    "https://fcm.googleapis.com:443/fcm/send/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
    "https://web.push.apple.com/QGx3",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
]
REFUSED = [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://fcm.googleapis.com:8443/fcm/send/abc",  # other port
    "https://fcm.googleapis.com:/fcm/send/abc",  # empty port
    "https://fcm.googleapis.com:443:80/x",
    "https://user:pw@fcm.googleapis.com/fcm/send/abc",  # user info
    "https://fcm.googleapis.com@169.254.169.254/latest/meta-data",
    "https://169.254.169.254@fcm.googleapis.com/x",
    "https://169.254.169.254/latest/meta-data",  # IP literals
    "https://127.0.0.1/x", "https://[::1]/x", "https://2130706433/x", "https://0x7f.0.0.1/x",
    "https://fcm.googleapis.com.evil.example/x",  # suffix tricks
    "https://evilfcm.googleapis.com/x",
    "https://fcm.googleapis.com./x",  # trailing dot
    "https://evil.example/fcm.googleapis.com/x",
    "https://notify.windows.com/x",  # the bare suffix is not a host of the list
    "https://fcm.googIeapis.com/x",  # look-alike
    "https://fcm.googleаpis.com/x",  # Cyrillic а (IDN homograph)
    "https://xn--fcm-googleapis-xyz.com/x",
    "https://FCM.GOOGLEAPIS.COM/x",
    "https://fcm.googleapis.com\\@evil.example/x",
    "https://fcm.googleapis.com /x",
    "https://fcm.googleapis.com/x#frag",
    "https://fcm.googleapis.com",  # no path
    "https:///x", "file:///etc/passwd", "gopher://fcm.googleapis.com/x", "", None, 42,
    "https://fcm.googleapis.com/" + "a" * 2100,
    "http://127.0.0.1:8080/x",  # loopback only with the test setting
]


@pytest.mark.parametrize("url", ACCEPTED)
def test_push_services_are_accepted(url, app):
    assert endpoint_allowed(url, app)


@pytest.mark.parametrize("url", REFUSED)
def test_other_endpoints_are_refused(url, app, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_ALLOW_INSECURE_ENDPOINTS", False)
    assert not endpoint_allowed(url, app)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/x",  # loopback needs an explicit port
    "http://localhost:8080/x", "http://127.0.0.2:8080/x", "http://[::1]:8080/x",
    "http://user@127.0.0.1:8080/x", "http://127.0.0.1:0/x", "http://127.0.0.1:99999/x",
    "https://127.0.0.1:8080/x",
])
def test_insecure_setting_admits_only_loopback_with_a_port(url, app, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_ALLOW_INSECURE_ENDPOINTS", True)
    assert endpoint_allowed("http://127.0.0.1:8080/push/x", app)
    assert not endpoint_allowed(url, app)


def test_insecure_setting_is_refused_in_production(app, monkeypatch):
    from meedoen.push.settings import configure

    monkeypatch.setitem(app.config, "PUSH_ALLOW_INSECURE_ENDPOINTS", True)
    monkeypatch.setitem(app.config, "MEEDOEN_ENV", "production")
    assert not endpoint_allowed("http://127.0.0.1:8080/push/x", app)
    with pytest.raises(RuntimeError):
        configure(app)


def test_the_allowlist_is_configurable(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_SERVICE_HOSTS", ("push.example.org", ".push.test"))
    assert endpoint_allowed("https://push.example.org/x", app)
    assert endpoint_allowed("https://eu.push.test/x", app)
    assert not endpoint_allowed(FCM, app)


def test_subscribe_refuses_other_endpoints(people, client, push_service, server_key):
    info = push_service.subscribe()
    client.login_as(people.youth(devices=0))
    for endpoint in ("https://169.254.169.254/latest", "https://user@fcm.googleapis.com/x",
                     "https://fcm.googleapis.com:8443/x"):
        response = client.post("/api/v1/push/subscriptions",
                               json={**info, "endpoint": endpoint,
                                     "application_server_key": server_key})
        assert response.status_code == 422
        assert "endpoint" in response.get_json()["fields"]


def test_the_jwt_audience_keeps_a_non_default_port():
    assert origin("https://fcm.googleapis.com/x") == "https://fcm.googleapis.com"
    assert origin("https://fcm.googleapis.com:443/x") == "https://fcm.googleapis.com"
    assert origin("http://127.0.0.1:8123/push/x") == "http://127.0.0.1:8123"


def test_staff_can_subscribe_too(people, factory, client, push_service, server_key):
    mentor = factory.user(Role.MENTOR, people.town)
    client.login_as(mentor)
    response = client.post("/api/v1/push/subscriptions",
                           json={**push_service.subscribe(), "application_server_key": server_key})
    assert response.status_code == 201
