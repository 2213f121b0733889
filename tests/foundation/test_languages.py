"""Languages: the shipped list from Babel, and ?lang= → preference → Accept-Language → nl.

The error-message tests use a small catalog of their own, so that they test the
language choice whatever the state of the real catalogs (test_catalogs checks those).
"""

from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask_babel import format_date, get_locale
from meedoen.core.languages import CLDR_LOCALES, NATIVE_NAMES, SHIPPED_LANGUAGES
from meedoen.extensions import babel

from tests.conftest import ApiClient, make_app

MESSAGES = ["Please log in first.", "Some fields are not filled in correctly.",
            "This field is not allowed.", "This must be between {min} and {max} long.",
            "This username and password do not match."]
TEST_LANGUAGES = ("nl", "ar", "fr", "tr", "prs")


def translated(lang: str, message: str) -> str:
    return f"{lang.upper()}: {message}"


@pytest.fixture
def catalog_app(database_url, tmp_path):
    for lang in TEST_LANGUAGES:
        catalog = Catalog(locale=lang)
        for message in MESSAGES:
            catalog.add(message, translated(lang, message))
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / "messages.mo").open("wb") as f:
            write_mo(f, catalog)
    forget_loaded_catalogs()
    app = make_app(database_url, BABEL_TRANSLATION_DIRECTORIES=str(tmp_path))
    app.test_client_class = ApiClient
    yield app
    forget_loaded_catalogs()


def forget_loaded_catalogs():
    """Flask-Babel caches loaded catalogs per language, shared by all apps in the process."""
    domain = babel.__dict__.get("domain_instance")  # a cached_property, made on first use
    if domain is not None:
        domain.cache.clear()


def message(response) -> str:
    return response.get_json()["message"]


def anonymous_401(app, path="/api/v1/me", **headers):
    return message(app.test_client().get(path, headers=headers))


def test_default_is_dutch(catalog_app):
    assert anonymous_401(catalog_app) == translated("nl", "Please log in first.")


@pytest.mark.parametrize(("header", "lang"), [
    ("fr", "fr"), ("fr-BE,fr;q=0.9", "fr"), ("de, tr;q=0.8, fr;q=0.5", "tr"), ("de", "nl"),
    ("ar-SY", "ar")])
def test_accept_language(catalog_app, header, lang):
    assert anonymous_401(catalog_app, **{"Accept-Language": header}) == translated(
        lang, "Please log in first.")


def test_lang_parameter_beats_accept_language(catalog_app):
    assert anonymous_401(catalog_app, "/api/v1/me?lang=ar", **{"Accept-Language": "fr"}) == \
        translated("ar", "Please log in first.")
    # A language we do not ship is ignored.
    assert anonymous_401(catalog_app, "/api/v1/me?lang=de", **{"Accept-Language": "fr"}) == \
        translated("fr", "Please log in first.")


def test_user_preference_beats_accept_language_and_lang_beats_both(catalog_app, factory):
    user = factory.user("youth", factory.municipality(), ui_language="tr")
    client = catalog_app.test_client().login_as(user)
    headers = {"Accept-Language": "fr"}
    body = client.patch("/api/v1/me", json={"bogus": 1}, headers=headers).get_json()
    assert body["message"] == translated("tr", "Some fields are not filled in correctly.")
    assert body["fields"]["bogus"] == [translated("tr", "This field is not allowed.")]
    body = client.patch("/api/v1/me?lang=ar", json={"display_name": "x" * 61},
                        headers=headers).get_json()
    assert body["message"] == translated("ar", "Some fields are not filled in correctly.")
    assert body["fields"]["display_name"] == [
        translated("ar", "This must be between 1 and 60 long.")]


def test_login_error_in_the_asked_language(catalog_app):
    response = catalog_app.test_client().post(
        "/api/v1/auth/login?lang=fr", json={"username": "nobody", "password": "wrong-password"})
    assert message(response) == translated("fr", "This username and password do not match.")


def test_every_shipped_language_is_served(catalog_app):
    for lang in SHIPPED_LANGUAGES:
        response = catalog_app.test_client().get(f"/api/v1/me?lang={lang}")
        expected = translated(lang, "Please log in first.") if lang in TEST_LANGUAGES else \
            "Please log in first."
        assert message(response) == expected, lang


def test_languages_lists_the_shipped_ones_with_native_names_from_babel(client):
    response = client.get("/api/v1/languages")
    assert response.status_code == 200
    listed = response.json
    assert [item["code"] for item in listed] == list(SHIPPED_LANGUAGES)
    assert len(listed) == 14
    for item in listed:
        locale = Locale.parse(CLDR_LOCALES.get(item["code"], item["code"]))
        assert item["name"] == NATIVE_NAMES.get(item["code"], locale.get_display_name(locale))
        assert item["direction"] == locale.text_direction
    assert {item["code"] for item in listed if item["direction"] == "rtl"} == {
        "ar", "fa", "prs", "ps", "ckb"}
    names = {item["code"]: item["name"] for item in listed}
    assert names["nl"] == "Nederlands" and names["ar"] == "العربية" and names["ti"] == "ትግርኛ"
    assert (names["ckb"], names["prs"], names["om"], names["fa"]) == (
        "کوردی (سۆرانی)", "دری", "Oromoo", "فارسی")


def test_dari_has_its_own_catalog_and_a_phone_set_to_fa_af_gets_it(catalog_app):
    assert anonymous_401(catalog_app, "/api/v1/me?lang=prs") == translated(
        "prs", "Please log in first.")
    assert anonymous_401(catalog_app, **{"Accept-Language": "fa-AF, fa;q=0.8"}) == translated(
        "prs", "Please log in first.")
    assert anonymous_401(catalog_app, **{"Accept-Language": "fa-IR"}) == "Please log in first."


def test_dari_dates_come_from_cldr_fa_af_under_its_own_code(app):
    with app.test_request_context("/?lang=prs"):
        assert str(get_locale()) == "prs"
        assert format_date(date(2026, 12, 7), "d MMMM") == "7 دسمبر"  # Afghan month name
    with app.test_request_context("/?lang=ckb"):
        assert format_date(date(2026, 12, 7), "MMMM") == "کانونی یەکەم"
    with app.test_request_context("/?lang=om"):
        assert format_date(date(2026, 12, 7), "MMMM") == "Mudde"


def test_shipped_languages_have_catalogs(app):
    folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    for lang in SHIPPED_LANGUAGES:
        assert (folder / lang / "LC_MESSAGES" / "messages.po").is_file(), lang
        assert (folder / lang / "LC_MESSAGES" / "messages.mo").is_file(), lang
