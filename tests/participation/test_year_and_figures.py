"""My year, the statement's check link, the figures of a fixed data set (exact numbers), the
small-group rule, the follow-up names, export and erasure."""

import csv
import io
from datetime import timedelta

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.participation.models import BirthYear, Checkin
from sqlalchemy import func, select

from tests.conftest import FROZEN_NOW
from tests.participation.helpers import Town, visit


@pytest.fixture
def world(factory, clock):
    return Town(factory)


def _get(client, user, path):
    client.login_as(user)
    return client.get(path)


def test_my_year_by_category_and_month_with_volunteering_hours(client, world):
    first = _get(client, world.a[0], "/api/v1/me/year?year=2026&lang=nl").get_json()
    assert (first["activities"], first["volunteer_activities"], first["volunteer_hours"]) == \
        (2, 1, 2.0)  # helped organise the cooking (2 hours)
    assert first["by_month"] == [{"month": "2026-11", "categories": [
        {"category": "sport", "label": "Sport", "count": 1},
        {"category": "cooking", "label": "Koken en eten", "count": 1}]}]
    second = _get(client, world.a[1], "/api/v1/me/year?lang=en").get_json()
    assert (second["activities"], second["volunteer_hours"]) == (2, 3.0)
    assert [c["category"] for c in second["by_category"]] == ["sport", "volunteering"]
    assert _get(client, world.a[1], "/api/v1/me/year?year=2025").get_json()["activities"] == 0
    assert _get(client, world.a[1], "/api/v1/me/year?year=1999").status_code == 422


def test_the_statement_check_link_proves_it_and_shows_nothing_else(client, world, make_client):
    statement = _get(client, world.a[1], "/api/v1/me/year/statement").get_json()
    assert statement["check_url"].endswith("/statements/" + statement["token"])
    checked = make_client().get(f"/api/v1/statements/{statement['token']}")
    assert checked.get_json() == {"display_name": world.a[1].display_name,
                                  "municipality": "Tilburg", "year": 2026, "activities": 2,
                                  "volunteer_hours": 3.0, "issued_on": "2026-11-30"}
    forged = statement["token"][:-2] + ("xx" if not statement["token"].endswith("xx") else "yy")
    assert make_client().get(f"/api/v1/statements/{forged}").status_code == 404
    db.session.delete(db.session.get(type(world.a[1]), world.a[1].id))
    db.session.commit()
    assert make_client().get(f"/api/v1/statements/{statement['token']}").status_code == 404


def test_figures_of_the_fixed_town(client, world):
    figures = _get(client, world.worker, "/api/v1/figures/participation?month=2026-11&lang=en")
    data = figures.get_json()
    assert (data["youth"], data["took_part"], data["share"]) == (13, 8, 0.615)
    house_a = world.house_a.name
    # House C has 2 youth: merged into "other", which then takes house B (the smallest shown)
    # so that "other" is five or more.
    assert [(r["label"], r["youth"], r["took_part"], r["share"]) for r in data["by_house"]] == \
        [(house_a, 6, 4, 0.667), ("Other", 7, 4, 0.571)]
    assert [(r["key"], r["youth"], r["took_part"]) for r in data["by_language"]] == \
        [("ar", 7, 4), ("ti", 6, 4)]
    assert [(r["key"], r["took_part"], r["share"]) for r in data["by_category"]] == \
        [("sport", 6, 0.462), ("other", 5, 0.385)]  # cooking 3 and volunteering 2 merged
    assert [(r["label"], r["youth"], r["took_part"]) for r in data["by_age"]] == \
        [("18–19", 6, 4), ("Other", 7, 4)]  # ≤17 (3), 20–21 (1), not given (3)
    assert data["visits"] == {"signed_up": 6, "came": 5, "no_shows": 1, "walk_ins": 1}
    assert data["new_without_participation"] is None  # one: fewer than five is not shown
    october = _get(client, world.worker, "/api/v1/figures/participation?month=2026-10")
    # Only two youth had joined by the end of October: nothing points at them.
    assert (october.get_json()["youth"], october.get_json()["took_part"]) == (None, None)
    assert [r["hidden"] for r in october.get_json()["by_house"]] == [True]


