"""Ids are never handed out twice.

SQLite without ``AUTOINCREMENT`` gives a new row the highest id + 1, so the id of the last
deleted row comes back: a stored link (``/ideas/12`` in an inbox, an id in an audit row) to
an erased person's idea then opens the next person's. Every table with a generated integer id
gets ``AUTOINCREMENT`` on SQLite (PostgreSQL's sequences never go back). Applied here to the
whole metadata, so a new table cannot be forgotten; migration 0007 rebuilt the existing
SQLite tables and tests/privacy check both the models and the migrated database.
"""

from sqlalchemy import MetaData, Table


def generated_id_tables(metadata: MetaData) -> list[Table]:
    """Tables whose primary key is one integer the database generates."""
    return [table for table in metadata.sorted_tables if table.autoincrement_column is not None]


def never_reuse_ids(metadata: MetaData) -> None:
    for table in generated_id_tables(metadata):
        table.dialect_kwargs["sqlite_autoincrement"] = True
