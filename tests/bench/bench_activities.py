"""Benchmark: finding activities among 10,000 (texts in 3 languages) on PostgreSQL.

The app runs under gunicorn on loopback; concurrent clients fetch filtered, localized
pages of GET /api/v1/activities, and, in the same run and against the same server,
GET /api/v1/health as the baseline. Prints requests/s and p50/p95 of both; the last
line is one JSON object. Goal: list_rps / baseline_rps >= 0.5.

    .venv/bin/python tests/bench/bench_activities.py [--seconds 20] [--clients 16]

PostgreSQL: $BENCH_DATABASE_URL, else $TEST_DATABASE_URL, else
postgresql://postgres@127.0.0.1:5432/postgres (a scratch database is created and dropped).
"""

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-bench-"))

import aiohttp  # noqa: E402
import requests  # noqa: E402
from meedoen import create_app  # noqa: E402
from meedoen.activities.models import (  # noqa: E402
    AMSTERDAM,
    EVENING_FROM_HOUR,
    Activity,
    ActivityText,
    Transport,
)
from meedoen.auth.models import Role, User  # noqa: E402
from meedoen.categories import CATEGORY_SLUGS  # noqa: E402
from meedoen.extensions import db  # noqa: E402
from meedoen.places.models import Municipality  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402

from tests.activities.server import gunicorn, session_cookie  # noqa: E402
from tests.conftest import _create_postgres_database  # noqa: E402

LANGUAGES = ("nl", "ar", "ti")
TITLES = {"nl": "Activiteit %d", "ar": "نشاط %d", "ti": "ንጥፈት %d"}
DESCRIPTION = "Samen sporten, koken of spelen. " * 4
# Pages of 20 (before the one pagination: per_page=20, the default then). "page=3" is the
# third page: its cursor is fetched page by page before the clock starts (page_paths).
QUERIES = (
    "lang=ar&limit=20", "lang=ti&category=sport&limit=20",
    "lang=nl&free=true&evenings=true&weekends=true&limit=20", "lang=fa&language=ar&limit=20",
    "lang=ar&spots_left=true&transport=true&limit=20",
    "lang=ti&beginner=true&support=true&limit=20", "lang=nl&q=Activiteit 12&limit=20",
    "lang=ar&page=3&limit=20", "lang=so&category=music&limit=20",
    "lang=ar&from={today}&to={in_a_month}&limit=20",
)
PAGE = re.compile(r"&page=(\d+)")


def page_paths(base: str, paths: list[str], cookie: str) -> list[str]:
    """Each path with ``&page=N`` becomes the path of its N-th page (``&cursor=``)."""
    resolved = []
    for path in paths:
        if not (match := PAGE.search(path)):
            resolved.append(path)
            continue
        first = PAGE.sub("", path)
        path = first
        for _ in range(int(match.group(1)) - 1):
            answer = requests.get(base + path, cookies={"meedoen_session": cookie}, timeout=30)
            path = f"{first}&cursor={answer.json()['next_cursor']}"
        resolved.append(path)
    return resolved


def seed(count: int) -> User:
    rng = random.Random(42)
    home, away = Municipality(name="Bench", slug="bench"), Municipality(name="Ver", slug="ver")
    db.session.add_all([home, away])
    db.session.flush()
    youth = User(username="bench-youth", password_hash="!", role=Role.YOUTH,
                 display_name="Bench", municipality_id=home.id, ui_language="nl")
    db.session.add(youth)
    db.session.flush()
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    activities = []
    for n in range(count):
        starts = now + timedelta(hours=rng.randint(2, 24 * 180))
        local = starts.astimezone(AMSTERDAM)
        capacity = rng.choice([None, 10, 20, 40])
        activities.append({
            "municipality_id": home.id if n % 10 else away.id, "status": "published",
            "category": rng.choice(CATEGORY_SLUGS), "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "is_evening": local.hour >= EVENING_FROM_HOUR, "is_weekend": local.weekday() >= 5,
            "original_language": "nl", "venue_name": f"Zaal {n % 50}",
            "venue_address": "Straat 1", "cost_cents": rng.choice([0, 0, 250, 500]),
            "support_note": rng.choice(["", "Jeugdfonds"]),
            "transport": rng.choice(list(Transport)).value, "capacity": capacity,
            "taken": rng.randint(0, capacity) if capacity else rng.randint(0, 30),
            "spoken": " " + " ".join(rng.sample(["nl", "ar", "ti", "fa", "so", "en"], 3)) + " ",
            "beginner_friendly": rng.random() < 0.3, "organiser": "Jongerenwerk",
            "contact_name": "", "contact_phone": "", "created_at": now, "updated_at": now,
            "search_text": " ".join(f"{TITLES[lang] % n} {DESCRIPTION}"
                                    for lang in LANGUAGES).lower(),
        })
    ids = db.session.execute(insert(Activity).returning(Activity.id, sort_by_parameter_order=True),
                             activities).scalars()
    texts = [{"activity_id": activity_id, "language": lang, "title": TITLES[lang] % n,
              "description": DESCRIPTION}
             for n, activity_id in enumerate(ids) for lang in LANGUAGES]
    db.session.execute(insert(ActivityText), texts)
    db.session.commit()
    # What autovacuum does soon after a bulk load: planner statistics, and the trigram
    # index's pending list merged into the index proper.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    return db.session.scalar(select(User).where(User.username == "bench-youth"))


