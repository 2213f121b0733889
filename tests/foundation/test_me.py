"""GET/PATCH /me and the export of everything held about the user."""

from datetime import timedelta

import pytest
from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.invites.services import create_invite
from sqlalchemy import inspect

from tests.foundation.helpers import assert_error, fresh

# User columns that are secrets, never exported (they are credentials, not data about you).
SECRETS = {"password_hash", "session_token"}
# Columns exported under another name: the municipality and location come with their names.
EXPORTED_AS = {"municipality_id": "municipality", "location_id": "location"}


@pytest.fixture
def youth(factory):
    return factory.user("youth", factory.municipality(), display_name="Amal",
                        languages=["ar"], interests=["sport"])


def test_get_me_shows_the_profile(youth, client):
    me = client.login_as(youth).get("/api/v1/me").json
    assert me["display_name"] == "Amal" and me["role"] == "youth"
    assert me["languages"] == ["ar"] and me["interests"] == ["sport"]
    assert me["municipality"]["id"] == youth.municipality_id
    assert "password_hash" not in me and "session_token" not in me


def test_patch_every_profile_field(youth, client):
    changes = {"display_name": "Amal B.", "ui_language": "ar", "languages": ["ar", "fa_AF", "en"],
               "interests": ["music", "sport"], "show_as_going": True,
               "quiet_from": "22:00:00", "quiet_until": "07:30:00"}
    response = client.login_as(youth).patch("/api/v1/me", json=changes)
    assert response.status_code == 200, response.json
    me = client.get("/api/v1/me").json
    for name, value in changes.items():
        if name == "languages":  # Dari, given as fa_AF as before, is stored as prs
            assert sorted(me[name]) == ["ar", "en", "prs"]
        elif name == "interests":
            assert sorted(me[name]) == sorted(value), name
        else:
            assert me[name] == value, name
    response = client.patch("/api/v1/me", json={"quiet_from": None, "quiet_until": None,
                                                 "languages": []})
    assert response.status_code == 200, response.json
    assert response.json["quiet_from"] is None and response.json["languages"] == []


INVALID = [
    ({"display_name": ""}, "display_name"),
    ({"ui_language": "de"}, "ui_language"),
    ({"languages": ["klingon"]}, "languages"),
    ({"languages": ["nl"] * 11}, "languages"),
    ({"interests": ["smoking"]}, "interests"),
    ({"quiet_from": "22:00"}, "quiet_until"),
    ({"quiet_until": "25:00", "quiet_from": "22:00"}, "quiet_until"),
    ({"role": "admin"}, "role"),
    ({"username": "someone-else"}, "username"),
    ({"municipality_id": 1}, "municipality_id"),
    ({"active": True}, "active"),
]


@pytest.mark.parametrize(("body", "field"), INVALID)
def test_patch_refuses_invalid_and_forbidden_fields(youth, client, body, field):
    response = client.login_as(youth).patch("/api/v1/me", json=body)
    assert_error(response, 422, "invalid_input", [field])
    assert fresh(youth).display_name == "Amal"


def test_me_needs_a_login(client):
    for method in ("GET", "PATCH", "DELETE"):
        assert_error(client.open("/api/v1/me", method=method, json={} if method == "PATCH"
                                 else None), 401, "login_required")
    assert_error(client.get("/api/v1/me/export"), 401)


def test_export_holds_every_personal_field(youth, client, factory):
    worker = factory.user("youth_worker", youth.municipality, display_name="Rachid")
    youth = fresh(youth)
    youth.failed_logins, youth.locked_until = 2, utcnow() + timedelta(minutes=1)
    db.session.commit()
    create_invite(worker, youth.role, worker.municipality_id, None)
    record(worker, "user.update", worker.municipality_id, user_id=youth.id)
    db.session.commit()

    export = client.login_as(youth).get("/api/v1/me/export")
    assert export.status_code == 200
    account = export.json["account"]
    stored = fresh(youth)
    for attribute in inspect(User).column_attrs:
        name = attribute.columns[0].name
        if name in SECRETS:
            assert name not in str(export.json), name
            continue
        key = EXPORTED_AS.get(name, name)
        assert key in account, f"User.{name} is not in the export"
        assert (account[key] is None) == (getattr(stored, attribute.key) is None), key
    assert account["failed_logins"] == 2 and account["active"] is True
    assert account["municipality"]["id"] == stored.municipality_id
    assert account["location"]["id"] == stored.location_id
    assert account["languages"] == ["ar"] and account["interests"] == ["sport"]

    worker_export = client.login_as(worker).get("/api/v1/me/export").json
    assert len(worker_export["invites_created"]) == 1
    # create_invite audits itself (the service, not the route, records).
    assert {row["action"] for row in worker_export["actions_logged"]} == {"invite.create",
                                                                         "user.update"}


def test_export_is_not_cached(youth, client):
    response = client.login_as(youth).get("/api/v1/me/export")
    assert response.headers["Cache-Control"] == "no-store"
