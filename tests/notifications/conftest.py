import pytest
from meedoen.auth.models import Role
from meedoen.push.vapid import public_key
from py_vapid import Vapid

from tests.pushservice import PushService


@pytest.fixture(scope="session")
def vapid_pem() -> str:
    vapid = Vapid()
    vapid.generate_keys()
    return vapid.private_pem().decode()


@pytest.fixture(scope="session")
def server_key(vapid_pem) -> str:
    return public_key(Vapid.from_pem(vapid_pem.encode()))


PUSH_TEST_CONFIG = {
    "PUSH_ALLOW_INSECURE_ENDPOINTS": True,
    "NOTIFY_RUNNER": "inline",
    "PUSH_TIMEOUT": 2.0,
    "PUSH_CONNECT_TIMEOUT": 1.0,
    "PUSH_BACKOFF": 0.05,
    "PUSH_MAX_INLINE_WAIT": 1.0,
    "PUSH_CONCURRENCY": 8,
}


@pytest.fixture
def push_app(app, vapid_pem, monkeypatch):
    """The app with a VAPID key, loopback endpoints allowed and work done inline."""
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", vapid_pem)
    for name, value in PUSH_TEST_CONFIG.items():
        monkeypatch.setitem(app.config, name, value)
    return app


@pytest.fixture
def push_service(server_key):
    with PushService() as service:
        service.expect_key(server_key)
        yield service


class People:
    """A municipality with a youth worker and helpers to make youth with devices."""

    def __init__(self, factory, client, service, server_key):
        self.factory, self.client, self.service, self.server_key = (factory, client, service,
                                                                    server_key)
        self.town = factory.municipality()
        self.worker = factory.user(Role.YOUTH_WORKER, self.town)

    def youth(self, devices: int = 1, **fields):
        user = self.factory.user(Role.YOUTH, fields.pop("municipality", self.town), **fields)
        user.endpoints = [self.subscribe(user) for _ in range(devices)]
        return user

    def subscribe(self, user) -> str:
        info = self.service.subscribe()
        self.client.login_as(user)
        response = self.client.post("/api/v1/push/subscriptions",
                                    json={**info, "application_server_key": self.server_key})
        assert response.status_code == 201, response.get_json()
        return info["endpoint"]

    def send(self, texts=None, **body):
        texts = texts or [{"lang": "nl", "title": "Hallo", "body": "Welkom"}]
        self.client.login_as(self.worker)
        return self.client.post("/api/v1/notifications", json={"texts": texts, **body})

    def figures(self, notification_id: int) -> dict:
        """The sender's figures once the delivery has run: it starts after the send's commit,
        so the 202 answer itself only holds what was stored by then."""
        self.client.login_as(self.worker)
        return self.client.get(f"/api/v1/notifications/{notification_id}").get_json()["figures"]


@pytest.fixture
def people(push_app, factory, client, push_service, server_key):
    return People(factory, client, push_service, server_key)
