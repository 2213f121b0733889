"""One error shape for every error; bad input is a 4xx (never a 500) and nothing is half-written."""

import pytest
from flask import Blueprint
from meedoen.audit.models import AuditLog
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.invites.models import Invite
from meedoen.places.models import Location, Municipality
from sqlalchemy import func, select

from tests.conftest import ApiClient, make_app
from tests.foundation.helpers import assert_error, fresh

LONG_NUMBER = '{"display_name": 1' + "0" * 5000 + "}"

BAD_BODIES = [
    pytest.param({"bogus": 1}, 422, "invalid_input", ["bogus"], id="unknown field"),
    pytest.param({"display_name": "x" * 61}, 422, "invalid_input", ["display_name"],
                 id="over-long string"),
    pytest.param({"display_name": "Ali\x00"}, 422, "invalid_input", ["display_name"], id="NUL"),
    pytest.param({"display_name": "Ali\x07"}, 422, "invalid_input", ["display_name"],
                 id="control character"),
    pytest.param({"display_name": "Ali\nBaba"}, 422, "invalid_input", ["display_name"],
                 id="line break in a single-line text"),
    pytest.param({"display_name": "   "}, 422, "invalid_input", ["display_name"], id="blank"),
    pytest.param({"display_name": "Ali\ud800"}, 422, "invalid_input", ["display_name"],
                 id="lone surrogate"),
    pytest.param({"bogus\ud800": 1}, 422, "invalid_input", ["bogus\ud800"],
                 id="lone surrogate in an unknown field's name"),
    pytest.param({"display_name": 5}, 422, "invalid_input", ["display_name"],
                 id="number for text"),
    pytest.param({"languages": "nl"}, 422, "invalid_input", ["languages"], id="text for list"),
    pytest.param({"languages": ["nl\x00"]}, 422, "invalid_input", ["languages"],
                 id="NUL in a list item"),
    pytest.param({"show_as_going": {"a": 1}}, 422, "invalid_input", ["show_as_going"],
                 id="object for boolean"),
    pytest.param({"quiet_from": 5, "quiet_until": "07:00"}, 422, "invalid_input",
                 ["quiet_from"], id="number for time"),
    pytest.param([1, 2], 422, "invalid_input", ["_schema"], id="list for object"),
    pytest.param("text", 422, "invalid_input", ["_schema"], id="string for object"),
]


@pytest.fixture
def youth_client(factory, client):
    municipality = factory.municipality()
    youth = factory.user("youth", municipality, display_name="Amal")
    client.login_as(youth)
    return youth, client


@pytest.mark.parametrize(("body", "status", "code", "fields"), BAD_BODIES)
def test_bad_json_fields_get_422_and_change_nothing(youth_client, body, status, code, fields):
    youth, client = youth_client
    response = client.patch("/api/v1/me", json=body)
    assert_error(response, status, code, fields)
    assert fresh(youth).display_name == "Amal"


def test_valid_fields_next_to_an_invalid_one_are_not_saved(youth_client):
    youth, client = youth_client
    response = client.patch("/api/v1/me", json={"display_name": "Nieuw", "ui_language": "xx"})
    assert_error(response, 422, "invalid_input", ["ui_language"])
    assert fresh(youth).display_name == "Amal"


RAW_BODIES = [
    pytest.param("{bad", "application/json", 400, "invalid_json", id="malformed JSON"),
    pytest.param(b'{"display_name": "\xff"}', "application/json", 400, "invalid_json",
                 id="not UTF-8"),
    pytest.param("[" * 30000, "application/json", 400, "invalid_json", id="nested too deep"),
    pytest.param(LONG_NUMBER, "application/json", 400, "invalid_json", id="number too long"),
    pytest.param('{"display_name": "x"}', "text/plain", 415, "json_required",
                 id="wrong content type"),
    pytest.param("display_name=x", "application/x-www-form-urlencoded", 415, "json_required",
                 id="form body"),
    pytest.param('{"display_name": "' + "x" * 70_000 + '"}', "application/json", 413,
                 "too_large", id="over-large body"),
]


@pytest.mark.parametrize(("data", "content_type", "status", "code"), RAW_BODIES)
def test_unreadable_bodies_get_a_clear_4xx(youth_client, data, content_type, status, code):
    youth, client = youth_client
    response = client.patch("/api/v1/me", data=data, content_type=content_type)
    assert_error(response, status, code)
    assert fresh(youth).display_name == "Amal"


