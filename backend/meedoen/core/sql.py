"""INSERT … ON CONFLICT DO NOTHING for SQLite and PostgreSQL alike."""

from sqlalchemy.dialects import postgresql, sqlite

from meedoen.extensions import db

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_ignore(model, **values) -> bool:
    """Insert one row unless it clashes with a unique key; True when this call inserted it.

    Under concurrency the loser waits for the winner's transaction and then does nothing,
    so "who was first" is decided by the database, not by a read before the write.
    """
    insert = _INSERTS[db.session.get_bind().dialect.name]
    # RETURNING, not rowcount: through the ORM session rowcount is -1 on psycopg 3.
    statement = (insert(model).values(**values).on_conflict_do_nothing()
                 .returning(*model.__table__.primary_key.columns))
    return db.session.execute(statement).first() is not None