def test_new_youth_without_participation_are_counted_from_five(client, world, factory):
    for _ in range(5):
        factory.user(Role.YOUTH, world.town, created_at=FROZEN_NOW - timedelta(days=31))
    late = factory.user(Role.YOUTH, world.town, created_at=FROZEN_NOW - timedelta(days=50))
    visit(world.volunteering, late)  # first came on day 47: still counted
    data = _get(client, world.worker, "/api/v1/figures/participation").get_json()
    assert data["new_without_participation"] == 7  # c[1], the five and the late one
    names = _get(client, world.worker, "/api/v1/figures/participation/follow-up").get_json()
    assert len(names) == 7


def test_a_group_that_stays_under_five_is_hidden(client, factory, clock):
    town = factory.municipality()
    for _ in range(3):
        factory.user(Role.YOUTH, town)
    data = _get(client, factory.user(Role.YOUTH_WORKER, town),
                "/api/v1/figures/participation").get_json()
    assert data["by_house"] == [{"key": "other", "label": "Overig", "youth": None,
                                 "took_part": None, "share": None, "hidden": True}]


def test_csv_has_the_same_groups(client, world):
    response = _get(client, world.worker, "/api/v1/figures/participation/csv?month=2026-11")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["month", "section", "group", "youth", "took_part", "share"]
    assert ["2026-11", "by_category", "Sport", "13", "6", "0.462"] in rows
    assert len(rows) == 1 + 2 + 2 + 2 + 2


def test_admins_name_the_municipality_and_bad_months_are_422(client, world, factory):
    admin = factory.user(Role.ADMIN)
    asked = _get(client, admin, f"/api/v1/figures/participation?municipality_id={world.town.id}")
    assert asked.get_json()["youth"] == 13
    for query in ("month=2026-13", "month=26-11", "month=x", "month=2026-11-01"):
        response = _get(client, world.worker, f"/api/v1/figures/participation?{query}")
        assert response.status_code == 422, query
    other = factory.municipality()
    assert _get(client, world.worker,
                f"/api/v1/figures/participation?municipality_id={other.id}").status_code == 404


def test_follow_up_names_go_to_their_mentor_and_youth_workers(client, world, factory):
    names = _get(client, world.worker, "/api/v1/figures/participation/follow-up").get_json()
    assert [n["display_name"] for n in names] == [world.c[1].display_name]
    assert [n["user_id"] for n in _get(client, world.mentor_c,
                                       "/api/v1/figures/participation/follow-up").get_json()] \
        == [world.c[1].id]
    mentor_a = factory.user(Role.MENTOR, world.town)
    assert _get(client, mentor_a, "/api/v1/figures/participation/follow-up").get_json() == []


def test_birth_year_is_optional_and_checked(client, world):
    client.login_as(world.c[0])
    for body in ({"birth_year": 1989}, {"birth_year": "2008"}, {}, {"birth_year": 2021}):
        assert client.put("/api/v1/me/birth-year", json=body).status_code == 422, body
    assert client.put("/api/v1/me/birth-year", json={"birth_year": 2009}).get_json() == \
        {"birth_year": 2009}
    assert client.get("/api/v1/me/year").get_json()["birth_year"] == 2009
    assert client.put("/api/v1/me/birth-year", json={"birth_year": None}).get_json() == \
        {"birth_year": None}


def test_export_and_erasure(client, world):
    client.login_as(world.a[0])
    client.put("/api/v1/me/birth-year", json={"birth_year": 2008})
    exported = client.get("/api/v1/me/export").get_json()
    assert exported["birth_year"] == 2008
    export = exported["checkins"]
    assert [(v["activity_id"], v["helped_organise"]) for v in export["visits"]] == [
        (world.sport.id, False), (world.cooking.id, True)]
    assert client.delete("/api/v1/me", json={"password": "correct-horse-42"}).status_code in \
        (200, 204)
    for model in (Checkin, BirthYear):
        assert db.session.scalar(select(func.count()).select_from(model)
                                 .where(model.user_id == world.a[0].id)) == 0