def test_nul_and_over_long_text_everywhere_in_the_foundation(factory, client):
    """NUL would be a DataError (500) on PostgreSQL if it reached the database."""
    admin = factory.user("admin")
    client.login_as(admin)
    nul_cases = [
        ("POST", "/api/v1/municipalities", {"name": "Gemeente\x00"}, "name"),
        ("POST", "/api/v1/locations",
         {"municipality_id": factory.municipality().id, "name": "Huis\x00", "kind": "KWE"},
         "name"),
        ("POST", "/api/v1/auth/redeem", {"code": "ABCD-EFGH", "username": "amal\x00",
                                         "password": "a-long-password", "display_name": "A"},
         "username"),
        ("POST", "/api/v1/auth/redeem", {"code": "ABCD\x00EFGH", "username": "amal",
                                         "password": "a-long-password", "display_name": "A"},
         "code"),
        ("POST", "/api/v1/municipalities", {"name": "G" * 101}, "name"),
    ]
    for method, path, body, field in nul_cases:
        assert_error(client.open(path, method=method, json=body), 422, "invalid_input", [field])
    anonymous = client.application.test_client()
    assert_error(login_with(anonymous, "amal\x00", "whatever1"), 422, "invalid_input",
                 ["username"])
    assert_error(login_with(anonymous, "amal", "pass\x00word"), 422, "invalid_input",
                 ["password"])
    assert_error(login_with(anonymous, "amal\udc00", "whatever1"), 422, "invalid_input",
                 ["username"])
    assert db.session.scalar(select(func.count()).select_from(Municipality)) == 1


def login_with(client, username, password):
    return client.post("/api/v1/auth/login", json={"username": username, "password": password})


def test_numbers_beyond_the_database_integer_are_422_or_404(factory, client):
    admin = factory.user("admin")
    client.login_as(admin)
    for number in (2**31, 2**63, -(2**63), 10**30):
        response = client.post("/api/v1/locations",
                               json={"municipality_id": number, "name": "Huis", "kind": "KWE"})
        assert_error(response, 422, "invalid_input", ["municipality_id"])
        response = client.post("/api/v1/invites", json={"role": "youth",
                                                        "municipality_id": number})
        assert_error(response, 422, "invalid_input", ["municipality_id"])
    assert_error(client.patch("/api/v1/users/99999999999999999999", json={"active": True}), 404,
                 "not_found")
    assert_error(client.patch(f"/api/v1/users/{2**31}", json={"active": True}), 404)
    assert db.session.scalar(select(func.count()).select_from(Location)) == 0


def test_unknown_query_parameters_are_refused(factory, client):
    municipality = factory.municipality()
    client.login_as(factory.user("youth_worker", municipality))
    assert_error(client.get("/api/v1/users?bogus=1"), 422, "invalid_input", ["bogus"])
    assert_error(client.get("/api/v1/users?role=youth&per_page=5"), 422, "invalid_input",
                 ["per_page"])
    assert_error(client.get("/api/v1/users?role=nobody"), 422, "invalid_input", ["role"])
    assert_error(client.get("/api/v1/users?role=%00"), 422, "invalid_input", ["role"])
    # The UI language may be given on every request.
    assert client.get("/api/v1/users?lang=ar").status_code == 200
    response = client.get("/api/v1/users?role=youth_worker&lang=en")
    assert response.status_code == 200
    assert [u["role"] for u in response.json["items"]] == ["youth_worker"]


def test_unknown_path_is_404_in_the_error_shape(client):
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(client.post("/api/v1/nothing-here", json={}), 404, "not_found")


def test_405_keeps_its_allow_header(client):
    response = client.put("/api/v1/me", json={})
    assert_error(response, 405, "method_not_allowed")
    allowed = {m.strip() for m in response.headers["Allow"].split(",")}
    assert {"GET", "PATCH", "DELETE"} <= allowed
    response = client.delete("/api/v1/health")
    assert_error(response, 405)
    assert "GET" in response.headers["Allow"]


@pytest.fixture
def broken_app(database_url):
    """An app with routes that fail the way bugs do, to see what the client gets."""
    app = make_app(database_url, PROPAGATE_EXCEPTIONS=False)
    app.test_client_class = ApiClient
    boom = Blueprint("boom", __name__)

    @boom.post("/api/v1/_boom/write-then-crash")
    def write_then_crash():
        db.session.add(Municipality(name="Half", slug="half"))
        db.session.flush()
        raise RuntimeError("a bug")

    @boom.post("/api/v1/_boom/bad-flush")
    def bad_flush():
        db.session.add(Invite(code_hash="x" * 64, role="youth", municipality_id=424242,
                              expires_at=db.func.now()))
        db.session.flush()  # foreign key violation

    @boom.post("/api/v1/_boom/write-then-fail")
    def write_then_fail():
        db.session.add(Municipality(name="Half", slug="half"))
        db.session.flush()
        fail(409)

    app.register_blueprint(boom)
    return app


@pytest.mark.parametrize("path", ["write-then-crash", "bad-flush", "write-then-fail"])
def test_failed_requests_leave_nothing_half_written(broken_app, app_ctx, path, caplog):
    client = broken_app.test_client()
    response = client.post(f"/api/v1/_boom/{path}", json={})
    status = 409 if path == "write-then-fail" else 500
    body = assert_error(response, status)
    assert "Traceback" not in response.get_data(as_text=True)
    assert "a bug" not in body["message"]
    assert db.session.scalar(select(func.count()).select_from(Municipality)) == 0
    assert db.session.scalar(select(func.count()).select_from(Invite)) == 0
    assert db.session.scalar(select(func.count()).select_from(AuditLog)) == 0
    assert client.get("/api/v1/health").status_code == 200


def test_500_message_is_the_generic_one(broken_app):
    response = broken_app.test_client().post("/api/v1/_boom/write-then-crash", json={})
    assert assert_error(response, 500, "server_error")["message"]
