"""The contact lists are ranked by the database and paged with a cursor (issue 18 item 2): the
same order as the Python ranking they replace, the same on SQLite and PostgreSQL (these tests
run on both: TEST_DATABASE_URL selects PostgreSQL), and migration 0012 fills in the sort key."""

import flask_migrate
import pytest
from meedoen.auth.models import Role
from meedoen.contacts.models import Contact, name_sort_key
from meedoen.contacts.texts import base_language, home_languages
from meedoen.extensions import db
from sqlalchemy import inspect, text

from tests.conftest import make_app
from tests.contacts.helpers import assign, items, login, make_contact, names
from tests.foundation import test_migrations

fresh_database = test_migrations.fresh_database  # a fresh SQLite, and PostgreSQL if given

# Names whose order differs between Python, SQLite's lower() (ASCII only) and a PostgreSQL
# locale (which would put "de Vries" beside "De Boer" and "Émile" among the e's).
NAMES = ["Zara", "Émile", "de Vries", "De Boer", "Ömer", "anna", "emma", "Édouard", "İlkay",
         "ömer", "Öztürk", "Yusuf", "Ahmed"]
# Python's order of name.lower(): by code point, accented letters after z ("İ" lowers to "i"
# and a combining dot); "Ömer" and "ömer" by id.
IN_ORDER = ["Ahmed", "anna", "De Boer", "de Vries", "emma", "İlkay", "Yusuf", "Zara", "Édouard",
            "Émile", "Ömer", "ömer", "Öztürk"]


@pytest.fixture
def town(factory):
    return factory.municipality("Arnhem")


def walk(client, path: str, limit: int) -> list[dict]:
    """Every item of a paged list, following next_cursor."""
    seen, cursor = [], None
    while True:
        joiner = "&" if "?" in path else "?"
        page = client.get(f"{path}{joiner}limit={limit}"
                          + (f"&cursor={cursor}" if cursor else "")).get_json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def python_rank(contacts: list[Contact], bases: set[str]) -> list[str]:
    """contacts/services.rank before the ranking moved into SQL."""
    def speaks(contact):
        return any(base_language(code) in bases for code in contact.languages)
    ordered = sorted(contacts, key=lambda c: (not speaks(c), not c.lived_experience,
                                              c.is_national, c.name.lower(), c.id))
    return [c.name for c in ordered]


