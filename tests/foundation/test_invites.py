"""Invite codes: short, single use, expiring, scoped; only a hash is stored."""

import re
import threading
from datetime import timedelta

import pytest
from meedoen.audit.models import AuditLog
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.invites.models import Invite
from meedoen.invites.services import ALPHABET, hash_code, new_code
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error

CODE = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


@pytest.fixture
def world(factory):
    home, away = factory.municipality(), factory.municipality()
    second_location = factory.location(home)
    return {
        "home": home, "away": away, "second_location": second_location,
        "mentor": factory.user("mentor", home),  # mentor of home's first location
        "worker": factory.user("youth_worker", home),
        "admin": factory.user("admin"),
        "contact": factory.user("contact", home),
        "youth": factory.user("youth", home),
    }


def invite(app, user, **body):
    return app.test_client().login_as(user).post("/api/v1/invites", json=body)


def redeem(client, code, username="new-youth", **extra):
    body = {"code": code, "username": username, "password": "a-long-unusual-phrase",
            "display_name": "Nieuw", **extra}
    return client.post("/api/v1/auth/redeem", json=body)


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_codes_are_short_and_unambiguous():
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(CODE.match(code) for code in codes)
    assert not set("01ILO") & set(ALPHABET)


def test_only_a_hash_is_stored(app, world):
    response = invite(app, world["worker"], role="youth")
    assert response.status_code == 201, response.json
    code = response.json["code"]
    assert CODE.match(code)
    stored = db.session.scalars(select(Invite)).one()
    assert stored.code_hash == hash_code(code) and len(stored.code_hash) == 64
    raw = code.replace("-", "")
    row = db.session.execute(select(Invite.__table__)).one()
    assert not [value for value in row if isinstance(value, str) and raw in value.upper()]
    audit = db.session.scalars(select(AuditLog)).one()
    assert raw not in str(audit.details).upper() and code not in str(audit.details)


def test_redeem_creates_a_logged_in_account_in_the_invites_place(app, world, client):
    code = invite(app, world["mentor"], role="youth").json["code"]
    # Typed on a phone: lower case, a space instead of the dash.
    response = redeem(client, code.lower().replace("-", " "), ui_language="ar",
                      languages=["ar", "ti"], interests=["sport"])
    assert response.status_code == 201, response.json
    account = response.json
    assert account["role"] == "youth"
    assert account["municipality"]["id"] == world["home"].id
    assert account["location"]["id"] == world["home"].locations[0].id
    assert account["ui_language"] == "ar" and account["languages"] == ["ar", "ti"]
    assert client.get("/api/v1/me").json["username"] == "new-youth"


def test_new_account_keeps_the_language_it_was_made_in(app, world, client):
    code = invite(app, world["worker"], role="youth").json["code"]
    response = client.post("/api/v1/auth/redeem?lang=fa", json={
        "code": code, "username": "hamid", "password": "a-long-unusual-phrase",
        "display_name": "Hamid"})
    assert response.status_code == 201, response.json
    assert response.json["ui_language"] == "fa"


def test_a_code_works_once(app, world, client):
    code = invite(app, world["worker"], role="youth").json["code"]
    assert redeem(client, code).status_code == 201
    second = client.application.test_client()
    assert_error(redeem(second, code, username="someone-else"), 422, "invalid_invite", ["code"])
    assert count(User) == 5 + 1


