"""``python -m tests.ops.prodlike`` (``make prodlike``): see the package's docstring."""

import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.ops.prodlike import checks
from tests.ops.prodlike.stack import APP_HOST, PUSH_HOST, Stack

IN_NAMESPACE = "MEEDOEN_PRODLIKE_PUSH_ADDRESS"
YOUTH = 60
ACTIVITIES = 30


@dataclass
class Data:
    town_id: int
    worker_cookie: str
    youth: list  # (user id, session cookie)
    activities: list  # activity ids


def spare_loopback_address() -> str:
    """A loopback address of its own whose port 443 is free (the push service's)."""
    for _ in range(50):
        address = f"127.{random.randint(64, 250)}.{random.randint(1, 250)}.1"
        with socket.socket() as s:
            try:
                s.bind((address, 443))
                return address
            except OSError:
                continue
    raise RuntimeError("no free loopback address for the push service")


def in_own_namespace() -> int:
    """Run this module again in a mount namespace whose /etc/hosts names the two hosts."""
    if os.geteuid() != 0:
        print("make prodlike needs root (its own mount namespace, nginx on port 443)")
        return 2
    address = spare_loopback_address()
    with tempfile.NamedTemporaryFile("w", prefix="prodlike-hosts-", delete=False) as hosts:
        hosts.write(Path("/etc/hosts").read_text())
        hosts.write(f"\n127.0.0.1 {APP_HOST}\n{address} {PUSH_HOST}\n")
    try:
        return subprocess.call(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c",
             'mount --bind "$0" /etc/hosts && exec "$@"', hosts.name,
             sys.executable, "-m", "tests.ops.prodlike"],
            env={**os.environ, IN_NAMESPACE: address})
    finally:
        os.unlink(hosts.name)


def seed(stack: Stack) -> Data:
    """A municipality, a youth worker, youth and activities, written by the app's own code."""
    os.environ.update({k: v for k, v in stack.env.items() if k != "SSL_CERT_FILE"})
    from meedoen import create_app
    from meedoen.extensions import db

    from tests.activities.helpers import make_activity
    from tests.activities.server import add_youth, session_cookie
    from tests.factories import Factory

    app = create_app()
    with app.app_context():
        factory = Factory()
        town = factory.municipality()
        worker = factory.user("youth_worker", town)
        youth = add_youth(town, YOUTH, prefix="prodlike")
        activities = [make_activity(town, capacity=None).id for _ in range(ACTIVITIES)]
        data = Data(town.id, session_cookie(app, worker),
                    [(user.id, session_cookie(app, user)) for user in youth], activities)
        db.session.remove()
        db.engine.dispose()
    return data


def run(stack: Stack, report: checks.Report) -> None:
    started = time.monotonic()
    stack.flask("create-admin", checks.ADMIN, env={"MEEDOEN_ADMIN_PASSWORD": checks.ADMIN_PASSWORD})
    data = seed(stack)
    stack.start_web()
    # Few connections to the push service: a fan-out takes long enough to be cut off.
    stack.worker_extra = {"PUSH_CONCURRENCY": "4", "PUSH_ENCRYPT_PROCESSES": "0"}
    stack.start_worker()
    stack.start_nginx()
    report.figures["start_seconds"] = round(time.monotonic() - started, 1)
    checks.wait_until(lambda: _worker_beat(stack), 30, 0.3)
    report.run("readiness", checks.check_ready, stack, report)
    report.run("https", checks.check_tls_cookies_and_hsts, stack, report)
    report.run("rate limit address", checks.check_client_address_for_rate_limits, stack, report)
    report.run("metrics", checks.check_metrics, stack, report)
    report.run("subscriptions", checks.subscribe_everyone, stack, data, report)
    report.run("push", checks.check_push_through_worker, stack, data, report)
    report.run("postgres fault", checks.fault_postgres, stack, data, report)
    report.run("redis fault", checks.fault_redis, stack, data, report)
    report.run("worker fault", checks.fault_worker_killed, stack, data, report)


def _worker_beat(stack: Stack) -> bool:
    import requests

    try:
        body = checks.client(stack).get(f"{stack.base}/api/v1/health/ready", timeout=5).json()
    except (requests.RequestException, ValueError):
        return False
    return body.get("checks", {}).get("worker", {}).get("ok", False)


def main() -> int:
    if IN_NAMESPACE not in os.environ:
        return in_own_namespace()
    started = time.monotonic()
    report = checks.Report()
    try:
        with Stack(os.environ[IN_NAMESPACE]) as stack:
            run(stack, report)
    except Exception as error:
        import traceback

        traceback.print_exc()
        report.check("the stack started and stopped", False, error=repr(error)[:300])
    report.figures["total_seconds"] = round(time.monotonic() - started, 1)
    print("\nFigures:")
    for name, figures in report.figures.items():
        print(f"  {name}: {figures}")
    failed = [name for name, check in report.checks.items() if not check["ok"]]
    print(json.dumps({"prodlike": "ok" if report.ok else "fail", "failed": failed,
                      "figures": report.figures}, separators=(",", ":")))
    return 0 if report.ok and report.checks else 1


if __name__ == "__main__":
    sys.exit(main())
