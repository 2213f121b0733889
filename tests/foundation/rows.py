"""A row in any table, built from the metadata alone, so the erasure walk covers tables
that did not exist when it was written: required columns get a plain value of their type,
a required foreign key a parent row built the same way."""

import itertools
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Interval,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
    insert,
)

_counter = itertools.count(1)


def _plain_value(column):
    kind = column.type
    if isinstance(kind, TypeDecorator) and not isinstance(kind, Enum):
        kind = kind.impl if not isinstance(kind.impl, type) else kind.impl()
    n = next(_counter)
    if isinstance(kind, Enum):
        first = kind.enums[0]
        return kind.enum_class(first) if kind.enum_class else first
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, DateTime):
        return datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2026, 11, 30)
    if isinstance(kind, Time):
        return time(12, 0)
    if isinstance(kind, Interval):
        return timedelta(hours=1)
    if isinstance(kind, Integer | Numeric | Float):
        return n
    if isinstance(kind, JSON):
        return {}
    if isinstance(kind, LargeBinary):
        return b"x"
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or 40
        return f"e{n}x"[:length]
    raise TypeError(f"no plain value for {column.table.name}.{column.name}: {kind!r}")


def _needs_value(column) -> bool:
    if column.nullable or column.default is not None or column.server_default is not None:
        return False
    return not (column.primary_key and column.autoincrement is not False
                and column.table.autoincrement_column is column)


def build_row(connection, table: Table, user_id: int, fixed: dict | None = None) -> dict:
    """Insert a row into ``table`` with ``fixed`` values; every required column pointing
    at a user gets ``user_id``; returns the row's primary key values."""
    values = dict(fixed or {})
    for column in table.columns:
        if column.name in values or not _needs_value(column):
            continue
        if column.foreign_keys:
            target = next(iter(column.foreign_keys)).column
            if target.table.name == "user":
                values[column.name] = user_id
            else:
                parent = build_row(connection, target.table, user_id)
                values[column.name] = parent[target.name]
        else:
            values[column.name] = _plain_value(column)
    result = connection.execute(insert(table).values(**values))
    keys = dict(zip((c.name for c in table.primary_key.columns),
                    result.inserted_primary_key, strict=True))
    return {**values, **keys}
