"""Display names are seen by minors: no invisible-only names, no text-direction tricks, and
no name that pretends to be staff or the app itself ("Admin", "Meedoen", ...).
"""

import pytest

from tests.foundation.helpers import assert_error, fresh

INVISIBLE_ONLY = [
    "\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", " \u200b ", "\u00ad\u00ad",
    "\u3164", "\u2800\u2800", "\u115f\u1160", "\ufe0f", "\u180e", "\u034f\u034f",
    "\u061c", "\u200e\u200f",
]
BIDI_CONTROLS = [
    "Amal\u202e", "\u202eAmal", "Ali\u202dx", "x\u202ay", "a\u202bb", "a\u202cb",
    "Amal\u2066x\u2069", "\u2067Ali", "\u2068Ali\u2069",
]
STAFF_NAMES = [
    # the roles and the app, in common spellings
    "Admin", "admin", "ADMIN", "Admin1", "_admin_", "Admin!!", "Ad-min", "A d m i n",
    "Administrator", "Sys Admin", "Admin Ali", "AliAdmin", "TheAdmin", "Adm1n", "@dmin",
    "Moderator", "moderator 2", "Mod", "Jongerenwerker", "jongeren werker",
    "Jongerenwerker Sanne", "Youth worker", "Mentor", "Mentor Ali", "mentor_ali",
    "Meedoen", "MEEDOEN", "Meedoen Team", "Team Meedoen", "MeedoenApp", "m33d0en",
    "Mee doen", "Beheerder", "Begeleider",
    # accents, look-alike and wide letters
    "Ádmín", "Mödératör", "Аdmin", "Ａｄｍｉｎ", "𝐀𝐝𝐦𝐢𝐧", "Meedoën",
    # the shipped languages' words
    "Administrateur", "Modérateur", "Éducateur", "Yönetici", "Moderatör",
    "Gençlik çalışanı", "Maamule", "Maamulaha", "Rêveber", "ادمن", "المشرف", "المدير",
    "ادمین", "مدیر", "اډمین", "አስተዳዳሪ", "ኣስተዳዳሪ",
]
GOOD_NAMES = [
    "Amal", "Ali", "Amal B.", "Mohammed Al-Amin", "Badminton Bilal", "Hamid 2", "ኣማን",
    "فاطمة", "زهره‌ سادات", "Ömer", "Zeynab ⚽", "Modou", "Admir", "Mentesh", "Meerdoen",
    "José-María", "Ayaan Cabdi", "Mahmoud", "Sara\u200cy",
]


@pytest.fixture
def youth(factory, client):
    user = factory.user("youth", factory.municipality(), display_name="Amal")
    client.login_as(user)
    return user


def _patch(client, name):
    return client.patch("/api/v1/me", json={"display_name": name})


@pytest.mark.parametrize("name", INVISIBLE_ONLY)
def test_invisible_only_names_are_refused(youth, client, name):
    assert_error(_patch(client, name), 422, "invalid_input", ["display_name"])
    assert fresh(youth).display_name == "Amal"


@pytest.mark.parametrize("name", BIDI_CONTROLS)
def test_direction_override_and_isolate_characters_are_refused(youth, client, name):
    assert_error(_patch(client, name), 422, "invalid_input", ["display_name"])
    assert fresh(youth).display_name == "Amal"


@pytest.mark.parametrize("name", STAFF_NAMES)
def test_names_that_pretend_to_be_staff_or_the_app_are_refused(youth, client, name):
    response = _patch(client, name)
    assert_error(response, 422, "invalid_input", ["display_name"])
    assert fresh(youth).display_name == "Amal"


@pytest.mark.parametrize("name", GOOD_NAMES)
def test_ordinary_names_in_every_script_are_fine(youth, client, name):
    response = _patch(client, name)
    assert response.status_code == 200, response.get_json()
    assert fresh(youth).display_name == name


def test_the_messages_say_what_is_wrong_in_the_users_language(youth, client):
    names = ("\u200b", "Amal\u202e", "Admin")
    for lang in ("en", "nl", "ar", "ti"):
        messages = []
        for name in names:
            response = client.patch(f"/api/v1/me?lang={lang}", json={"display_name": name})
            messages.append(assert_error(response, 422)["fields"]["display_name"][0])
        assert len(set(messages)) == 3, (lang, messages)  # three different reasons
        if lang in ("ar", "ti"):
            assert not any(m.isascii() for m in messages), (lang, messages)


@pytest.fixture
def invite_code(factory, client):
    municipality = factory.municipality()
    mentor = factory.user("mentor", municipality)
    inviter = client.application.test_client().login_as(mentor)
    return inviter.post("/api/v1/invites", json={"role": "youth"}).json["code"]


@pytest.mark.parametrize("name", ["Admin", "\u200b\u200b", "Ali\u202e", "Team Meedoen",
                                  "Mentor", "Jongerenwerker"])
def test_redeem_applies_the_same_rules(invite_code, client, name):
    response = client.post("/api/v1/auth/redeem", json={
        "code": invite_code, "username": "new-youth", "password": "a-long-unusual-phrase",
        "display_name": name})
    assert_error(response, 422, "invalid_input", ["display_name"])
    ok = client.post("/api/v1/auth/redeem", json={
        "code": invite_code, "username": "new-youth", "password": "a-long-unusual-phrase",
        "display_name": "Nieuw"})
    assert ok.status_code == 201, ok.get_json()
