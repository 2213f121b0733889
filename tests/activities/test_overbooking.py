"""Never overbooked: many concurrent sign-ups for few places.

PostgreSQL (TEST_DATABASE_URL set): gunicorn with 4 worker processes and 1,000 sign-ups
sent at once. SQLite: 100 threads against the app. CI runs the suite on both.
"""

import asyncio
import os

import aiohttp
import pytest
from meedoen.activities.models import Activity, Signup, SignupStatus
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.activities.helpers import all_at_once, make_activity
from tests.activities.server import add_youth, gunicorn, session_cookie

PLACES = 20
on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                                 reason="needs PostgreSQL (TEST_DATABASE_URL)")
on_sqlite = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                               reason="the SQLite variant; PostgreSQL runs the gunicorn one")


def _counts(activity_id: int) -> dict[str, int]:
    db.session.expire_all()
    rows = db.session.execute(select(Signup.status, func.count()).where(
        Signup.activity_id == activity_id).group_by(Signup.status))
    return {status.value: count for status, count in rows}


def _assert_never_overbooked(activity_id: int, statuses: list[int], total: int) -> None:
    assert len(statuses) == total
    assert not [s for s in statuses if s >= 500], sorted(set(statuses))
    assert set(statuses) <= {200, 409}
    counts = _counts(activity_id)
    assert counts["confirmed"] == PLACES
    assert counts["confirmed"] + counts.get("waitlisted", 0) == statuses.count(200)
    assert db.session.get(Activity, activity_id).taken == PLACES


@on_sqlite
def test_100_threads_on_sqlite(make_client, factory):
    town = factory.municipality()
    activity = make_activity(town, capacity=PLACES)
    path = f"/api/v1/activities/{activity.id}/signup"
    clients = [make_client().login_as(user) for user in add_youth(town, 100)]
    statuses = all_at_once(lambda client: client.post(path).status_code, clients)
    _assert_never_overbooked(activity.id, statuses, 100)


async def _fire(base: str, activity_id: int, cookies: list[str]) -> list[int]:
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=180)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        async def one(cookie):
            async with session.post(f"{base}/api/v1/activities/{activity_id}/signup",
                                    headers={"X-Requested-With": "fetch",
                                             "Cookie": f"meedoen_session={cookie}"}) as r:
                await r.read()
                return r.status

        return await asyncio.gather(*(one(cookie) for cookie in cookies))


@on_postgres
def test_1000_concurrent_sign_ups_through_4_gunicorn_workers(app, factory, database_url,
                                                              is_postgres):
    assert is_postgres
    town = factory.municipality()
    activity = make_activity(town, capacity=PLACES)
    cookies = [session_cookie(app, user) for user in add_youth(town, 1000)]
    with gunicorn(database_url, app.config["SECRET_KEY"], workers=4) as base:
        statuses = asyncio.run(_fire(base, activity.id, cookies))
    _assert_never_overbooked(activity.id, statuses, 1000)


def test_concurrent_cancellations_promote_one_each(make_client, factory):
    cancellers = 10
    town = factory.municipality()
    activity = make_activity(town, capacity=cancellers)
    users = add_youth(town, 3 * cancellers, prefix="cancel")
    for n, user in enumerate(users):
        status = SignupStatus.CONFIRMED if n < cancellers else SignupStatus.WAITLISTED
        db.session.add(Signup(activity_id=activity.id, user_id=user.id, status=status))
    activity.taken = cancellers
    db.session.commit()
    path = f"/api/v1/activities/{activity.id}/signup"
    clients = [make_client().login_as(user) for user in users[:cancellers]]
    statuses = all_at_once(lambda client: client.delete(path).status_code, clients)
    assert statuses == [200] * cancellers
    assert _counts(activity.id) == {"cancelled": cancellers, "confirmed": cancellers,
                                    "waitlisted": cancellers}
    assert db.session.get(Activity, activity.id).taken == cancellers
