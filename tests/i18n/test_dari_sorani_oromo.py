"""Dari (prs) as a language of its own, Sorani (ckb) and Oromo (om): what was stored as fa_AF
becomes prs (migration 0011), Dari and Persian speakers still find each other, machine
translation sends Dari as the code the provider knows, and each language's direction."""

import os

import flask_migrate
import pytest
from meedoen.auth.models import Role
from meedoen.core.languages import base, speech_family
from meedoen.extensions import db
from meedoen.notifications.payload import direction
from meedoen.questions.services import language_rank
from meedoen.translation.providers import GoogleTranslate, LibreTranslate
from sqlalchemy import text

from tests.conftest import _create_postgres_database, make_app
from tests.contacts.helpers import login, make_contact, names
from tests.translation.fake_providers import FakeGoogleTranslate, FakeLibreTranslate

NOW = "2026-11-30 12:00:00"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_at_0010(request, tmp_path):
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp_path / 'languages.db'}", lambda: None
    elif os.environ.get("TEST_DATABASE_URL"):
        url, drop = _create_postgres_database(os.environ["TEST_DATABASE_URL"])
    else:
        pytest.skip("PostgreSQL runs only with TEST_DATABASE_URL")
    app = make_app(url)
    try:
        with app.app_context():
            flask_migrate.upgrade(revision="0010")
            yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        drop()


