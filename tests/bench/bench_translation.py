"""Benchmark: machine translation of activities, on PostgreSQL under gunicorn.

1. Posting stays as fast: POST /api/v1/activities against two servers on the same database,
   one with translation off and one with it on (a loopback LibreTranslate that answers each
   request after --provider-ms), in alternating rounds. Goal: p50(off) / p50(on) >= 0.9.
2. Time until a Dutch-only activity is readable in every youth language of its municipality
   (its texts exist in all of them), after one post. Goal <= 10 s.
3. The same for --many activities posted one after another by --clients clients: the time
   from the first post until the last language of the last activity (it includes the posting
   itself), and the time for --many activities that exist already when translation is switched
   on (`translate-published`) until all are readable: the translation throughput. Goal <= 60 s.

The translation runs as in a deployment without Redis: a background thread in each gunicorn
worker (NOTIFY_RUNNER=thread). The last line is one JSON object.

    .venv/bin/python tests/bench/bench_translation.py [--posts 60] [--many 1000]

PostgreSQL: $BENCH_DATABASE_URL, else $TEST_DATABASE_URL, else
postgresql://postgres@127.0.0.1:5432/postgres (a scratch database is created and dropped).
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-bench-"))

import requests  # noqa: E402
from meedoen import create_app  # noqa: E402
from meedoen.activities.models import Activity, ActivityText  # noqa: E402
from meedoen.auth.models import Role, User, new_session_token  # noqa: E402
from meedoen.core.languages import SHIPPED_LANGUAGES  # noqa: E402
from meedoen.extensions import db  # noqa: E402
from meedoen.places.models import Municipality  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402

from tests.activities.server import gunicorn, session_cookie  # noqa: E402
from tests.conftest import _create_postgres_database  # noqa: E402
from tests.translation.fake_providers import FakeLibreTranslate  # noqa: E402

YOUTH_LANGUAGES = ("ar", "ti", "fa", "so", "am", "ku", "ps", "tr", "fr", "en")
DESCRIPTION = "<p>Samen sporten in de <strong>sporthal</strong>. Neem je schoenen mee.</p>"


class SlowLibreTranslate(FakeLibreTranslate):
    """Answers like a real server on the network would: after a delay per request."""

    def __init__(self, delay: float):
        super().__init__(languages=set(SHIPPED_LANGUAGES))
        self.delay = delay

    def answer(self, record):
        time.sleep(self.delay)
        return super().answer(record)


def seed() -> tuple[User, int]:
    town = Municipality(name="Bench", slug="bench")
    db.session.add(town)
    db.session.flush()
    worker = User(username="bench-worker", password_hash="!", role=Role.YOUTH_WORKER,
                  display_name="Bench", municipality_id=town.id, ui_language="nl",
                  session_token=new_session_token())
    youth = [User(username=f"bench-youth-{lang}", password_hash="!", role=Role.YOUTH,
                  display_name=f"Jongere {lang}", municipality_id=town.id, ui_language=lang,
                  session_token=new_session_token()) for lang in YOUTH_LANGUAGES]
    db.session.add_all([worker, *youth])
    db.session.commit()
    return worker, town.id


def body(n: int) -> dict:
    start = (datetime.now(UTC) + timedelta(days=3 + n % 90)).replace(microsecond=0)
    return {"category": "sport", "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=2)).isoformat(), "venue_name": "Sporthal",
            "original_language": "nl",
            "texts": {"nl": {"title": f"Voetbal {n}", "description": f"{DESCRIPTION} ({n})"}}}


@contextmanager
def client(base: str, cookie: str):
    with requests.Session() as session:
        session.headers.update({"Cookie": f"meedoen_session={cookie}",
                                "X-Requested-With": "fetch"})
        session.base = base
        yield session


def post(session, n: int) -> tuple[int, float]:
    started = time.perf_counter()
    response = session.post(session.base + "/api/v1/activities", json=body(n), timeout=30)
    elapsed = time.perf_counter() - started
    if response.status_code != 201:
        sys.exit(f"posting failed: {response.status_code} {response.text[:300]}")
    return response.json()["items"][0]["id"], elapsed


def translated(engine, activity_ids: list[int]) -> bool:
    """Every activity has a text in the original and every youth language."""
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(ActivityText).where(
            ActivityText.activity_id.in_(activity_ids)))
    return count == len(activity_ids) * (1 + len(YOUTH_LANGUAGES))


def wait_translated(engine, activity_ids: list[int], started: float, limit: float) -> float:
    while time.perf_counter() - started < limit:
        if translated(engine, activity_ids):
            return time.perf_counter() - started
        time.sleep(0.05)
    return float("inf")


def p50(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=60, help="per server, in total")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--many", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--provider-ms", type=float, default=100)
    args = parser.parse_args()
    base_url = (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
                or "postgresql://postgres@127.0.0.1:5432/postgres")
    url, drop = _create_postgres_database(base_url)
    provider = SlowLibreTranslate(args.provider_ms / 1000)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.create_all()
            worker, _ = seed()
            cookie = session_cookie(app, worker)
            db.session.remove()
            db.engine.dispose()
        engine = create_engine(url)
        print(f"PostgreSQL; gunicorn 2 workers × 4 threads per server; youth in "
              f"{len(YOUTH_LANGUAGES)} languages; the provider answers after "
              f"{args.provider_ms:g} ms")
        figures = run(args, url, app.config["SECRET_KEY"], cookie, provider, engine)
        print(json.dumps({"bench": "translation", **figures}))
    finally:
        provider.close()
        drop()


def run(args, url: str, secret: str, cookie: str, provider, engine) -> dict:
    translation = {"TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": provider.url,
                   "NOTIFY_RUNNER": "thread", "NOTIFY_TICK_SECONDS": "5",
                   # 1,000 activities in 10 languages are ~1.3 million characters
                   "TRANSLATION_DAILY_CHARACTERS": "100000000"}
    with ExitStack() as stack:
        stack.enter_context(mock.patch.dict(os.environ, {"NOTIFY_RUNNER": "thread"}))
        off = stack.enter_context(gunicorn(url, secret, 2, 4))
        stack.enter_context(mock.patch.dict(os.environ, translation))
        on = stack.enter_context(gunicorn(url, secret, 2, 4))
        timings = posting(args, on, off, cookie)
        one = time_one(on, cookie, engine)
        many = time_many(args, on, cookie, engine)
        backlog = time_backlog(args, url, engine, provider)
    ratio = round(p50(timings["off"]) / p50(timings["on"]), 3)
    print(f"posting p50: off {p50(timings['off']):.1f} ms, on {p50(timings['on']):.1f} ms "
          f"(ratio {ratio}, goal >= 0.9)")
    print(f"one activity readable in {len(YOUTH_LANGUAGES)} languages after {one:.2f} s "
          f"(goal <= 10)")
    print(f"{args.many} activities posted and readable after {many:.1f} s from the first post")
    print(f"{args.many} activities queued at once readable after {backlog:.1f} s (goal <= 60); "
          f"{len(provider.requests)} provider requests in all")
    return {"posting_p50_off_ms": round(p50(timings["off"]), 1),
            "posting_p50_on_ms": round(p50(timings["on"]), 1), "posting_ratio": ratio,
            "one_activity_s": round(one, 2), "many_activities": args.many,
            "many_activities_s": round(many, 1), "backlog_s": round(backlog, 1),
            "provider_requests": len(provider.requests)}


def posting(args, on: str, off: str, cookie: str) -> dict[str, list[float]]:
    timings = {"off": [], "on": []}
    per_round = max(args.posts // args.rounds, 1)
    with client(off, cookie) as session_off, client(on, cookie) as session_on:
        for warm in range(3):
            post(session_off, warm), post(session_on, warm)
        n = 10
        for _ in range(args.rounds):
            for name, session in (("off", session_off), ("on", session_on)):
                for _ in range(per_round):
                    timings[name].append(post(session, n)[1])
                    n += 1
    time.sleep(2)  # let the "on" server's translations of these finish before timing
    return timings


def time_one(on: str, cookie: str, engine) -> float:
    with client(on, cookie) as session:
        started = time.perf_counter()
        activity_id, _ = post(session, 100_000)
        return wait_translated(engine, [activity_id], started, 60)


def time_many(args, on: str, cookie: str, engine) -> float:
    def post_range(offset: int) -> list[int]:
        with client(on, cookie) as session:
            return [post(session, 200_000 + n)[0]
                    for n in range(offset, args.many, args.clients)]

    started = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        ids = [i for chunk in pool.map(post_range, range(args.clients)) for i in chunk]
    print(f"posted {len(ids)} activities in {time.perf_counter() - started:.1f} s")
    return wait_translated(engine, ids, started, 300)


def time_backlog(args, url: str, engine, provider) -> float:
    """--many Dutch-only activities already in the database when translation is switched on:
    queued by `translate-published`, picked up by the running servers' next tick."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TRANSLATION_PROVIDER": "libretranslate",
                      "LIBRETRANSLATE_URL": provider.url})
    with app.app_context():
        town_id = db.session.scalar(select(Municipality.id))
        ids = seed_activities(town_id, args.many)
        started = time.perf_counter()
        from meedoen.translation.commands import queue_published

        queue_published()
        db.session.remove()
    return wait_translated(engine, ids, started, 300)


def seed_activities(town_id: int, count: int) -> list[int]:
    start = datetime.now(UTC) + timedelta(days=5)
    activities = [Activity(municipality_id=town_id, category="sport", status="published",
                           starts_at=start + timedelta(hours=n), venue_name="Sporthal",
                           ends_at=start + timedelta(hours=n + 2), original_language="nl",
                           texts=[ActivityText(language="nl", title=f"Zwemmen {n}",
                                               description=f"{DESCRIPTION} [{n}]")])
                  for n in range(count)]
    db.session.add_all(activities)
    db.session.commit()
    return [activity.id for activity in activities]


if __name__ == "__main__":
    main()
