"""Column helpers shared by the models of every feature."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, Index, TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores UTC; always hands back an aware datetime (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def postgresql_only(index: Index) -> Index:
    """An index only PostgreSQL can have (say, GIN); migrations' comparisons skip it
    elsewhere (``include_object``)."""
    index.info["only_dialect"] = "postgresql"
    return index.ddl_if(dialect="postgresql")


def include_object_for(dialect: str):
    """Alembic's ``include_object`` hook: leave out what another dialect alone gets."""
    def include_object(obj, name, type_, reflected, compare_to) -> bool:
        return getattr(obj, "info", {}).get("only_dialect", dialect) == dialect
    return include_object
