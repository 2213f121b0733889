"""Benchmark: Web Push fan-out to 10,000 subscriptions on the loopback push service.

    .venv/bin/python tests/bench/bench_push.py [--n 10000] [--baseline-n N]

"ours" is the whole background path (`run_due_work`): inbox items and deliveries
written to the database (SQLite in a temporary folder unless --database-url), then
concurrent pooled delivery. The baseline, in the same run against the same service,
is a plain loop calling ``pywebpush.webpush()`` once per subscription. The push
service runs in its own process; it verifies every VAPID JWT and decrypts every
message, and the run fails unless all messages were decrypted. Each latency (0 ms,
30 ms added by the service before it answers) gets a fresh service counter.
Last line: one JSON object.
"""

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "backend")]
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-bench-"))

from meedoen import create_app  # noqa: E402
from meedoen.auth.models import Role, User  # noqa: E402
from meedoen.core.transaction import committing  # noqa: E402
from meedoen.extensions import db  # noqa: E402
from meedoen.notifications.dispatch import run_due_work  # noqa: E402
from meedoen.notifications.services import create_notification  # noqa: E402
from meedoen.places.models import Location, LocationKind, Municipality  # noqa: E402
from meedoen.push.client import get_push_client  # noqa: E402
from meedoen.push.models import PushSubscription  # noqa: E402
from meedoen.push.vapid import key_id, public_key  # noqa: E402
from py_vapid import Vapid  # noqa: E402
from pywebpush import webpush  # noqa: E402
from sqlalchemy import insert  # noqa: E402

SUBJECT = "mailto:bench@meedoen.example"
LANGUAGES = ("nl", "ar", "ti", "fa", "en")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def encryption_cpu_seconds() -> float:
    """CPU of this process's children but the push service: the encryption processes."""
    return sum(cpu_seconds(child.pid) for child in multiprocessing.active_children())


class Service:
    """tests/pushservice in a child process, controlled over HTTP."""

    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.pushservice"], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        self.origin = f"http://127.0.0.1:{int(self.process.stdout.readline())}"

    def control(self, action: str, **data):
        request = urllib.request.Request(f"{self.origin}/_control/{action}",
                                         data=json.dumps(data).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.process.pid)

    def close(self):
        self.process.stdin.close()
        self.process.wait(30)


def make_world(app, subscriptions: list[dict], vapid: Vapid) -> User:
    town = Municipality(name="Benchstad", slug="benchstad")
    town.locations = [Location(name="Huis", kind=LocationKind.KWE)]
    worker = User(username="bench-worker", role=Role.YOUTH_WORKER, display_name="Worker",
                  password_hash="-", municipality=town)
    db.session.add_all([town, worker])
    db.session.flush()
    users = [{"username": f"youth-{i}", "role": Role.YOUTH, "display_name": f"Y{i}",
              "password_hash": "-", "municipality_id": town.id,
              "location_id": town.locations[0].id, "ui_language": LANGUAGES[i % 5],
              "session_token": f"bench-{i}"} for i in range(len(subscriptions))]
    db.session.execute(insert(User), users)
    ids = dict(db.session.query(User.username, User.id).filter(User.role == Role.YOUTH))
    kid = key_id(vapid)
    db.session.execute(insert(PushSubscription), [
        {"user_id": ids[f"youth-{i}"], "endpoint": s["endpoint"], "endpoint_hash": f"{i:064d}",
         "p256dh": s["keys"]["p256dh"], "auth": s["keys"]["auth"], "vapid_key_id": kid}
        for i, s in enumerate(subscriptions)])
    db.session.commit()
    return worker


def run_ours(worker: User) -> tuple[float, dict]:
    texts = [{"lang": lang, "title": f"Bench ({lang})", "body": "Voetbal om 19:00 " * 4}
             for lang in LANGUAGES]
    with committing():  # as the request pipeline commits POST /notifications
        create_notification(worker, {"texts": texts, "audience": {}, "urgent": False})
    started = time.perf_counter()
    done = run_due_work()
    return time.perf_counter() - started, done


def run_baseline(subscriptions: list[dict], vapid: Vapid, payload: str) -> float:
    started = time.perf_counter()
    for subscription in subscriptions:
        webpush(subscription, data=payload, vapid_private_key=vapid,
                vapid_claims={"sub": SUBJECT}, ttl=3600, timeout=10)
    return time.perf_counter() - started


