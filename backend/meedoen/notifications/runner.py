"""Where background work runs: an RQ queue when REDIS_URL is set, else a thread in this process.

The database holds all the state (what is due, claimed, sent), so a job only
says "look now". Losing a job (Redis down, worker killed) loses nothing: the
next tick finds the same work.
"""

import logging
import threading
import time

import click
from flask import Flask, after_this_request, current_app, has_app_context, has_request_context
from flask.cli import with_appcontext
from redis import Redis
from redis.exceptions import RedisError

from meedoen.core.transaction import after_commit
from meedoen.ops.metrics import job_failed

log = logging.getLogger(__name__)
JOB = "meedoen.notifications.runner.run_due_work_job"
JOB_TIMEOUT = 1800


def defaults(app: Flask) -> dict:
    import os

    redis = app.config.get("REDIS_URL")
    automatic = "rq" if redis else ("inline" if app.testing else "thread")
    return {
        "NOTIFY_RUNNER": os.environ.get("NOTIFY_RUNNER") or automatic,
        "NOTIFY_QUEUE": os.environ.get("NOTIFY_QUEUE", "meedoen"),
        "NOTIFY_TICK_SECONDS": float(os.environ.get("NOTIFY_TICK_SECONDS", "15")),
    }


def configure(app: Flask) -> None:
    for name, value in defaults(app).items():
        app.config.setdefault(name, value)


def redis_connection(app: Flask, blocking: bool = False) -> Redis:
    """Short time-outs for enqueueing; the worker's blocking pop needs none."""
    return Redis.from_url(app.config["REDIS_URL"], socket_connect_timeout=0.5,
                          socket_timeout=None if blocking else 2)


def enqueue_rq(app: Flask) -> bool:
    from rq import Queue

    try:
        Queue(app.config["NOTIFY_QUEUE"], connection=redis_connection(app)).enqueue_call(
            JOB, timeout=JOB_TIMEOUT, result_ttl=0, failure_ttl=24 * 3600)
        return True
    except RedisError:
        # The notification is stored; a worker's tick delivers it once Redis is back.
        log.warning("could not reach Redis to queue the push fan-out", exc_info=True)
        return False


def request_work() -> None:
    """Ask for the due work to be done soon: once this transaction has committed (the work
    must find what it was woken for), once per transaction however often it is asked."""
    after_commit(wake)


def wake(app: Flask | None = None) -> None:
    """Start the due work now: an RQ job, the in-process thread, or (tests) right here."""
    app = app or current_app._get_current_object()
    runner = app.config["NOTIFY_RUNNER"]
    if runner == "rq":
        enqueue_rq(app)
    elif runner == "inline":
        from meedoen.notifications.dispatch import run_due_work

        run_due_work()
    elif has_request_context():
        after_this_request(_wake_once_sent(background(app)))
    else:
        background(app).wake()


def _wake_once_sent(thread: "BackgroundThread"):
    """The thread shares this process's interpreter lock: woken only once the answer has been
    sent, its work does not hold up the answer that asked for it."""

    def wake_when_closed(response):
        response.call_on_close(thread.wake)
        return response

    return wake_when_closed


class BackgroundThread:
    """The in-process worker: runs the due work when woken and every tick."""

    def __init__(self, app: Flask):
        self.app = app
        self._wake = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._loop, daemon=True, name="meedoen-notify")
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()
        self._thread.join(30)

    def _loop(self) -> None:
        from meedoen.notifications.dispatch import run_due_work
        from meedoen.push.client import start_push_client

        with self.app.app_context():
            start_push_client()
        while True:
            self._wake.wait(self.app.config["NOTIFY_TICK_SECONDS"])
            self._wake.clear()
            if self._stopped:
                return
            with self.app.app_context():
                try:
                    run_due_work()
                except Exception:
                    log.exception("background notification work failed")
                    job_failed("run_due_work")


_threads_lock = threading.Lock()


def background(app: Flask) -> BackgroundThread:
    with _threads_lock:
        thread = app.extensions.get("meedoen_notify_thread")
        if thread is None:
            thread = app.extensions["meedoen_notify_thread"] = BackgroundThread(app)
        return thread


def start_background_on_first_request(app: Flask) -> None:
    """In thread mode, scheduled messages and quiet hours need the thread running."""

    def start():
        if ("meedoen_notify_thread" not in app.extensions
                and app.config["NOTIFY_RUNNER"] == "thread" and not app.testing):
            background(app)

    app.before_request(start)


_job_app = None


def run_due_work_job() -> dict:
    """The RQ job (``rq worker meedoen`` works too: it then makes its own app)."""
    from meedoen.notifications.dispatch import run_due_work

    in_app = has_app_context()
    app = current_app._get_current_object() if in_app else _own_app()
    try:
        if in_app:
            return run_due_work()
        with app.app_context():
            return run_due_work()
    except Exception:
        job_failed("run_due_work", app)  # for the metrics; RQ records the failure itself
        raise
    finally:
        if has_app_context():
            # `flask worker` runs every job in one app context: a transaction broken by a
            # database that went away must not outlive its job (every later job failed with
            # PendingRollbackError until the worker was restarted; make prodlike found it).
            from meedoen.extensions import db

            db.session.remove()


def _own_app() -> Flask:
    global _job_app
    if _job_app is None:
        from meedoen import create_app

        _job_app = create_app()
    return _job_app


def _ticker(app: Flask, interval: float, stop: threading.Event) -> None:
    while not stop.is_set():
        enqueue_rq(app)
        heartbeat(app)
        stop.wait(interval)


def heartbeat(app: Flask) -> None:
    """This worker is alive (GET /api/v1/health/ready looks for it; meedoen.ops.heartbeat)."""
    from meedoen.ops.heartbeat import beat

    try:
        beat(app, redis_connection(app))
    except RedisError:
        log.warning("could not reach Redis to write the worker's heartbeat")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Do what is due now and stop.")
@with_appcontext
def worker_command(burst: bool):
    """Run the background worker: push fan-out, scheduled messages, reminders."""
    from meedoen.notifications.dispatch import run_due_work
    from meedoen.push.client import start_push_client

    app = current_app._get_current_object()
    start_push_client()
    interval = app.config["NOTIFY_TICK_SECONDS"]
    if not app.config.get("REDIS_URL"):
        while True:
            click.echo(f"done: {run_due_work()}")
            if burst:
                return
            time.sleep(interval)
    _work_rq(app, interval, burst)


def _work_rq(app: Flask, interval: float, burst: bool) -> None:
    from rq import Queue, SimpleWorker

    stop = threading.Event()
    if burst:
        while not enqueue_rq(app):
            time.sleep(1)  # Redis is down: wait for it, then do what is due
    else:
        threading.Thread(target=_ticker, args=(app, interval, stop), daemon=True).start()
    try:
        while True:
            try:
                connection = redis_connection(app, blocking=True)
                queue = Queue(app.config["NOTIFY_QUEUE"], connection=connection)
                SimpleWorker([queue], connection=connection).work(burst=burst,
                                                                   logging_level="WARNING")
                return  # burst done, or asked to stop (SIGTERM/SIGINT)
            except RedisError:
                log.warning("Redis is not reachable; retrying in 2 s")
                time.sleep(2)
    finally:
        stop.set()
