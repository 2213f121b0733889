"""Benchmark: Web Push fan-out to 10,000 subscriptions on the loopback push service.

    .venv/bin/python tests/bench/bench_push.py [--n 10000] [--rounds 5] [--baseline-n 2000]
        [--baseline-n-30ms 300] [--database-url URL]

"ours" is the whole background path (`run_due_work`): inbox items and deliveries
written to the database (SQLite in a temporary folder unless --database-url), then
concurrent pooled delivery. The baseline, in the same run against the same service,
is a plain loop calling ``pywebpush.webpush()`` once per subscription. The push
service runs in its own process; it verifies every VAPID JWT and decrypts every
message, and the run fails unless all messages were decrypted. Per latency (0 ms,
30 ms added by the service before it answers) the two alternate in rounds (a full
fan-out of ours, then the baseline over a slice), so load that comes and goes on the
machine hits both; the ratio is from the totals, and the lowest round's is reported too.
Last line: one JSON object (``ours_seconds_0ms``: the slowest full fan-out at 0 ms).
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


PAYLOAD = json.dumps({"title": "Bench", "body": "Voetbal om 19:00 " * 4, "url": "/inbox",
                      "topic": "bench", "lang": "nl", "dir": "ltr"})


class Side:
    """One side's totals over the rounds of one latency."""

    def __init__(self):
        self.messages = 0
        self.seconds = 0.0
        self.cpu = [0.0, 0.0, 0.0]  # ms of CPU: this process, push service, encryption
        self.received = 0

    def add(self, messages: int, seconds: float, cpu: tuple, received: int) -> float:
        self.messages += messages
        self.seconds += seconds
        self.cpu = [total + ms * messages for total, ms in zip(self.cpu, cpu, strict=True)]
        self.received += received
        return messages / seconds

    @property
    def per_s(self) -> float:
        return self.messages / self.seconds

    def cpu_ms(self, part: int) -> float:
        return self.cpu[part] / self.messages


def ours_round(app, service, worker, n: int) -> tuple[float, tuple, int]:
    service.control("reset")
    cpu = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    with app.app_context():
        seconds, done = run_ours(db.session.merge(worker))
    used = _cpu_per_message(cpu, service, n)
    stats = service.control("stats")
    assert stats["received"] == n == done["deliveries"], (stats, done)
    assert stats["rejected"] == 0 and stats["max_per_subscriber"] == 1, stats
    return seconds, used, stats["received"]


def baseline_round(service, subscriptions, vapid) -> tuple[float, tuple, int]:
    service.control("reset")
    cpu = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    seconds = run_baseline(subscriptions, vapid, PAYLOAD)
    used = _cpu_per_message(cpu, service, len(subscriptions))
    stats = service.control("stats")
    assert stats["received"] == len(subscriptions) and stats["rejected"] == 0, stats
    return seconds, used, stats["received"]


def measure(app, service, worker, subscriptions, baseline_n, vapid, latency_ms,
            rounds: int) -> dict:
    """``rounds`` rounds, each a full fan-out of ours and then the baseline over a slice (a
    different one each round): load that comes and goes on the machine hits both sides."""
    service.control("latency", seconds=latency_ms / 1000)
    ours, base = Side(), Side()
    ratios, fan_outs = [], []
    for number in range(rounds):
        seconds, cpu, received = ours_round(app, service, worker, len(subscriptions))
        ours_rate = ours.add(len(subscriptions), seconds, cpu, received)
        fan_outs.append(seconds)
        part = [subscriptions[(number * baseline_n + i) % len(subscriptions)]
                for i in range(baseline_n)]
        base_s, base_cpu, received = baseline_round(service, part, vapid)
        base_rate = base.add(baseline_n, base_s, base_cpu, received)
        ratios.append(ours_rate / base_rate)
        print(f"{latency_ms:>3} ms round {number + 1}: ours {ours_rate:6.0f} msg/s "
              f"({len(subscriptions)} in {seconds:.2f} s; CPU per message: sender "
              f"{cpu[0]:.2f} + encryption {cpu[2]:.2f} + push service {cpu[1]:.2f} ms) | "
              f"baseline {base_rate:5.0f} msg/s ({baseline_n} in {base_s:.1f} s; CPU "
              f"{base_cpu[0]:.2f} + {base_cpu[1]:.2f} ms) | ratio {ratios[-1]:.1f} | "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
    result = {"latency_ms": latency_ms, "ours_per_s": ours.per_s, "baseline_per_s": base.per_s,
              "ratio": ours.per_s / base.per_s, "min_ratio": min(ratios),
              "slowest_fan_out_s": max(fan_outs), "decrypted": ours.received + base.received}
    print(f"{latency_ms:>3} ms, {rounds} rounds: ours {ours.per_s:.0f} msg/s (CPU per message "
          f"{ours.cpu_ms(0):.2f} + {ours.cpu_ms(2):.2f} + {ours.cpu_ms(1):.2f} ms) | baseline "
          f"{base.per_s:.0f} msg/s (CPU {base.cpu_ms(0):.2f} + {base.cpu_ms(1):.2f} ms) | "
          f"ratio {result['ratio']:.1f}, lowest round {result['min_ratio']:.1f} | slowest "
          f"fan-out {result['slowest_fan_out_s']:.2f} s", flush=True)
    return result


def _cpu_per_message(before: tuple, service: Service, count: int) -> tuple[float, ...]:
    """Milliseconds of CPU per message: this process, the push service, encryption."""
    now = (time.process_time(), service.cpu_seconds(), encryption_cpu_seconds())
    return tuple((after - start) * 1000 / count for after, start in zip(now, before, strict=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating rounds (ours, then the baseline) per latency")
    parser.add_argument("--baseline-n", type=int, default=2000,
                        help="the baseline's messages per round at 0 ms")
    parser.add_argument("--baseline-n-30ms", type=int, default=300,
                        help="the baseline's messages per round at 30 ms")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
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
        print(f"push bench: {args.n} subscriptions, {args.rounds} alternating rounds per "
              f"latency, baseline over {args.baseline_n} (0 ms) and {args.baseline_n_30ms} "
              f"(30 ms) per round, concurrency {app.config['PUSH_CONCURRENCY']}", flush=True)
        fast, slow = [measure(app, service, worker, subscriptions, baseline_n, vapid, latency,
                              args.rounds)
                      for latency, baseline_n in ((0, args.baseline_n),
                                                  (30, args.baseline_n_30ms))]
    finally:
        service.close()
        if not args.database_url:
            with app.app_context():
                db.engine.dispose()
    print(json.dumps({"bench": "push", "n": args.n, "ours_per_s": round(fast["ours_per_s"]),
                      "baseline_per_s": round(fast["baseline_per_s"], 1),
                      "ratio_0ms": round(fast["ratio"], 1), "ratio_30ms": round(slow["ratio"], 1),
                      "decrypted": fast["decrypted"] + slow["decrypted"],
                      "ours_per_s_30ms": round(slow["ours_per_s"]),
                      "baseline_per_s_30ms": round(slow["baseline_per_s"], 1),
                      "ours_seconds_0ms": round(fast["slowest_fan_out_s"], 2),
                      "baseline_n": args.baseline_n, "rounds": args.rounds,
                      "min_ratio_0ms": round(fast["min_ratio"], 1),
                      "min_ratio_30ms": round(slow["min_ratio"], 1)}))


if __name__ == "__main__":
    main()