def measure(app, service, worker, subscriptions, baseline_n, vapid, latency_ms) -> dict:
    service.control("latency", seconds=latency_ms / 1000)
    service.control("reset")
    cpu = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    with app.app_context():
        worker = db.session.merge(worker)
        ours_s, done = run_ours(worker)
    ours_cpu = _cpu_per_message(cpu, service, len(subscriptions))
    ours = service.control("stats")
    assert ours["received"] == len(subscriptions) == done["deliveries"], (ours, done)
    assert ours["rejected"] == 0 and ours["max_per_subscriber"] == 1, ours
    service.control("reset")
    payload = json.dumps({"title": "Bench", "body": "Voetbal om 19:00 " * 4, "url": "/inbox",
                          "topic": "bench", "lang": "nl", "dir": "ltr"})
    cpu = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    base_s = run_baseline(subscriptions[:baseline_n], vapid, payload)
    base_cpu = _cpu_per_message(cpu, service, baseline_n)
    base = service.control("stats")
    assert base["received"] == baseline_n and base["rejected"] == 0, base
    result = {"latency_ms": latency_ms, "ours_s": ours_s, "ours_per_s": len(subscriptions) / ours_s,
              "baseline_s": base_s, "baseline_per_s": baseline_n / base_s,
              "decrypted": ours["received"] + base["received"]}
    result["ratio"] = result["ours_per_s"] / result["baseline_per_s"]
    print(f"{latency_ms:>3} ms: ours {result['ours_per_s']:8.0f} msg/s "
          f"({len(subscriptions)} in {ours_s:.2f} s, database included; CPU per message: "
          f"sender {ours_cpu[0]:.2f} ms, encryption processes {ours_cpu[2]:.2f} ms, "
          f"push service {ours_cpu[1]:.2f} ms) | baseline {result['baseline_per_s']:6.0f} "
          f"msg/s ({baseline_n} in {base_s:.1f} s; CPU {base_cpu[0]:.2f} ms + "
          f"{base_cpu[1]:.2f} ms) | ratio {result['ratio']:.1f} | "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    return result


def _cpu_per_message(before: tuple, service: Service, count: int) -> tuple[float, ...]:
    """Milliseconds of CPU per message: this process, the push service, encryption."""
    now = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    return tuple((after - start) * 1000 / count for after, start in zip(now, before, strict=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--baseline-n", type=int, default=None,
                        help="subscriptions for the baseline loop (default: all)")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    baseline_n = args.baseline_n or args.n
    vapid = Vapid()
    vapid.generate_keys()
    folder = tempfile.mkdtemp(prefix="meedoen-bench-db-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url or
                      f"sqlite:///{folder}/bench.db", "VAPID_PRIVATE_KEY":
                      vapid.private_pem().decode(), "VAPID_SUBJECT": SUBJECT,
                      "PUSH_ALLOW_INSECURE_ENDPOINTS": True, "NOTIFY_RUNNER": "inline"})
    service = Service()
    try:
        service.control("expect_key", k=public_key(vapid))
        subscriptions = service.control("subscribe", n=args.n)
        with app.app_context():
            db.create_all()
            worker = make_world(app, subscriptions, vapid)
            # As in a running worker: its sender and encryption processes are up.
            get_push_client().warm_up()
        print(f"push bench: {args.n} subscriptions, baseline over {baseline_n}, "
              f"concurrency {app.config['PUSH_CONCURRENCY']}", flush=True)
        results = [measure(app, service, worker, subscriptions, baseline_n, vapid, latency)
                   for latency in (0, 30)]
    finally:
        service.close()
        if not args.database_url:
            with app.app_context():
                db.engine.dispose()
    fast, slow = results
    print(json.dumps({"bench": "push", "n": args.n, "ours_per_s": round(fast["ours_per_s"]),
                      "baseline_per_s": round(fast["baseline_per_s"], 1),
                      "ratio_0ms": round(fast["ratio"], 1), "ratio_30ms": round(slow["ratio"], 1),
                      "decrypted": fast["decrypted"] + slow["decrypted"],
                      "ours_per_s_30ms": round(slow["ours_per_s"]),
                      "baseline_per_s_30ms": round(slow["baseline_per_s"], 1),
                      "ours_seconds_0ms": round(fast["ours_s"], 2),
                      "baseline_n": baseline_n}))


if __name__ == "__main__":
    main()
