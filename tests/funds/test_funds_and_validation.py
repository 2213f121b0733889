"""Funds (admins write them), which may fit a young person's age, and bad input."""

import pytest
from meedoen.auth.models import Role

from tests.funds.helpers import fund_body, make_fund, request_body


@pytest.fixture
def as_admin(clock, make_client, factory):
    return make_client().login_as(factory.user(Role.ADMIN))


def test_admin_adds_and_changes_a_fund(as_admin, town):
    made = as_admin.post("/api/v1/funds?lang=en", json=fund_body(municipality_id=town.id))
    assert made.status_code == 201, made.json
    assert "75" in made.json["plain"] and "Gear" in made.json["plain"]
    changed = as_admin.patch(f"/api/v1/funds/{made.json['id']}", json={"active": False})
    assert changed.json["active"] is False


@pytest.mark.parametrize("bad", [
    {"apply_url": "http://fonds.nl"}, {"apply_url": "https://127.0.0.1/x"},
    {"min_age": 20, "max_age": 10}, {"kinds": []}, {"kinds": ["cash"]},
    {"max_cents_per_year": 0}, {"name": "x\x00y"}, {"bsn": "123456789"},
])
def test_a_bad_fund_is_refused(as_admin, town, bad):
    response = as_admin.post("/api/v1/funds", json=fund_body(municipality_id=town.id, **bad))
    assert response.status_code == 422, response.json


def test_youth_see_the_active_funds_for_their_age_in_plain_words(as_youth, town, fund):
    make_fund(town, name="Meedoenregeling 18+", min_age=18, max_age=30)
    make_fund(town, name="Oud fonds", active=False)
    names = [f["name"] for f in as_youth.get("/api/v1/funds?age=17&lang=so").json]
    assert names == [fund.name]
    everything = as_youth.get("/api/v1/funds").json
    assert {f["name"] for f in everything} == {fund.name, "Meedoenregeling 18+"}


@pytest.mark.parametrize("bad", [
    {"age": 9}, {"cost_cents": -1}, {"cost_cents": "12"}, {"category": "cash"},
    {"club": ""}, {"income_cents": 1000}, {"bsn": "123"}, {"activity_id": 999999},
    {"message": "x" * 2001}, {"cost_period": "week"},
])
def test_a_bad_request_is_refused(as_youth, bad):
    response = as_youth.post("/api/v1/support-requests", json=request_body(**bad))
    assert response.status_code == 422, response.json
    assert response.json["code"] == "invalid_input"


def test_an_activity_of_another_municipality_is_not_found(as_youth, factory):
    from tests.activities.helpers import make_activity

    elsewhere = make_activity(factory.municipality(), cost_cents=1000)
    response = as_youth.post("/api/v1/support-requests",
                             json=request_body(activity_id=elsewhere.id))
    assert "activity_id" in response.json["fields"]


def test_asking_too_often_is_limited(as_youth, app):
    for _ in range(3):
        assert as_youth.post("/api/v1/support-requests", json=request_body()).status_code == 201
    refused = as_youth.post("/api/v1/support-requests", json=request_body())
    assert refused.status_code == 429 and refused.headers["Retry-After"]
