"""An app a test makes never leaves a notification worker running. A thread started by a
TESTING=False app (tests/ops/test_database_down.py) lived on after its test and, every tick,
fanned out later tests' messages on the shared database before their own inline run; that
app has no VAPID key, so they went to the inbox only and a translation test waited for pushes
in vain (tests/translation/test_notifications.py: 3 of 100 runs after those tests)."""

import threading

from meedoen.extensions import db

from tests.conftest import make_app


def workers() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.name == "meedoen-notify"}


def test_an_app_made_for_a_test_does_its_background_work_inline(database_url):
    running = workers()
    app = make_app(database_url, TESTING=False)  # on its own it would start the worker thread
    try:
        assert app.test_client().get("/api/v1/languages").status_code == 200
        assert app.config["NOTIFY_RUNNER"] == "inline"
        assert workers() == running
    finally:
        stray = app.extensions.pop("meedoen_notify_thread", None)
        if stray is not None:
            stray.stop()
        with app.app_context():
            db.engine.dispose()