def test_names_sort_the_same_on_sqlite_and_postgresql(client, factory, town, is_postgres):
    for name in NAMES:
        make_contact(town, name)
    assert sorted(NAMES, key=name_sort_key) == IN_ORDER
    login(client, factory.user(Role.YOUTH, town, languages=["nl"]))
    assert [c["name"] for c in walk(client, "/api/v1/contacts", 4)] == IN_ORDER
    assert [c["name"] for c in walk(client, "/api/v1/topics/work/contacts", 5)] == IN_ORDER
    if is_postgres:  # byte order whatever the database's locale is
        collation = db.session.execute(text(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'contact' AND column_name = 'name_key'")).scalar()
        assert collation == "C"


def test_the_sort_key_follows_the_name(client, factory, town):
    contact = make_contact(town, "Émile")
    assert contact.name_key == "émile"
    login(client, factory.user(Role.ADMIN))
    response = client.patch(f"/api/v1/contacts/{contact.id}", json={"name": "Ömer de Vries"})
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert db.session.get(Contact, contact.id).name_key == "ömer de vries"
    # Searching lowers like the key: accented capitals are found on SQLite too.
    assert names(client.get("/api/v1/contacts?q=%C3%B6mer")) == ["Ömer de Vries"]
    assert names(client.get("/api/v1/contacts?q=DE%20VRIES")) == ["Ömer de Vries"]


def test_pages_follow_the_ranking_of_before_with_every_contact_once(client, factory, town):
    made = [
        make_contact(town, "Dutch A", languages=["nl"]),
        make_contact(town, "dutch lived", languages=["nl"], lived=True),
        make_contact(None, "National Tigrinya", languages=["ti"]),
        make_contact(None, "National lived Dari", languages=["prs"], lived=True),
        make_contact(town, "Persian", languages=["fa", "nl"]),
        make_contact(town, "Tigrinya buddy", languages=["ti"], lived=True),
        make_contact(town, "Tigrinya", languages=["ti_ER"]),
        make_contact(town, "Arabic", languages=["ar"]),
        make_contact(town, "Émile", languages=["fr"]),
        make_contact(town, "emma", languages=["ti"]),
        make_contact(None, "National Dutch", languages=["nl"]),
    ] + [make_contact(town, f"Twin {i}", languages=["nl"]) for i in range(3)]
    for spoken in (["ti", "nl"], ["fa"], ["prs", "ar"], ["nl"]):
        youth = factory.user(Role.YOUTH, town, languages=spoken)
        login(client, youth)
        expected = python_rank(made, home_languages(spoken))
        for limit in (1, 4, 100):
            assert [c["name"] for c in walk(client, "/api/v1/contacts", limit)] == expected


def test_only_speakers_and_another_ranking_language(client, factory, town):
    make_contact(town, "Dutch", languages=["nl"], lived=True)
    make_contact(town, "Dari", languages=["prs"])
    make_contact(town, "Arabic", languages=["ar"])
    login(client, factory.user(Role.MENTOR, town, languages=["nl"]))
    assert names(client.get("/api/v1/contacts?language=fa")) == ["Dari"]
    assert names(client.get("/api/v1/topics/work/contacts?language=ar")) == [
        "Arabic", "Dutch", "Dari"]


def test_my_people_pages_assigned_first(client, factory, town):
    youth = factory.user(Role.YOUTH, town, languages=["so"])
    assigned = [make_contact(town, name, languages=["nl"]) for name in ("Voogd", "Mentor")]
    assigned.append(make_contact(None, "Landelijke hulplijn", languages=["so"]))
    for name in ("Somali buddy", "Somali coach", "Somali club"):
        make_contact(town, name, languages=["so"], lived=name == "Somali buddy")
    make_contact(town, "Dutch only", languages=["nl"])
    assign(youth, *assigned)
    login(client, youth)
    people = walk(client, "/api/v1/me/people", 2)
    assert [p["name"] for p in people] == ["Landelijke hulplijn", "Mentor", "Voogd",
                                           "Somali buddy", "Somali club", "Somali coach"]
    assert [p["assigned"] for p in people] == [True] * 3 + [False] * 3


def test_cursors_are_bound_to_their_list_and_ranking(client, factory, town):
    for name in ("A", "B", "C"):
        make_contact(town, name, languages=["ar", "ti"])
    login(client, factory.user(Role.MENTOR, town))
    cursor = client.get("/api/v1/contacts?language=ar&limit=1").get_json()["next_cursor"]
    assert names(client.get(f"/api/v1/contacts?language=ar&limit=1&cursor={cursor}")) == ["B"]
    for other in (f"/api/v1/contacts?language=ti&cursor={cursor}",
                  f"/api/v1/topics/work/contacts?language=ar&cursor={cursor}",
                  f"/api/v1/assignments?cursor={cursor}", "/api/v1/contacts?cursor=garbled"):
        response = client.get(other)
        assert response.status_code == 400, other
        assert response.get_json()["code"] == "invalid_cursor"
    for bad in ("limit=101", "offset=1", "limit=0"):
        assert client.get(f"/api/v1/contacts?{bad}").status_code == 422, bad


def test_assignments_page_oldest_first(client, factory, town):
    contact = make_contact(town, "Mentor")
    youth = [factory.user(Role.YOUTH, town) for _ in range(5)]
    for person in youth:
        assign(person, contact)
    login(client, factory.user(Role.MENTOR, town))
    listed = walk(client, "/api/v1/assignments", 2)
    assert [a["youth"]["id"] for a in listed] == [person.id for person in youth]
    assert items(client.get(f"/api/v1/assignments?youth_id={youth[2].id}"))[0]["youth"][
        "id"] == youth[2].id


def test_migration_0012_fills_in_the_sort_key_and_goes_back(fresh_database):
    app = make_app(fresh_database)
    with app.app_context():
        try:
            flask_migrate.upgrade(revision="0011")
            insert = text(
                "INSERT INTO contact (kind, name, lived_experience, original_language, active, "
                "created_at, updated_at) VALUES ('buddy', :name, false, 'nl', true, "
                "'2026-11-30 12:00:00', '2026-11-30 12:00:00')")
            with db.engine.begin() as connection:
                for name in NAMES:
                    connection.execute(insert, {"name": name})
            flask_migrate.upgrade(revision="0012")
            with db.engine.connect() as connection:
                keys = dict(connection.execute(text("SELECT name, name_key FROM contact")).all())
                ordered = connection.execute(text(
                    "SELECT name FROM contact ORDER BY name_key, id")).scalars().all()
            assert keys == {name: name.lower() for name in NAMES}
            assert ordered == IN_ORDER
            column = next(c for c in inspect(db.engine).get_columns("contact")
                          if c["name"] == "name_key")
            assert column["nullable"] is False
            flask_migrate.downgrade(revision="0011")
            assert "name_key" not in {c["name"] for c in inspect(db.engine).get_columns("contact")}
            with db.engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM contact")).scalar() == len(
                    NAMES)
        finally:
            db.session.remove()
            db.engine.dispose()
