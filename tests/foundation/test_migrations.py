"""The Alembic migrations build exactly the models' schema and take it down again.

Runs on a fresh SQLite file, and on a fresh PostgreSQL database when
TEST_DATABASE_URL is set.
"""

import os
from collections import defaultdict

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from meedoen.core.models import include_object_for
from meedoen.extensions import db
from sqlalchemy import inspect

from tests.conftest import _create_postgres_database, make_app


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("PostgreSQL runs only with TEST_DATABASE_URL")
    url, drop = _create_postgres_database(base)
    yield url
    drop()


def differences_by_table(diffs) -> dict[str, list[str]]:
    grouped = defaultdict(list)
    for diff in diffs:
        for change in diff if isinstance(diff, list) else [diff]:
            table, what = describe(change)
            grouped[table].append(what)
    return dict(grouped)


def describe(change) -> tuple[str, str]:
    """(table, short description) of one alembic difference."""
    kind = change[0]
    if kind.endswith("_table"):
        return change[1].name, kind
    if kind.endswith("_column"):
        return change[2], f"{kind} {change[3].name}"
    if kind.startswith("modify_"):
        return change[2], f"{kind} {change[3]}: {change[5]!r} -> {change[6]!r}"
    if kind.endswith(("_index", "_fk", "_constraint")):
        return change[1].table.name, f"{kind} {change[1].name}"
    return "?", repr(change)


def user_tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_matches_the_models_and_downgrade_removes_everything(fresh_database):
    app = make_app(fresh_database)
    with app.app_context():
        try:
            flask_migrate.upgrade()
            assert user_tables(db.engine), "the migrations created no tables"
            with db.engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={
                    "compare_type": True,
                    "include_object": include_object_for(connection.dialect.name)})
                diffs = compare_metadata(context, db.metadata)
            assert not diffs, ("the migrations differ from the models, per table: "
                               f"{differences_by_table(diffs)}")
            flask_migrate.downgrade(revision="base")
            assert user_tables(db.engine) == set()
        finally:
            db.session.remove()
            db.engine.dispose()
