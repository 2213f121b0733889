"""A user's own data: every feature registers what it holds about a user for export.

A feature declares its sections, erasers and owned ids in its ``export.py`` on a
``PersonalData`` and its init_app registers them (``register``); importing registers nothing.
Each exporter says which columns that point at a person it covers (``covers``): every
foreign key to ``user.id`` must be covered by some section, and audit details that name a
person (``meedoen.audit.models.PERSON_KEYS``) are exported too; tests/privacy walk
``db.metadata`` and fail when a table is forgotten.

Erasure (``meedoen.privacy.erasure.erase_account``) relies on the database: a foreign key
to ``user.id`` declares ``ondelete`` (CASCADE for the user's own rows, SET NULL where a shared
record must stay). What the database cannot see (texts of *others* that quote the person's
content, ids inside audit details) is removed by the registered erasers in the
same transaction as the delete.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

EraseFn = Callable  # fn(connection, user_id) -> None
OwnedFn = Callable  # fn(connection, user_id) -> [id]


@dataclass(frozen=True)
class Eraser:
    erase: EraseFn
    covers: frozenset[str]


# Filled by the features' init_app (``register``), never by importing a module.
_exporters: dict[str, Callable] = {}
_covers: dict[str, set[str]] = {}
_erasers: dict[str, Eraser] = {}
_owned: dict[str, OwnedFn] = {}


def column_name(column) -> str:
    if isinstance(column, str):
        return column
    column = getattr(column, "expression", column)  # an ORM attribute -> its Column
    return f"{column.table.name}.{column.name}"


def _names(columns: Iterable) -> frozenset[str]:
    return frozenset(column_name(c) for c in columns)


@dataclass
class PersonalData:
    """What one feature holds about a person, declared beside the code that reads it (the
    feature's ``export.py``: ``personal = PersonalData()``) and registered by the feature's
    init_app with ``register(personal)``. The decorators only note the function here, in
    order; importing the module registers nothing (like a Flask blueprint's routes)."""

    exporters: dict[str, tuple[Callable, frozenset[str]]] = field(default_factory=dict)
    erasers: dict[str, Eraser] = field(default_factory=dict)
    owned: dict[str, OwnedFn] = field(default_factory=dict)

    def exporter(self, section: str, covers: Iterable = ()):
        """``fn(user) -> JSON-able`` is the part ``section`` of a user's export. ``covers``:
        the columns (``Model.user_id`` or ``"table.column"``) whose rows about the user this
        section exports."""

        def note(fn):
            self.exporters[section] = (fn, _names(covers))
            return fn

        return note

    def eraser(self, name: str, covers: Iterable = ()):
        """``fn(connection, user_id)`` is the eraser ``name``: it runs before the user's row is
        deleted (meedoen.privacy.erasure). ``covers``: the columns (``Model.column`` or
        ``"table.column"``) whose traces of the person it removes."""

        def note(fn: EraseFn) -> EraseFn:
            self.erasers[name] = Eraser(fn, _names(covers))
            return fn

        return note

    def owned_ids(self, detail_key: str):
        """``fn(connection, user_id) -> [id]``: the person's own objects that audit details
        name under ``detail_key`` (e.g. ``idea_id``); erasure empties those details."""

        def note(fn: OwnedFn) -> OwnedFn:
            self.owned[detail_key] = fn
            return fn

        return note


def register(personal: PersonalData) -> None:
    """Called by a feature's init_app: its export sections, erasers and owned ids join the
    registries (in the order they were declared; again for another app: the same)."""
    for section, (fn, covers) in personal.exporters.items():
        _exporters[section] = fn
        _covers[section] = set(covers)
    _erasers.update(personal.erasers)
    _owned.update(personal.owned)


def covered_columns() -> dict[str, set[str]]:
    """``"table.column"`` -> the export sections that cover it."""
    found: dict[str, set[str]] = {}
    for section, columns in _covers.items():
        for column in columns:
            found.setdefault(column, set()).add(section)
    return found


def export_user(user) -> dict:
    return {section: fn(user) for section, fn in sorted(_exporters.items())}