def _insert(connection, table: str, **values):
    columns = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join(f":{c}" for c in values)
    connection.execute(text(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'), values)


def _people(connection):
    """user id → (app language, spoken languages)."""
    users = connection.execute(text('SELECT id, ui_language FROM "user" ORDER BY id')).all()
    spoken = connection.execute(text("SELECT user_id, code FROM user_language")).all()
    return {uid: (ui, sorted(code for user_id, code in spoken if user_id == uid))
            for uid, ui in users}


def test_migration_0011_gives_who_chose_dari_the_dari_catalog(database_at_0010):
    before = {1: ("fa", ["fa_AF"]),          # an Afghan who picked "فارسی / دری": Dari now
              2: ("fa", ["fa"]),             # an Iranian: stays Persian
              3: ("ar", ["ar", "fa_AF"]),    # speaks Dari, reads Arabic: app stays Arabic
              4: ("fa", ["fa", "fa_AF"])}    # said they speak Dari: Dari now
    with db.engine.begin() as c:
        _insert(c, "municipality", id=1, name="Stad", slug="stad")
        for uid, (ui, spoken) in before.items():
            _insert(c, "user", id=uid, username=f"u{uid}", password_hash="x", role="youth",
                    display_name=f"U{uid}", ui_language=ui, session_token=f"t{uid}",
                    active=True, failed_logins=0, show_as_going=False,
                    show_name_on_ideas=False, show_name_as_supporter=False, created_at=NOW,
                    municipality_id=1)
            for code in spoken:
                _insert(c, "user_language", user_id=uid, code=code)
        _insert(c, "contact", id=1, kind="buddy", name="Dari buddy", lived_experience=False,
                active=True, original_language="fa_AF", municipality_id=1, created_at=NOW,
                updated_at=NOW)
        _insert(c, "contact_language", contact_id=1, code="fa_AF")
        _insert(c, "contact_text", contact_id=1, language="fa_AF", help_text="کمک",
                origin="human")
    flask_migrate.upgrade(revision="0011")
    with db.engine.begin() as c:
        assert _people(c) == {1: ("prs", ["prs"]), 2: ("fa", ["fa"]),
                              3: ("ar", ["ar", "prs"]), 4: ("prs", ["fa", "prs"])}
        assert c.execute(text("SELECT original_language FROM contact")).scalar() == "prs"
        assert c.execute(text("SELECT code FROM contact_language")).scalar() == "prs"
        assert c.execute(text("SELECT language FROM contact_text")).scalar() == "prs"
        c.execute(text("UPDATE \"user\" SET ui_language = 'ckb' WHERE id = 3"))
    flask_migrate.downgrade(revision="0010")
    with db.engine.begin() as c:
        assert _people(c) == {1: ("fa", ["fa_AF"]), 2: ("fa", ["fa"]),
                              3: ("nl", ["ar", "fa_AF"]), 4: ("fa", ["fa", "fa_AF"])}
        assert c.execute(text("SELECT code FROM contact_language")).scalar() == "fa_AF"


def test_codes():
    assert [base(c) for c in ("fa_AF", "fa-AF", "prs", "fa", "ar_SY", "ckb")] == [
        "prs", "prs", "prs", "fa", "ar", "ckb"]
    assert speech_family("prs") == speech_family("fa_AF") == speech_family("fa") == "fa"
    assert speech_family("ckb") != speech_family("ku")  # Sorani and Kurmanji: two languages
    assert [direction(c) for c in ("ckb", "prs", "om", "fa")] == ["rtl", "rtl", "ltr", "rtl"]


def test_spoken_dari_is_accepted_as_prs_or_fa_af(client, factory):
    youth = factory.user(Role.YOUTH, factory.municipality())
    client.login_as(youth)
    for given in (["prs", "ckb", "om"], ["fa-AF"]):
        response = client.patch("/api/v1/me", json={"languages": given})
        assert response.status_code == 200, response.json
    assert response.json["languages"] == ["prs"]
    response = client.patch("/api/v1/me", json={"languages": ["prx"]})
    assert response.status_code == 422
    assert client.patch("/api/v1/me", json={"ui_language": "ckb"}).json["ui_language"] == "ckb"


def test_dari_and_persian_speakers_help_each_other(client, factory):
    town = factory.municipality("Utrecht")
    make_contact(town, "Dutch", languages=["nl"], lived=True)
    make_contact(town, "Persian", languages=["fa"])
    make_contact(town, "Sorani", languages=["ckb"])
    login(client, factory.user(Role.YOUTH, town, languages=["prs"]))
    assert names(client.get("/api/v1/topics/work/contacts"))[0] == "Persian"
    dari_contact_town = factory.municipality("Zwolle")
    make_contact(dari_contact_town, "Dutch", languages=["nl"], lived=True)
    make_contact(dari_contact_town, "Dari", languages=["prs"])
    login(client, factory.user(Role.YOUTH, dari_contact_town, languages=["fa"]))
    assert names(client.get("/api/v1/topics/work/contacts"))[0] == "Dari"
    # Questions go first to who speaks the question's language: Dari ↔ Persian counts.
    assert language_rank(["fa"], "prs", {"prs"}) == (False, False)
    assert language_rank(["ku"], "ckb", {"ckb"}) == (True, True)


@pytest.mark.parametrize(("provider", "listed", "sent"), [
    ("libretranslate", {"nl", "fa", "en"}, "fa"),      # only Persian: a draft Dari readers read
    ("google", {"nl", "fa", "fa-AF", "ckb", "om"}, "fa-AF"),
    ("google", {"nl", "fa", "prs"}, "prs"),
])
def test_dari_is_sent_as_the_code_the_provider_knows(provider, listed, sent):
    fake = FakeLibreTranslate if provider == "libretranslate" else FakeGoogleTranslate
    with fake(languages=listed) as server:
        client = (LibreTranslate(server.url, None, 2) if provider == "libretranslate"
                  else GoogleTranslate(server.api_key, server.url, 2))
        try:
            assert "prs" in client.languages() and "fa" in client.languages()
            client.translate(["Hallo"], "nl", "prs", html=False)
            client.translate(["سلام"], "prs", "nl", html=False)
        finally:
            client.close()
        bodies = [r.json for r in server.requests if r.json]
        assert [(b["source"], b["target"]) for b in bodies] == [("nl", sent), (sent, "nl")]


def test_sorani_and_oromo_only_where_the_provider_lists_them():
    with FakeLibreTranslate(languages={"nl", "fa"}) as server:
        client = LibreTranslate(server.url, None, 2)
        try:
            assert client.languages() == {"nl", "fa", "prs"}
        finally:
            client.close()
