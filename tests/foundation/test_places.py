"""Municipalities and locations: created by admins, listed within the user's municipality."""

import pytest
from meedoen.audit.models import AuditLog
from meedoen.extensions import db
from meedoen.places.models import Municipality
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error


@pytest.fixture
def admin_client(factory, client):
    return client.login_as(factory.user("admin"))


def test_admin_creates_a_municipality_and_it_is_audited(admin_client):
    response = admin_client.post("/api/v1/municipalities", json={"name": "Het Hogeland"})
    assert response.status_code == 201, response.json
    assert response.json["slug"] == "het-hogeland"
    audit = db.session.scalars(select(AuditLog)).one()
    assert audit.action == "municipality.create"
    assert audit.municipality_id == response.json["id"]


@pytest.mark.parametrize("twin", ["Tilburg", "tilburg", "Tilburg!"])
def test_the_same_municipality_twice_is_409(admin_client, twin):
    assert admin_client.post("/api/v1/municipalities", json={"name": "Tilburg"}).status_code == 201
    assert_error(admin_client.post("/api/v1/municipalities", json={"name": twin}), 409,
                 "conflict")
    assert db.session.scalar(select(func.count()).select_from(Municipality)) == 1


def test_a_name_without_letters_or_digits_is_refused(admin_client):
    assert_error(admin_client.post("/api/v1/municipalities", json={"name": "!!"}), 422,
                 "invalid_input", ["name"])


def test_admin_creates_locations_of_each_kind(admin_client, factory):
    municipality = factory.municipality()
    for kind in ("KWE", "KWE+", "KWG"):
        response = admin_client.post("/api/v1/locations", json={
            "municipality_id": municipality.id, "name": f"Huis {kind}", "kind": kind})
        assert response.status_code == 201, response.json
        assert response.json["kind"] == kind
    assert_error(admin_client.post("/api/v1/locations", json={
        "municipality_id": municipality.id, "name": "Huis", "kind": "AZC"}), 422,
        "invalid_input", ["kind"])
    assert_error(admin_client.post("/api/v1/locations", json={
        "municipality_id": 424242, "name": "Huis", "kind": "KWE"}), 404, "not_found")


def test_staff_see_only_their_own_municipality(factory, client):
    home, away = factory.municipality(), factory.municipality()
    client.login_as(factory.user("youth_worker", home))
    assert [m["id"] for m in client.get("/api/v1/municipalities").json] == [home.id]
    assert {loc["id"] for loc in client.get("/api/v1/locations").json} == {
        loc.id for loc in home.locations}
    admin = client.application.test_client().login_as(factory.user("admin"))
    assert {m["id"] for m in admin.get("/api/v1/municipalities").json} == {home.id, away.id}
