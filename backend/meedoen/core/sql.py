"""INSERT … ON CONFLICT DO NOTHING for SQLite and PostgreSQL alike."""

from functools import cache

from sqlalchemy.dialects import postgresql, sqlite

from meedoen.extensions import db

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_ignore(model, **values) -> bool:
    """Insert one row unless it clashes with a unique key; True when this call inserted it.

    Under concurrency the loser waits for the winner's transaction and then does nothing,
    so "who was first" is decided by the database, not by a read before the write.
    """
    statement = _insert_ignore(db.session.get_bind().dialect.name, model)
    return db.session.execute(statement, values).first() is not None


@cache
def _insert_ignore(dialect: str, model):
    """Built once per model, the values bound at each call: building ``.values(…)`` each time
    cost more than running the statement."""
    # RETURNING, not rowcount: through the ORM session rowcount is -1 on psycopg 3.
    return (_INSERTS[dialect](model).on_conflict_do_nothing()
            .returning(*model.__table__.primary_key.columns))


def insert_ignore_many(model, rows: list[dict]) -> None:
    """Insert each row unless it clashes with a unique key, in one statement (not one per row).
    Give the rows in a stable order (say, sorted by key): two transactions that insert some of
    the same keys then wait for each other in the same order, never in a circle."""
    if rows:
        insert = _INSERTS[db.session.get_bind().dialect.name]
        db.session.execute(insert(model).on_conflict_do_nothing(), rows)
