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

Each section declares the marshmallow schema of what its exporter returns (``schema=``);
``export_schema()`` composes them into ``PersonalExportSchema``, the OpenAPI component
``PersonalExport`` of ``GET /me/export`` (added to the spec by ``document``, once every
feature is registered).
"""

from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass, field

import marshmallow as ma

from meedoen.core import fields
from meedoen.core.validation import Schema

# The OpenAPI component of GET /me/export, composed from the registered sections.
EXPORT_COMPONENT = "PersonalExport"
EXPORT_REF = {"$ref": f"#/components/schemas/{EXPORT_COMPONENT}"}

EraseFn = Callable  # fn(connection, user_id) -> None
OwnedFn = Callable  # fn(connection, user_id) -> [id]


@dataclass(frozen=True)
class Eraser:
    erase: EraseFn
    covers: frozenset[str]


# Filled by the features' init_app (``register``), never by importing a module.
_exporters: dict[str, Callable] = {}
_schemas: dict[str, type[Schema] | ma.fields.Field | None] = {}
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

    exporters: dict[str, tuple[Callable, frozenset[str], object]] = field(default_factory=dict)
    erasers: dict[str, Eraser] = field(default_factory=dict)
    owned: dict[str, OwnedFn] = field(default_factory=dict)

    def exporter(self, section: str, covers: Iterable = (), *, schema=None):
        """``fn(user) -> JSON-able`` is the part ``section`` of a user's export. ``covers``:
        the columns (``Model.user_id`` or ``"table.column"``) whose rows about the user this
        section exports. ``schema``: what ``fn`` returns, as it is sent: a ``Schema`` class
        (an object) or a field of ``meedoen.core.fields`` (a list, a number, ...); every
        section must have one (tests/privacy/test_export_schema.py)."""

        def note(fn):
            self.exporters[section] = (fn, _names(covers), schema)
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
    for section, (fn, covers, schema) in personal.exporters.items():
        _exporters[section] = fn
        _covers[section] = set(covers)
        _schemas[section] = schema
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


def iso(value) -> str | None:
    """A time or date as the exporters send it (``isoformat()``), ``None`` where there is none."""
    return value.isoformat() if value else None


def moment(**kwargs) -> fields.String:
    """A time as the exporters send it: already an ISO 8601 string (``isoformat()``)."""
    return fields.String(metadata={"format": "date-time"}, **kwargs)


def day(**kwargs) -> fields.String:
    """A date as the exporters send it (``date.isoformat()``)."""
    return fields.String(metadata={"format": "date"}, **kwargs)


def _section_field(schema) -> fields.Field:
    if isinstance(schema, type) and issubclass(schema, Schema):
        return fields.Nested(schema, required=True)
    if isinstance(schema, ma.fields.Field):
        schema = copy(schema)  # the exporter's own field stays as declared
        schema.required = True
        return schema
    raise TypeError(f"an export section's schema is a Schema class or a field, not {schema!r}")


def sections_without_schema() -> list[str]:
    return sorted(section for section in _exporters if _schemas.get(section) is None)


def export_schema() -> type[Schema]:
    """``PersonalExportSchema``: one required property per registered section, as its
    exporter declared it."""
    missing = sections_without_schema()
    if missing:
        raise TypeError(f"export sections without a schema: {', '.join(missing)}")
    return Schema.from_dict({section: _section_field(_schemas[section])
                             for section in sorted(_exporters)}, name="PersonalExportSchema")


def document(spec) -> None:
    """Add the export's schema to an app's OpenAPI document (``create_app``, after every
    feature registered its sections); ``GET /me/export`` refers to it (``EXPORT_REF``)."""
    if EXPORT_COMPONENT not in spec.components.schemas:
        spec.components.schema(EXPORT_COMPONENT, schema=export_schema())
