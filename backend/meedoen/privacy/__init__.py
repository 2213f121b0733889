"""A user's own data: every feature registers what it holds about a user for export.

Each exporter says which columns that point at a person it covers (``covers``): every
foreign key to ``user.id`` must be covered by some section, and audit details that name a
person (``meedoen.audit.models.PERSON_KEYS``) are exported too; tests/privacy walk
``db.metadata`` and fail when a table is forgotten.

Erasure (``meedoen.privacy.erasure.erase_account``) relies on the database: a foreign key
to ``user.id`` declares ``ondelete`` (CASCADE for the user's own rows, SET NULL where a shared
record must stay). What the database cannot see (texts of *others* that quote the person's
content, ids inside audit details) is removed by the registered ``eraser`` functions in the
same transaction as the delete.
"""

from collections.abc import Callable, Iterable

_exporters: dict[str, Callable] = {}
_covers: dict[str, set[str]] = {}


def column_name(column) -> str:
    if isinstance(column, str):
        return column
    column = getattr(column, "expression", column)  # an ORM attribute -> its Column
    return f"{column.table.name}.{column.name}"


def exporter(section: str, covers: Iterable = ()):
    """Register ``fn(user) -> JSON-able`` as the part ``section`` of a user's export.

    ``covers``: the columns (``Model.user_id`` or ``"table.column"``) whose rows about the
    user this section exports.
    """

    def register(fn):
        _exporters[section] = fn
        _covers[section] = {column_name(c) for c in covers}
        return fn

    return register


def covered_columns() -> dict[str, set[str]]:
    """``"table.column"`` -> the export sections that cover it."""
    found: dict[str, set[str]] = {}
    for section, columns in _covers.items():
        for column in columns:
            found.setdefault(column, set()).add(section)
    return found


def export_user(user) -> dict:
    return {section: fn(user) for section, fn in sorted(_exporters.items())}
