"""Every table with a generated integer id has AUTOINCREMENT on SQLite (a deleted id is never
handed out again), in the models and after the migrations; migration 0007 keeps every row and
what each person chose for "show me as going", and starts the new name choices off."""

import json

import flask_migrate
import pytest
from meedoen.extensions import db
from sqlalchemy import text

from tests.conftest import make_app


def generated_id_tables():
    return [t for t in db.metadata.sorted_tables if t.autoincrement_column is not None]


def test_every_table_with_a_generated_id_has_autoincrement(app):
    tables = generated_id_tables()
    names = {t.name for t in tables}
    assert {"user", "idea", "question", "activity", "inbox_item", "notification",
            "contact", "audit_log", "event"} <= names
    missing = [t.name for t in tables if not t.dialect_options["sqlite"]["autoincrement"]]
    assert not missing, f"ids of these tables can be handed out again on SQLite: {missing}"


def _insert(connection, table: str, **values):
    columns = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join(f":{c}" for c in values)
    connection.execute(text(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'), values)


def test_migration_0007_on_sqlite_keeps_the_data_and_never_reuses_ids(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'upgrade.db'}")
    now = "2026-11-30 12:00:00.000000"
    try:
        with app.app_context():
            flask_migrate.upgrade(revision="0006")
            with db.engine.begin() as c:
                _insert(c, "municipality", id=1, name="Stad", slug="stad")
                for uid, going in ((1, True), (2, False), (3, True)):
                    _insert(c, "user", id=uid, username=f"u{uid}", password_hash="x",
                            role="youth", display_name=f"U{uid}", ui_language="nl",
                            session_token=f"t{uid}", active=True, failed_logins=0,
                            show_as_going=going, created_at=now, municipality_id=1)
                    _insert(c, "user_language", user_id=uid, code="ar")
                for iid in (1, 2):
                    _insert(c, "idea", id=iid, municipality_id=1, author_id=1, category="sport",
                            original_language="nl", will_help_organise=False, status="new",
                            created_at=now)
                # Idea 5 and user 9 existed once (their audit row and an inbox link remain).
                _insert(c, "audit_log", id=1, action="idea.create",
                        details=json.dumps({"idea_id": 5}), created_at=now)
                _insert(c, "audit_log", id=2, action="user.update",
                        details=json.dumps({"user_id": 9}), created_at=now)
                _insert(c, "inbox_item", id=1, user_id=2, kind="idea.status_changed",
                        lang="nl", title="t", body="b", topic="idea", urgent=False,
                        created_at=now, url="/ideas/7")
            flask_migrate.upgrade()
            with db.engine.begin() as c:
                sql = dict(c.execute(text("SELECT name, sql FROM sqlite_master "
                                          "WHERE type = 'table'")).all())
                without = [t.name for t in generated_id_tables()
                           if "AUTOINCREMENT" not in sql[t.name].upper()]
                assert not without, without
                users = c.execute(text('SELECT id, show_as_going, show_name_on_ideas, '
                                       'show_name_as_supporter FROM "user" ORDER BY id')).all()
                assert [tuple(u) for u in users] == [(1, 1, 0, 0), (2, 0, 0, 0), (3, 1, 0, 0)]
                # No cascade emptied a table while the parents were rebuilt.
                assert c.execute(text("SELECT count(*) FROM user_language")).scalar() == 3
                assert c.execute(text("SELECT count(*) FROM idea")).scalar() == 2
                assert c.execute(text("PRAGMA foreign_key_check")).all() == []
                assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
                c.execute(text("DELETE FROM idea WHERE id = 2"))
                _insert(c, "idea", municipality_id=1, author_id=1, category="sport",
                        original_language="nl", will_help_organise=False, status="new",
                        created_at=now)
                _insert(c, "user", username="new", password_hash="x", role="youth",
                        display_name="N", ui_language="nl", session_token="tn", active=True,
                        failed_logins=0, show_as_going=False, show_name_on_ideas=False,
                        show_name_as_supporter=False, created_at=now)
                # Above every id still mentioned anywhere: 7 (inbox link) and 9 (audit).
                assert c.execute(text("SELECT max(id) FROM idea")).scalar() == 8
                assert c.execute(text('SELECT max(id) FROM "user"')).scalar() == 10
            flask_migrate.downgrade(revision="base")
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.mark.parametrize("table", ["idea", "user"])
def test_ids_in_use_are_not_given_again_after_a_delete(app, app_ctx, is_postgres, table):
    if is_postgres:
        pytest.skip("PostgreSQL sequences never go back")
    sql = db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = :n"),
                             {"n": table}).scalar()
    assert "AUTOINCREMENT" in sql.upper()
