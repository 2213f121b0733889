"""Password rules after NIST SP 800-63B: length, no context words, no common or breached
passwords, no composition rules; long passphrases and every script are welcome.

Eight spaces, the username itself and ``abcdefgh`` were accepted.
"""

import unicodedata

import pytest
from meedoen.auth import passwords

from tests.foundation.helpers import assert_error, login


@pytest.fixture
def invite_code(factory, client):
    municipality = factory.municipality()
    mentor = factory.user("mentor", municipality)
    inviter = client.application.test_client().login_as(mentor)
    response = inviter.post("/api/v1/invites", json={"role": "youth"})
    assert response.status_code == 201, response.json
    return response.json["code"]


def redeem(client, code, password, username="new-youth", display_name="Nieuwkomer"):
    return client.post("/api/v1/auth/redeem", json={
        "code": code, "username": username, "password": password,
        "display_name": display_name})


def message(response) -> str:
    return " ".join(response.get_json()["fields"]["password"])


WHITESPACE_ONLY = [" " * 8, " " * 30, "\t" * 8, "\u3000" * 8, " \u00a0 \u2003 \u2002 ",
                   "\u200b" * 8]
CONTEXT = [
    "new-youth", "NEW-YOUTH", "new-youth-2026", "my new-youth pw", "NewYouth2026!",
    "nieuwkomer", "Nieuwkomer123", "ik ben NIEUWKOMER", "x-nieuwkomer-x",
]
GUESSABLE = [
    "abcdefgh", "ABCDEFGH", "abcdefghij", "hgfedcba", "bcdefghi", "12345678910", "98765432",
    "qwertyui", "asdfghjkl", "azertyuiop", "zxcvbnm,", "aaaaaaaa", "zzzzzzzzzzzz",
    "abababab", "12121212", "abcabcabc", "abcd1234", "1234abcd", "aaaa1111", "qwer1234",
    "password", "Password1!", "P@ssword", "p a s s w o r d", "iloveyou2024", "Summer2024!",
    "dragon2024", "football!!", "Meedoen2026", "ikhouvanmeedoen", "wachtwoord",
]


@pytest.mark.parametrize("password", WHITESPACE_ONLY)
def test_redeem_refuses_whitespace_only_passwords(invite_code, client, password):
    response = redeem(client, invite_code, password)
    assert_error(response, 422, "invalid_input", ["password"])


@pytest.mark.parametrize("password", CONTEXT)
def test_redeem_refuses_the_username_and_display_name_in_the_password(invite_code, client,
                                                                      password):
    response = redeem(client, invite_code, password)
    assert_error(response, 422, "invalid_input", ["password"])
    assert "name" in message(response).lower() or "naam" in message(response).lower()


@pytest.mark.parametrize("password", GUESSABLE)
def test_redeem_refuses_sequences_repeats_and_common_passwords(invite_code, client, password):
    assert_error(redeem(client, invite_code, password), 422, "invalid_input", ["password"])


LONG_PASSPHRASE = ("op zaterdag fiets ik met mijn vrienden naar het voetbalveld achter de "
                   "sporthal en daarna eten we samen soep bij de buren van twee hoog!")
GOOD = [
    pytest.param("zq8!Lm2#", id="eight-random"),
    pytest.param("mijn fiets is rood en snel", id="passphrase-with-spaces"),
    pytest.param("alleenkleineletterszonderietsanders", id="no-composition-rules"),
    pytest.param(LONG_PASSPHRASE[:128], id="128-characters"),
    pytest.param("ኣነ ብብሽክሌታ ናብ ቤት ትምህርቲ እኸይድ", id="tigrinya"),
    pytest.param("أنا أحب كرة القدم كثيرا", id="arabic"),
    pytest.param("من هر روز فوتبال بازی می‌کنم", id="persian-with-zwnj"),
    pytest.param("🚲🌧️📚🎵🍉🌙⚽🧩", id="emoji"),
    pytest.param("Ali-gaat-fietsen-7", id="short-display-name-inside-is-fine"),
]


@pytest.mark.parametrize("password", GOOD)
def test_redeem_accepts_passphrases_in_any_script(invite_code, client, password):
    response = redeem(client, invite_code, password, display_name="Ali")
    assert response.status_code == 201, response.get_json()
    other = client.application.test_client()
    assert login(other, "new-youth", password).status_code == 200


def test_a_password_typed_in_another_unicode_form_still_works(invite_code, client):
    """NIST: normalise Unicode (NFKC) before hashing; é typed as one or two code points."""
    composed = unicodedata.normalize("NFC", "café-au-lait-op-zondag")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert redeem(client, invite_code, composed).status_code == 201
    other = client.application.test_client()
    assert login(other, "new-youth", decomposed).status_code == 200


def test_a_hash_made_before_normalisation_still_verifies():
    decomposed = unicodedata.normalize("NFD", "café-au-lait-op-zondag")
    old_hash = passwords._hasher.hash(decomposed)  # as stored before this rule
    assert passwords.verify_password(old_hash, decomposed)
    assert not passwords.verify_password(old_hash, "cafe-au-lait-op-zondag")


def test_password_change_applies_the_same_rules(factory, client):
    user = factory.user("youth", factory.municipality(), username="amal.h",
                        display_name="Amal Hassan")
    client.login_as(user)
    change = {"current_password": "correct-horse-42"}
    for new in [" " * 12, "amal.h", "Amal.H.2026", "amalh2026!", "hassan-op-de-fiets",
                "Amal Hassan", "abcdefgh", "qwertyuiop", "11111111"]:
        response = client.patch("/api/v1/me", json={**change, "new_password": new})
        assert_error(response, 422, "invalid_input", ["new_password"])
    response = client.patch("/api/v1/me", json={**change, "new_password": "fietsen naar school"})
    assert response.status_code == 200, response.get_json()


def test_a_new_display_name_is_checked_against_the_new_password(factory, client):
    user = factory.user("youth", factory.municipality(), display_name="Amal")
    client.login_as(user)
    response = client.patch("/api/v1/me", json={
        "current_password": "correct-horse-42", "new_password": "zeynab-op-zondag",
        "display_name": "Zeynab"})
    assert_error(response, 422, "invalid_input", ["new_password"])


def test_the_blocklist_holds_common_and_sequence_passwords():
    common = passwords.common_passwords()
    assert len(common) >= 10_000
    for password in ["abcdefgh", "12345678", "password", "qwertyuiop", "iloveyou",
                     "wachtwoord", "welkom01"]:
        assert password in common, password
