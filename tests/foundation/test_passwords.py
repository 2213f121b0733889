"""Passwords: argon2id with argon2-cffi's real defaults, a minimum length, no common ones."""

import importlib

import argon2
import pytest
from meedoen.auth import passwords
from meedoen.extensions import db

from tests.foundation.helpers import assert_error, fresh, login


@pytest.fixture
def real_hasher(monkeypatch):
    """The module as production has it (the tests swap in a cheap hasher)."""
    monkeypatch.setattr(passwords, "_hasher", passwords._hasher)
    monkeypatch.setattr(passwords, "_DUMMY_HASH", passwords._DUMMY_HASH)
    importlib.reload(passwords)
    return passwords


def test_hash_is_argon2id_with_the_real_default_parameters(real_hasher):
    encoded = real_hasher.hash_password("correct-horse-42")
    assert encoded.startswith("$argon2id$")
    params = argon2.extract_parameters(encoded)
    defaults = argon2.profiles.RFC_9106_LOW_MEMORY
    assert params.type is argon2.Type.ID
    assert (params.time_cost, params.memory_cost, params.parallelism) == (
        defaults.time_cost, defaults.memory_cost, defaults.parallelism)
    # OWASP's minimum for argon2id: 19 MiB with 2 passes.
    assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2
    assert real_hasher.verify_password(encoded, "correct-horse-42")
    assert not real_hasher.verify_password(encoded, "correct-horse-43")
    assert not real_hasher.needs_rehash(encoded)
    assert argon2.extract_parameters(real_hasher._DUMMY_HASH) == params


def test_weak_hashes_are_upgraded_at_login(real_hasher, factory, client):
    cheap = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    user = factory.user("youth", factory.municipality())
    user.password_hash = cheap.hash("correct-horse-42")
    db.session.commit()
    assert login(client, user.username).status_code == 200
    upgraded = argon2.extract_parameters(fresh(user).password_hash)
    assert upgraded.memory_cost == argon2.profiles.RFC_9106_LOW_MEMORY.memory_cost


def test_broken_or_missing_hash_never_verifies():
    assert not passwords.verify_password("not-a-hash", "anything")
    assert not passwords.verify_password(None, "meedoen-timing-equaliser")
    assert not passwords.verify_password("", "")


@pytest.fixture
def invite_code(factory, client):
    municipality = factory.municipality()
    mentor = factory.user("mentor", municipality)
    inviter = client.application.test_client().login_as(mentor)
    response = inviter.post("/api/v1/invites", json={"role": "youth"})
    assert response.status_code == 201, response.json
    return response.json["code"]


def redeem(client, code, password):
    return client.post("/api/v1/auth/redeem", json={
        "code": code, "username": "new-youth", "password": password, "display_name": "Nieuw"})


@pytest.mark.parametrize("password", ["short", "1234567", "a" * 129])
def test_redeem_refuses_passwords_of_the_wrong_length(invite_code, client, password):
    assert_error(redeem(client, invite_code, password), 422, "invalid_input", ["password"])


@pytest.mark.parametrize("password", ["password123", "Wachtwoord1", "12345678", "QWERTY123",
                                      "meedoen123"])
def test_redeem_refuses_common_passwords(invite_code, client, password):
    assert_error(redeem(client, invite_code, password), 422, "invalid_input", ["password"])
    # The code was not used up by the refused attempt.
    assert redeem(client, invite_code, "a-long-unusual-phrase").status_code == 201


def test_eight_characters_are_enough(invite_code, client):
    assert redeem(client, invite_code, "zq8!Lm2#").status_code == 201


def test_password_change_applies_the_same_rules(factory, client):
    user = factory.user("youth", factory.municipality())
    client.login_as(user)
    change = {"current_password": "correct-horse-42"}
    assert_error(client.patch("/api/v1/me", json={**change, "new_password": "short"}), 422,
                 "invalid_input", ["new_password"])
    assert_error(client.patch("/api/v1/me", json={**change, "new_password": "password123"}),
                 422, "invalid_input", ["new_password"])
    assert_error(client.patch("/api/v1/me", json={"current_password": "wrong-password",
                                                  "new_password": "a-long-unusual-phrase"}),
                 422, "invalid_input", ["current_password"])
    assert_error(client.patch("/api/v1/me", json={"new_password": "a-long-unusual-phrase"}),
                 422, "invalid_input", ["current_password"])
    assert client.patch("/api/v1/me", json={**change, "new_password": "a-long-unusual-phrase"}
                        ).status_code == 200
    other = client.application.test_client()
    assert_error(login(other, user.username), 401)
    assert login(other, user.username, "a-long-unusual-phrase").status_code == 200


def test_common_password_list_is_loaded():
    common = passwords.common_passwords()
    assert len(common) >= 30
    # Shorter entries (6-7) catch a common word with digits or symbols added at the ends.
    assert all(len(p) >= 6 for p in common)
