"""Without Redis: the in-process thread. The VAPID key command."""

import os
import stat

from meedoen.push.vapid import key_path, public_key
from py_vapid import Vapid


def test_without_redis_a_thread_in_the_app_delivers(people, push_service, push_app,
                                                    monkeypatch):
    monkeypatch.setitem(push_app.config, "NOTIFY_RUNNER", "thread")
    monkeypatch.setitem(push_app.config, "NOTIFY_TICK_SECONDS", 0.2)
    user = people.youth()
    try:
        assert people.send().status_code == 202
        assert push_service.wait_for(1, timeout=20)
    finally:
        push_app.extensions.pop("meedoen_notify_thread").stop()
    [message] = push_service.messages(user.endpoints[0])
    assert message.json()["title"] == "Hallo"


def test_vapid_keys_command_writes_a_private_key_file(app, monkeypatch, tmp_path):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", None)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["vapid-keys"])
    assert first.exit_code == 0, first.output
    path = key_path(app)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = public_key(Vapid.from_pem(path.read_bytes()))
    assert key in first.output
    again = runner.invoke(args=["vapid-keys", "--print-env"])
    assert "exists already" in again.output and key in again.output
    assert "VAPID_PRIVATE_KEY=" in again.output
    rotated = runner.invoke(args=["vapid-keys", "--rotate"])
    assert public_key(Vapid.from_pem(path.read_bytes())) != key
    assert rotated.exit_code == 0
    monkeypatch.setitem(app.extensions, "meedoen_vapid", None)
    with app.test_client() as client:
        served = client.get("/api/v1/push/key").get_json()["public_key"]
    assert served == public_key(Vapid.from_pem(path.read_bytes()))