async def hammer(base: str, paths: list[str], cookie: str, clients: int,
                 seconds: float) -> tuple[float, list[float], int]:
    """Returns (elapsed seconds, latencies, non-200 answers)."""
    latencies, errors = [], 0
    deadline = time.monotonic() + seconds
    headers = {"Cookie": f"meedoen_session={cookie}"}
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
        async def client(offset: int):
            nonlocal errors
            n = offset
            while time.monotonic() < deadline:
                start = time.perf_counter()
                async with session.get(base + paths[n % len(paths)]) as response:
                    await response.read()
                    if response.status != 200:
                        errors += 1
                latencies.append(time.perf_counter() - start)
                n += 1

        started = time.monotonic()
        await asyncio.gather(*(client(i) for i in range(clients)))
        return time.monotonic() - started, latencies, errors


def alternate(base: str, runs: dict[str, list[str]], cookie: str, clients: int,
              seconds: float, rounds: int) -> dict[str, tuple[int, list[float], int]]:
    """Run each kind in turn, ``rounds`` times: a change in the machine's load (other
    work on it) then hits both alike. Per kind: (requests/s, latencies, errors)."""
    totals = {name: [0.0, [], 0] for name in runs}
    for _ in range(rounds):
        for name, paths in runs.items():
            elapsed, latencies, errors = asyncio.run(
                hammer(base, paths, cookie, clients, seconds / rounds))
            totals[name][0] += elapsed
            totals[name][1] += latencies
            totals[name][2] += errors
    return {name: (int(len(latencies) / elapsed), latencies, errors)
            for name, (elapsed, latencies, errors) in totals.items()}


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def report(name: str, rps: int, latencies: list[float], errors: int) -> None:
    print(f"{name:9} {rps:6d} req/s   p50 {percentile(latencies, 50):7.1f} ms   "
          f"p95 {percentile(latencies, 95):7.1f} ms   ({len(latencies)} requests, "
          f"{errors} errors)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20, help="per kind, in total")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternate health and list this many times")
    args = parser.parse_args()
    base_url = (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
                or "postgresql://postgres@127.0.0.1:5432/postgres")
    url, drop = _create_postgres_database(base_url)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.create_all()
            youth = seed(args.activities)
            cookie = session_cookie(app, youth)
            db.session.remove()
            db.engine.dispose()
        today = datetime.now(AMSTERDAM).date()
        paths = ["/api/v1/activities?" + q.format(
            today=today.isoformat(), in_a_month=(today + timedelta(days=30)).isoformat())
            for q in QUERIES]
        print(f"{args.activities} activities × {len(LANGUAGES)} languages in PostgreSQL; "
              f"gunicorn {args.workers} workers × {args.threads} threads; "
              f"{args.clients} concurrent clients, {args.seconds:g} s per kind in "
              f"{args.rounds} alternating rounds")
        with gunicorn(url, app.config["SECRET_KEY"], args.workers, args.threads) as base:
            runs = {"health": ["/api/v1/health"], "list": page_paths(base, paths, cookie)}
            alternate(base, runs, cookie, args.clients, 4, 2)  # warm up both
            results = alternate(base, runs, cookie, args.clients, args.seconds, args.rounds)
        baseline, listing = results["health"], results["list"]
        report("health", *baseline)
        report("list", *listing)
        if baseline[2] or listing[2]:
            sys.exit("errors during the benchmark")
        print(json.dumps({"bench": "activities", "list_rps": listing[0],
                          "baseline_rps": baseline[0],
                          "ratio": round(listing[0] / baseline[0], 3),
                          "p95_ms": round(percentile(listing[1], 95), 1)}))
    finally:
        drop()


if __name__ == "__main__":
    main()
