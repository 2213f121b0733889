"""DELETE /me erases the account: afterwards no row in any table references the user.

The checks walk every foreign key to user.id in the metadata, so the tables of
later features are covered without changing this file: each such column is emptied by its
foreign key's ON DELETE or by a registered eraser (meedoen.privacy.erasure), and a person
with a row in every such table (tests/foundation/rows.py builds them) leaves none.
"""

import pytest
from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role, User
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.invites.models import Invite
from meedoen.invites.services import create_invite
from meedoen.privacy.erasure import erased_columns, erasers
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error, login
from tests.foundation.rows import build_row

DEMO_PASSWORD = "demo-password-42"


def user_foreign_keys():
    users = db.metadata.tables["user"]
    return [fk for table in db.metadata.sorted_tables for fk in table.foreign_keys
            if fk.column.table is users]


def references(user_id: int) -> dict[str, int]:
    """Rows that point at the user, per table.column."""
    db.session.expire_all()
    found = {}
    for fk in user_foreign_keys():
        column = fk.parent
        n = db.session.scalar(select(func.count()).select_from(column.table)
                              .where(column == user_id))
        if n:
            found[f"{column.table.name}.{column.name}"] = n
    return found


def column_name(column) -> str:
    return f"{column.table.name}.{column.name}"


def test_every_column_pointing_at_a_user_is_emptied_by_its_key_or_an_eraser(app):
    keys = user_foreign_keys()
    assert len(keys) >= 6
    by_eraser = erased_columns()
    forgotten = [f"{column_name(fk.parent)}: ondelete={fk.ondelete}" for fk in keys
                 if (fk.ondelete or "").upper() not in {"CASCADE", "SET NULL"}
                 and column_name(fk.parent) not in by_eraser]
    assert not forgotten, ("columns pointing at user.id that neither CASCADE / SET NULL nor "
                           f"an eraser (meedoen.privacy.erasure.eraser covers=) empties: "
                           f"{forgotten}")
    not_nullable = [column_name(fk.parent) for fk in keys
                    if (fk.ondelete or "").upper() == "SET NULL" and not fk.parent.nullable]
    assert not not_nullable, f"SET NULL on a NOT NULL column: {not_nullable}"


def test_every_eraser_names_columns_that_exist(app):
    registered = erasers()
    assert {"ideas", "questions"} <= set(registered)
    columns = {column_name(c) for table in db.metadata.sorted_tables for c in table.columns}
    unknown = {name: sorted(e.covers - columns) for name, e in registered.items()
               if e.covers - columns}
    assert not unknown, f"erasers that cover columns no table has: {unknown}"


def test_a_person_with_a_row_in_every_table_that_points_at_users_leaves_none(
        factory, client):
    """One row per column that points at user.id, built from the metadata alone (so a table
    added later is in it without changing this file); DELETE /me leaves none of them."""
    person = factory.user("mentor", factory.municipality())
    db.session.commit()
    connection = db.session.connection()
    for fk in user_foreign_keys():
        build_row(connection, fk.parent.table, person.id, {fk.parent.name: person.id})
    db.session.commit()
    person_id = person.id
    assert set(references(person_id)) == {column_name(fk.parent) for fk in user_foreign_keys()}

    client.login_as(person)
    assert client.delete("/api/v1/me").status_code == 204
    assert references(person_id) == {}
    assert db.session.get(User, person_id) is None


def test_delete_me_leaves_no_reference_in_the_foundation_tables(factory, client):
    home = factory.municipality()
    mentor = factory.user("mentor", home, languages=["nl", "ar"], interests=["sport"])
    create_invite(mentor, mentor.role, home.id, home.locations[0].id)  # audited there
    notify("test.kind", [mentor.id], thing_id=1)
    db.session.commit()
    mentor_id = mentor.id
    before = references(mentor_id)
    assert {"user_language.user_id", "user_interest.user_id", "mentor_location.user_id",
            "invite.created_by_id", "audit_log.actor_id", "event.user_id"} <= set(before)

    client.login_as(mentor)
    assert client.delete("/api/v1/me").status_code == 204
    assert references(mentor_id) == {}
    assert db.session.get(User, mentor_id) is None
    # Shared records stay, without the person.
    assert db.session.scalars(select(Invite)).one().created_by_id is None
    assert db.session.scalars(select(AuditLog)).one().actor_id is None


def test_after_erasure_the_session_and_the_name_are_gone(app, factory, client):
    youth = factory.user("youth", factory.municipality())
    assert login(client, youth.username).status_code == 200
    cookie = client.get_cookie("meedoen_session").value
    assert client.delete("/api/v1/me").status_code == 204
    assert_error(client.get("/api/v1/me"), 401)
    thief = app.test_client()
    thief.set_cookie("meedoen_session", cookie)
    assert_error(thief.get("/api/v1/me"), 401)
    assert_error(login(app.test_client(), youth.username), 401, "invalid_credentials")


@pytest.fixture
def demo_world(app):
    result = app.test_cli_runner().invoke(args=["demo", "--password", DEMO_PASSWORD])
    assert result.exit_code == 0, result.output
    return {u.username: u.id for u in db.session.scalars(select(User))}


def test_erasing_each_demo_account_leaves_no_reference_anywhere(app, app_ctx, demo_world):
    """The demo data of every feature references its accounts: a wide net for later tables."""
    referenced_somewhere = set()
    # Another admin, so that the demo's admin is not the last one (who may not leave).
    spare = User(username="spare-admin", role=Role.ADMIN, display_name="Spare",
                 password_hash="x")
    db.session.add(spare)
    db.session.commit()
    for username, user_id in sorted(demo_world.items()):
        before = references(user_id)
        referenced_somewhere |= set(before)
        client = app.test_client()
        assert login(client, username, DEMO_PASSWORD).status_code == 200, username
        response = client.delete("/api/v1/me")
        assert response.status_code == 204, (username, response.get_data(as_text=True))
        assert references(user_id) == {}, username
    assert len(referenced_somewhere) >= 3, referenced_somewhere
    assert db.session.scalars(select(User.username)).all() == ["spare-admin"]
