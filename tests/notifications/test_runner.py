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


def test_a_request_wakes_the_thread_only_after_its_answer(database_url, monkeypatch):
    """In thread mode the work a request asks for starts once its answer has been sent,
    after every after-request step; outside a request it starts at once."""
    from flask import Blueprint
    from meedoen.core.transaction import commit
    from meedoen.notifications import runner

    from tests.conftest import make_app

    app = make_app(database_url)
    steps = []

    class Thread:
        def wake(self):
            steps.append("wake")

    monkeypatch.setitem(app.config, "NOTIFY_RUNNER", "thread")
    monkeypatch.setattr(runner, "background", lambda _app: Thread())
    routes = Blueprint("runner_test", __name__)

    @routes.route("/runner-test")
    def ask():
        runner.request_work()
        commit()
        steps.append("view done")
        return "", 204

    @routes.after_app_request
    def last_step(response):
        steps.append("after request")
        return response

    app.register_blueprint(routes)
    client = app.test_client()
    answer = client.get("/runner-test")  # not yet sent: Werkzeug's test client keeps it open
    assert answer.status_code == 204 and steps == ["view done", "after request"]
    answer.close()  # what a WSGI server does once it has written the answer
    assert steps == ["view done", "after request", "wake"]
    with app.app_context():
        runner.wake(app)
    assert steps[-1] == "wake" and len(steps) == 4