def test_concurrent_redemptions_exactly_one_wins(app, world):
    code = invite(app, world["worker"], role="youth").json["code"]
    attempts = 4
    barrier = threading.Barrier(attempts)
    statuses = []

    def attempt(n):
        client = app.test_client()
        barrier.wait()
        statuses.append(redeem(client, code, username=f"racer-{n}").status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [201] + [422] * (attempts - 1)
    assert db.session.scalar(select(func.count()).select_from(User)
                             .where(User.username.like("racer-%"))) == 1


def test_expired_code_is_refused_and_stays_unused(app, world, client):
    code = invite(app, world["worker"], role="youth").json["code"]
    stored = db.session.scalars(select(Invite)).one()
    stored.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert_error(redeem(client, code), 422, "invalid_invite", ["code"])
    db.session.expire_all()
    assert db.session.scalars(select(Invite)).one().used_at is None


def test_expiry_comes_from_the_configuration(app, world):
    before = utcnow()
    response = invite(app, world["worker"], role="youth")
    valid_for = app.config["INVITE_VALID_FOR"]
    stored = db.session.scalars(select(Invite)).one()
    assert before + valid_for <= stored.expires_at <= utcnow() + valid_for
    assert response.json["expires_at"].startswith(stored.expires_at.date().isoformat())


def test_failed_redemption_leaves_the_code_usable(app, world, client):
    code = invite(app, world["worker"], role="youth").json["code"]
    taken = world["youth"].username
    assert_error(redeem(client, code, username=taken), 409, "username_taken", ["username"])
    assert_error(redeem(client, code, display_name="\x00"), 422, "invalid_input",
                 ["display_name"])
    assert count(User) == 5
    assert redeem(client, code).status_code == 201


def test_unknown_code_is_refused(client, world):
    assert_error(redeem(client, "ABCD-EFGH"), 422, "invalid_invite", ["code"])


# -- who may invite whom, and where ------------------------------------------------------


def test_mentor_invites_youth_only_for_own_locations(app, world):
    mentor, home = world["mentor"], world["home"]
    response = invite(app, mentor, role="youth")
    assert response.status_code == 201, response.json
    assert response.json["location_id"] == home.locations[0].id
    assert response.json["municipality_id"] == home.id
    assert_error(invite(app, mentor, role="youth", location_id=world["second_location"].id),
                 404)
    assert_error(invite(app, mentor, role="youth", location_id=world["away"].locations[0].id),
                 404)
    assert_error(invite(app, mentor, role="youth", municipality_id=world["away"].id), 404)
    for staff_role in ("mentor", "youth_worker", "contact", "admin"):
        assert_error(invite(app, mentor, role=staff_role), 403)


def test_youth_worker_invites_youth_in_own_municipality(app, world):
    worker, home = world["worker"], world["home"]
    response = invite(app, worker, role="youth", location_id=world["second_location"].id)
    assert response.status_code == 201, response.json
    assert response.json["municipality_id"] == home.id
    assert invite(app, worker, role="youth", municipality_id=home.id).status_code == 201
    assert_error(invite(app, worker, role="youth", location_id=world["away"].locations[0].id),
                 404)
    assert_error(invite(app, worker, role="youth", municipality_id=world["away"].id), 404)
    for staff_role in ("mentor", "youth_worker", "contact", "admin"):
        assert_error(invite(app, worker, role=staff_role), 403)


@pytest.mark.parametrize("who", ["youth", "contact"])
def test_youth_and_contacts_cannot_invite(app, world, who):
    assert_error(invite(app, world[who], role="youth"), 403)


def test_admin_invites_staff_anywhere(app, world, client):
    admin, away = world["admin"], world["away"]
    response = invite(app, admin, role="mentor", location_id=away.locations[0].id)
    assert response.status_code == 201, response.json
    assert response.json["municipality_id"] == away.id
    mentor = redeem(client, response.json["code"], username="new-mentor").json
    assert mentor["role"] == "mentor" and mentor["mentor_location_ids"] == [away.locations[0].id]
    assert mentor["location"] is None
    for role in ("youth_worker", "contact", "youth"):
        assert invite(app, admin, role=role, municipality_id=away.id).status_code == 201
    assert invite(app, admin, role="admin").status_code == 201


def test_admin_must_name_an_existing_municipality(app, world):
    admin = world["admin"]
    assert_error(invite(app, admin, role="mentor"), 422, "invalid_input", ["municipality_id"])
    assert_error(invite(app, admin, role="youth", municipality_id=424242), 404)
    assert_error(invite(app, admin, role="youth", location_id=424242), 404)
    assert_error(invite(app, admin, role="youth", municipality_id=world["away"].id,
                        location_id=world["home"].locations[0].id), 404)
    assert count(Invite) == 0 and count(AuditLog) == 0


def test_invite_input_is_validated(app, world):
    worker = world["worker"]
    assert_error(invite(app, worker, role="king"), 422, "invalid_input", ["role"])
    assert_error(invite(app, worker, role="youth", location_id="3"), 422, "invalid_input",
                 ["location_id"])
    assert_error(invite(app, worker, role="youth", code="AAAA-BBBB"), 422, "invalid_input",
                 ["code"])
