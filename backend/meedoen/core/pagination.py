"""One way to page through a list: ``?limit=&cursor=`` in, ``{items, next_cursor}`` out.

Keyset paging: the cursor carries the sort key of the last row sent and the next page
starts after it (``WHERE key > last``), so rows added while someone pages neither repeat
nor go missing, as they would with an offset. The cursor is opaque to clients and
signed with the app's secret for one list: a forged, garbled or borrowed cursor is
refused with a 400 before it reaches a query.

A list uses it in three lines::

    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(ItemSchema))
    def list_items(args):
        return keyset_page(select(Item), (Item.name, Item.id), args, "items")

The sort columns must be NOT NULL and the last one unique (an id), so that the order is
total and a key can be compared.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from itsdangerous.encoding import base64_encode
from itsdangerous.url_safe import URLSafeSerializerMixin
from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.sql import operators

from meedoen.core import fields
from meedoen.core.errors import fail
from meedoen.core.validation import LangQuerySchema, Range, Schema, Text
from meedoen.extensions import db

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
CURSOR_MAX_LENGTH = 500
_PAGE_SCHEMAS: dict[type, type] = {}


class PageArgsSchema(LangQuerySchema):
    """The query arguments of every paged list (subclass it to add filters)."""

    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=Range(1, MAX_LIMIT),
                           metadata={"description": "How many items at most"})
    cursor = Text(max_length=CURSOR_MAX_LENGTH,
                  metadata={"description": "next_cursor of the page before; leave out "
                                           "for the first page"})


def page_schema(item_schema: type[Schema], *, total: bool = False) -> type[Schema]:
    """The answer schema ``{items: [item], next_cursor}``, one per item schema; with
    ``total``, ``{items, next_cursor, total}`` (``<Item>CountedPageSchema``) for a list whose
    screen shows how many there are (see ``keyset_page``)."""
    if (item_schema, total) not in _PAGE_SCHEMAS:
        name = item_schema.__name__.removesuffix("Schema") + (
            "CountedPageSchema" if total else "PageSchema")
        body = {
            "items": fields.List(fields.Nested(item_schema), required=True),
            "next_cursor": fields.String(required=True, allow_none=True, metadata={
                "description": "Pass as ?cursor= for the next page; null on the last page"}),
        }
        if total:
            body["total"] = fields.Integer(required=True, metadata={
                "description": "How many items the whole list has with these filters (all "
                               "pages, counted again for every page)"})
        _PAGE_SCHEMAS[item_schema, total] = type(name, (Schema,), body)
    return _PAGE_SCHEMAS[item_schema, total]


def keyset_page(query, order: Sequence, args: dict, list_name: str, *,
                total: bool = False) -> dict:
    """One page of ``query`` sorted by ``order``: columns, each ascending or ``.desc()``
    (newest first, where a list grows at the top).

    ``list_name`` binds the cursor to this list: a cursor of another list is refused.
    ``total``: also count the rows of ``query`` (the same filters, every page), for a screen
    that shows "{count} ideas"; answer with ``page_schema(Item, total=True)``.
    A sort key that is not a column of the entity (a count, say) is selected beside it as
    a labelled column: ``select(Item, count.label("n"), Item.created_at, Item.id)``.
    """
    counted = {}
    if total:
        counted["total"] = db.session.scalar(
            select(func.count()).select_from(query.order_by(None).subquery()))
    if args.get("cursor"):
        query = query.where(_after(order, decode_cursor(args["cursor"], list_name, len(order))))
    rows = list(db.session.execute(query.order_by(*order).limit(args["limit"] + 1)))
    items = [row[0] if len(row) == 1 else row for row in rows[:args["limit"]]]
    after = next_cursor(rows, args["limit"],
                        lambda last: [_key_value(last, _column(term)) for term in order],
                        list_name)
    return {"items": items, "next_cursor": after, **counted}


def _column(term):
    """The column of an order term (``User.id`` or ``User.id.desc()``)."""
    return term.element if _descending(term) else term


def _descending(term) -> bool:
    return getattr(term, "modifier", None) is operators.desc_op


def _key_value(row, column):
    if len(row) == 1:  # a whole entity: read its attribute
        return getattr(row[0], column.key)
    return row._mapping[column.key]


def _after(order: Sequence, values: list):
    """(a, b, c) > (x, y, z), spelled out so that both SQLite and PostgreSQL use indexes:
    ``a >= x AND (a > x OR a = x AND b > y OR ...)``, the first part a range on an index."""
    columns = [_column(term) for term in order]
    clauses = []
    for index, term in enumerate(order):
        equal = [columns[i] == values[i] for i in range(index)]
        beyond = columns[index] < values[index] if _descending(term) else (
            columns[index] > values[index])
        clauses.append(and_(*equal, beyond))
    if len(order) == 1:
        return clauses[0]
    first = columns[0] <= values[0] if _descending(order[0]) else columns[0] >= values[0]
    return and_(first, or_(*clauses))


def bound_keyset(order: Sequence):
    """The condition of ``keyset_page`` with bind parameters (``after_0``, ``after_1``, ...)
    instead of values, for a statement built once and cached: run it with
    ``cursor_parameters(args, order, list_name)``."""
    return _after(order, [bindparam(f"after_{index}") for index in range(len(order))])


def cursor_parameters(args: dict, order: Sequence, list_name: str) -> dict:
    """The values of ``bound_keyset``'s parameters from ``?cursor=``; {} on the first page."""
    if not args.get("cursor"):
        return {}
    values = decode_cursor(args["cursor"], list_name, len(order))
    return {f"after_{index}": value for index, value in enumerate(values)}


def next_cursor(rows: Sequence, limit: int, key: Callable, list_name: str) -> str | None:
    """The cursor after ``rows[limit - 1]`` when a row beyond the page was fetched (the query
    asked for ``limit + 1``); ``key(row)`` gives its sort values."""
    if len(rows) <= limit:
        return None
    return encode_cursor(key(rows[limit - 1]), list_name)


class CursorSerializer(URLSafeSerializer):
    """URL-safe and signed, never zlib-compressed: a cursor is a few dozen bytes, and
    ``zlib.compress`` (which URLSafeSerializer tries on every dump) set up 256 KB of state and
    let go of the interpreter lock, which a busy worker thread then waited to get back. Loading
    is URLSafeSerializer's own, so a compressed cursor of before still reads."""

    def dump_payload(self, obj) -> bytes:
        return base64_encode(super(URLSafeSerializerMixin, self).dump_payload(obj))


def _serializer(list_name: str) -> URLSafeSerializer:
    return _signer(current_app.config["SECRET_KEY"], list_name)


@lru_cache(maxsize=64)
def _signer(secret: str, list_name: str) -> URLSafeSerializer:
    """Made once per secret and list (making one costs as much as signing a cursor)."""
    return CursorSerializer(secret, salt=f"meedoen.page.{list_name}")


def encode_cursor(values: list, list_name: str) -> str:
    return _serializer(list_name).dumps([_dump(value) for value in values])


def decode_cursor(cursor: str, list_name: str, length: int) -> list:
    try:
        values = _serializer(list_name).loads(cursor)
        if not isinstance(values, list) or len(values) != length:
            raise ValueError(cursor)
        return [_load(value) for value in values]
    except (BadSignature, ValueError, TypeError, KeyError):
        message = _("We could not find where this list goes on. Start again from the top.")
        fail(400, "invalid_cursor", message, fields={"cursor": [message]})


def _dump(value):
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot put a {type(value).__name__} in a cursor")


def _load(value):
    if isinstance(value, dict):
        return datetime.fromisoformat(value["datetime"])
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(value)
