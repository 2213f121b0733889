"""The RQ worker: a worker killed half-way loses nothing and repeats at most what was in
flight; with Redis down, sending still answers 202 and is delivered once Redis is back."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from meedoen.extensions import db
from meedoen.notifications.delivery import WINDOW_FACTOR
from meedoen.notifications.models import Delivery, DeliveryStatus, Notification
from redis import Redis
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"
WINDOW_CONCURRENCY = 2  # the worker keeps at most WINDOW_FACTOR × this many claimed


class TcpProxy:
    """Forwards a local port to Redis; stopping it is "Redis is down"."""

    def __init__(self, target=("127.0.0.1", 6379)):
        self.target = target
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._server = None
        self._conns: list[socket.socket] = []

    def start(self):
        self._server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self._server,), daemon=True).start()

    def stop(self):
        if self._server:
            self._server.close()
            self._server = None
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()
        self._conns.clear()

    def _accept(self, server):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def queue_name():
    name = f"meedoen-test-{uuid.uuid4().hex[:10]}"
    yield name
    redis = Redis.from_url(REDIS)
    for key in redis.scan_iter(f"*{name}*"):
        redis.delete(key)
    redis.close()


@pytest.fixture
def worker_env(database_url, vapid_pem, queue_name, tmp_path):
    return {**os.environ, "DATABASE_URL": database_url, "MEEDOEN_INSTANCE": str(tmp_path),
            "SECRET_KEY": "worker-test", "VAPID_PRIVATE_KEY": vapid_pem,
            "PUSH_ALLOW_INSECURE_ENDPOINTS": "1", "PUSH_CLAIM_LEASE": "1",
            "NOTIFY_TICK_SECONDS": "0.5", "NOTIFY_QUEUE": queue_name,
            "PUSH_CONCURRENCY": str(WINDOW_CONCURRENCY), "PUSH_TIMEOUT": "5",
            "REDIS_URL": REDIS}


def start_worker(env, *args) -> subprocess.Popen:
    # Its log goes to a file, not a pipe: a pipe nobody reads until the end blocks the worker
    # once 64 KiB are written (a suspect for the burst worker that hung in full runs).
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed with the process object)
    process = subprocess.Popen([sys.executable, "-m", "flask", "--app", "meedoen", "worker",
                                *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=log, start_new_session=True)
    process.log = log
    return process


def worker_log(process: subprocess.Popen, tail: int = 8000) -> str:
    process.log.seek(0)
    return process.log.read().decode(errors="replace")[-tail:]


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def wait_until(condition, timeout=30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def use_rq(app, monkeypatch, queue_name, url=REDIS):
    monkeypatch.setitem(app.config, "REDIS_URL", url)
    monkeypatch.setitem(app.config, "NOTIFY_RUNNER", "rq")
    monkeypatch.setitem(app.config, "NOTIFY_QUEUE", queue_name)


def count_deliveries(status) -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(Delivery)
                             .where(Delivery.status == status))


def test_a_killed_worker_loses_nothing_and_repeats_at_most_what_was_in_flight(
        people, push_service, push_app, monkeypatch, queue_name, worker_env):
    use_rq(push_app, monkeypatch, queue_name)
    users = [people.youth() for _ in range(40)]
    push_service.set_latency(0.15)
    assert people.send().status_code == 202
    assert push_service.messages() == []  # the request only queued the work
    first = start_worker(worker_env)
    try:
        assert wait_until(lambda: len(push_service.messages()) >= 10)
    finally:
        stop(first, signal.SIGKILL)
    in_flight = count_deliveries(DeliveryStatus.SENDING)
    assert 0 < in_flight <= WINDOW_FACTOR * WINDOW_CONCURRENCY
    second = start_worker(worker_env)
    try:
        assert wait_until(lambda: count_deliveries(DeliveryStatus.SENT) == len(users)), \
            worker_log(second) if second.poll() is not None else "timeout"
    finally:
        stop(second)
    received = Counter(m.token for m in push_service.messages())
    assert {push_service.token_of(u.endpoints[0]) for u in users} == set(received)
    duplicates = sum(n - 1 for n in received.values())
    assert duplicates <= in_flight and max(received.values()) <= 2
    assert not push_service.state.rejected


def test_with_redis_down_sending_answers_202_and_delivers_once_redis_is_back(
        people, push_service, push_app, monkeypatch, queue_name, worker_env):
    proxy = TcpProxy()  # not started: Redis is "down"
    url = f"redis://127.0.0.1:{proxy.port}/0"
    use_rq(push_app, monkeypatch, queue_name, url)
    user = people.youth()
    started = time.monotonic()
    response = people.send()
    assert response.status_code == 202
    assert time.monotonic() - started < 3
    worker = start_worker({**worker_env, "REDIS_URL": url})
    try:
        time.sleep(1.5)
        assert push_service.messages() == []
        db.session.rollback()
        assert db.session.scalar(select(Notification.status)).value == "scheduled"
        proxy.start()  # Redis is back
        assert wait_until(lambda: len(push_service.messages()) == 1), "not delivered"
    finally:
        stop(worker)
        proxy.stop()
    [message] = push_service.messages(user.endpoints[0])
    assert message.json()["title"] == "Hallo"


def test_burst_worker_delivers_what_is_due(people, push_service, push_app, monkeypatch,
                                           queue_name, worker_env):
    use_rq(push_app, monkeypatch, queue_name)
    users = [people.youth() for _ in range(5)]
    people.send()
    worker = start_worker({**worker_env, "PYTHONFAULTHANDLER": "1"}, "--burst")
    try:
        worker.wait(120)
    except subprocess.TimeoutExpired:
        # Show where every thread of the worker waits.
        os.killpg(worker.pid, signal.SIGABRT)
        worker.wait(10)
        pytest.fail("the burst worker did not stop:\n" + worker_log(worker))
    assert worker.returncode == 0, worker_log(worker)
    assert len(push_service.messages()) == len(users)
