"""POST /auth/redeem says nothing about usernames until the invite code is valid.

It answered 409 ``username_taken`` for an existing name even with an invented code, so
anyone could test which usernames exist (and so which young people use the app).
"""

from datetime import timedelta

import pytest
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.invites import redeem_routes
from meedoen.invites.models import Invite
from meedoen.invites.services import hash_code
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error, without_request_id


@pytest.fixture
def home(factory):
    return factory.municipality()


@pytest.fixture
def taken(factory, home):
    return factory.user("youth", home, username="amal-taken").username


def new_invite(factory, home, code="WXYZ-2345", **fields) -> str:
    creator = factory.user("youth_worker", home)
    values = {"role": "youth", "municipality_id": home.id, "created_by_id": creator.id,
              "expires_at": utcnow() + timedelta(days=7), **fields}
    db.session.add(Invite(code_hash=hash_code(code), **values))
    db.session.commit()
    return code


def redeem(client, code, username):
    return client.post("/api/v1/auth/redeem", json={
        "code": code, "username": username, "password": "a-long-unusual-phrase",
        "display_name": "Nieuw"})


def _users() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(User))


@pytest.fixture
def name_lookups(monkeypatch):
    """Every time the redeem route asks whether a username exists."""
    asked = []
    real = redeem_routes.username_taken

    def spy(username):
        asked.append(username)
        return real(username)

    monkeypatch.setattr(redeem_routes, "username_taken", spy)
    return asked


@pytest.mark.parametrize("which", ["invented", "used", "expired"])
def test_an_invalid_code_gets_the_same_answer_for_taken_and_free_names(
        factory, home, client, taken, name_lookups, which):
    code = "ABCD-EFGH"
    if which == "used":
        code = new_invite(factory, home, used_at=utcnow())
    elif which == "expired":
        code = new_invite(factory, home, expires_at=utcnow() - timedelta(minutes=1))
    before = _users()
    for_taken = redeem(client, code, taken)
    for_free = redeem(client, code, "nobody-has-this")
    assert_error(for_taken, 422, "invalid_invite", ["code"])
    assert without_request_id(for_taken.get_json()) == without_request_id(for_free.get_json())
    assert "username" not in for_taken.get_json().get("fields", {})
    assert for_taken.headers.get("Content-Length") == for_free.headers.get("Content-Length")
    # The name was not even looked at: no answer and no timing can depend on it.
    assert name_lookups == []
    assert _users() == before


def test_a_valid_code_with_a_taken_name_is_409_and_the_code_stays_usable(
        factory, home, client, taken):
    code = new_invite(factory, home)
    assert_error(redeem(client, code, taken), 409, "username_taken", ["username"])
    assert_error(redeem(client, code, taken.upper()), 409, "username_taken", ["username"])
    response = redeem(client, code, "amal-new")
    assert response.status_code == 201, response.get_json()
    assert_error(redeem(client, code, "amal-newer"), 422, "invalid_invite", ["code"])
