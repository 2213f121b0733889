"""Benchmark: the participation figures of a municipality of 2,000 young people with a year
of activities, against the activity list, in the same run and the same server (PostgreSQL,
gunicorn on loopback). Also counts the SQL statements of one figures request for this
municipality and for a small one: the count must not grow with the data. The last line is
one JSON object. Goal: figures_rps / list_rps >= 0.3, statement counts equal.

    .venv/bin/python tests/bench/bench_participation.py [--seconds 20] [--clients 16]

PostgreSQL: $BENCH_DATABASE_URL, else $TEST_DATABASE_URL, else
postgresql://postgres@127.0.0.1:5432/postgres (a scratch database is created and dropped).
"""

import argparse
import json
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-bench-"))

from meedoen import create_app  # noqa: E402
from meedoen.activities.models import Activity, Signup  # noqa: E402
from meedoen.auth.models import Role, User  # noqa: E402
from meedoen.categories import CATEGORY_SLUGS  # noqa: E402
from meedoen.extensions import db  # noqa: E402
from meedoen.participation.models import Checkin  # noqa: E402
from meedoen.places.models import Location, LocationKind, Municipality  # noqa: E402
from sqlalchemy import event, insert, select, text  # noqa: E402

from tests.activities.server import gunicorn, session_cookie  # noqa: E402
from tests.bench.bench_activities import (  # noqa: E402
    alternate,
    page_paths,
    percentile,
    report,
)
from tests.conftest import _create_postgres_database  # noqa: E402

LANGUAGES = ("ar", "ti", "fa", "so", "ps", "am", "ku", "tr", "fr", "nl")
LIST_QUERIES = ("lang=ar&limit=20", "lang=ti&category=sport&limit=20",
                "lang=nl&free=true&limit=20", "lang=ar&page=2&limit=20")


def _town(name: str, houses: int) -> tuple[Municipality, list[int]]:
    town = Municipality(name=name, slug=name.lower())
    town.locations = [Location(name=f"Huis {n}", kind=LocationKind.KWE) for n in range(houses)]
    db.session.add(town)
    db.session.commit()
    return town, [loc.id for loc in town.locations]


def _youth(town, houses, count, rng, now) -> list[int]:
    rows = [{"username": f"{town.slug}-{n}", "password_hash": "!", "role": Role.YOUTH,
             "display_name": f"Jongere {n}", "ui_language": rng.choice(LANGUAGES),
             "municipality_id": town.id, "location_id": rng.choice(houses),
             "session_token": f"{town.slug}-token-{n}", "is_active_account": True,
             "failed_logins": 0, "show_as_going": False,
             "created_at": now - timedelta(days=rng.randint(1, 700))} for n in range(count)]
    return list(db.session.execute(insert(User).returning(User.id), rows).scalars())


def _activities(town, per_day, days_back, days_ahead, rng, now) -> list[tuple[int, datetime]]:
    rows = []
    for day in range(-days_back, days_ahead):
        for _ in range(per_day):
            starts = (now + timedelta(days=day)).replace(hour=rng.randint(9, 20))
            rows.append({"municipality_id": town.id, "status": "published",
                         "category": rng.choice(CATEGORY_SLUGS), "starts_at": starts,
                         "ends_at": starts + timedelta(hours=2), "original_language": "nl",
                         "venue_name": "Zaal", "capacity": 30, "taken": 0, "spoken": " nl ",
                         "search_text": "activiteit", "created_at": now, "updated_at": now})
    made = db.session.execute(insert(Activity).returning(Activity.id, Activity.starts_at), rows)
    return [tuple(row) for row in made]


def _take_part(activities, youth, rng, now) -> None:
    """Past activities: about 12 signed up, 9 of them and a walk-in there."""
    signups, checkins = [], []
    for activity_id, starts in activities:
        if starts > now:
            continue
        people = rng.sample(youth, min(13, len(youth)))
        signups += [{"activity_id": activity_id, "user_id": u, "status": "confirmed",
                     "created_at": starts, "queued_at": starts, "updated_at": starts}
                    for u in people[:12]]
        checkins += [{"activity_id": activity_id, "user_id": u, "method": "organiser",
                      "walk_in": u == people[12], "helped": False, "created_at": starts}
                     for u in people[3:]]
    db.session.execute(insert(Signup), signups)
    db.session.execute(insert(Checkin), checkins)


def seed() -> list[User]:
    rng, now = random.Random(16), datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    big, big_houses = _town("Groot", 40)
    small, small_houses = _town("Klein", 2)
    for town, houses, youth_count, per_day in ((big, big_houses, 2000, 4),
                                              (small, small_houses, 20, 1)):
        youth = _youth(town, houses, youth_count, rng, now)
        _take_part(_activities(town, per_day, 365, 60, rng, now), youth, rng, now)
    workers = [User(username=f"bench-worker-{town.slug}", password_hash="!",
                    role=Role.YOUTH_WORKER, display_name="Werker", municipality_id=town.id,
                    ui_language="nl") for town in (big, small)]
    db.session.add_all(workers)
    db.session.commit()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    return workers


def statements_per_figures_request(app, worker) -> int:
    """SQL statements of one figures request (in-process), the login's included."""
    counted = []
    listener = lambda *args: counted.append(1)  # noqa: E731
    client = app.test_client()
    client.set_cookie("meedoen_session", session_cookie(app, worker))
    client.get("/api/v1/figures/participation")  # the app's first request loads settings once
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        response = client.get("/api/v1/figures/participation")
        assert response.status_code == 200, response.get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(counted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="per kind, in total")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base_url = (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
                or "postgresql://postgres@127.0.0.1:5432/postgres")
    url, drop = _create_postgres_database(base_url)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.create_all()
            worker, small_worker = seed()
            visits = db.session.scalar(select(db.func.count()).select_from(Checkin))
            big_count = statements_per_figures_request(app, worker)
            small_count = statements_per_figures_request(app, small_worker)
            cookie = session_cookie(app, worker)
            db.session.remove()
            db.engine.dispose()
        print(f"2,000 youth in 40 houses, a year of activities (4 a day), {visits} visits; "
              f"SQL statements per figures request: {big_count} (2,000 youth), "
              f"{small_count} (20 youth); gunicorn {args.workers} workers × {args.threads} "
              f"threads, {args.clients} clients, {args.seconds:g} s per kind")
        with gunicorn(url, app.config["SECRET_KEY"], args.workers, args.threads) as base:
            runs = {"list": page_paths(base, ["/api/v1/activities?" + q for q in LIST_QUERIES],
                                       cookie),
                    "figures": ["/api/v1/figures/participation"]}
            alternate(base, runs, cookie, args.clients, 4, 2)  # warm up both
            results = alternate(base, runs, cookie, args.clients, args.seconds, args.rounds)
        listing, figures = results["list"], results["figures"]
        report("list", *listing)
        report("figures", *figures)
        if listing[2] or figures[2]:
            sys.exit("errors during the benchmark")
        print(json.dumps({"bench": "participation", "figures_rps": figures[0],
                          "list_rps": listing[0], "ratio": round(figures[0] / listing[0], 3),
                          "p95_ms": round(percentile(figures[1], 95), 1),
                          "statements": big_count, "statements_small": small_count}))
    finally:
        drop()


if __name__ == "__main__":
    main()
