"""A schema whose ``dump`` is planned once: for the big lists (the activity list), so that
their answers go through their schema without a marshmallow pass costing half the request.

``FastDumpSchema.dump`` gives what marshmallow's ``dump`` gives (a test compares them). For
each declared field it plans once how to copy the value: a ``str`` into a ``String``, an
``int`` into an ``Integer``, a ``bool``, a ``float``, ``None``, a ``datetime`` into a
``DateTime`` (ISO 8601), a list of those into a ``List``, a dict into a ``Nested`` schema
(planned the same way). Any other value, a field of another kind, an object that is not a
dict or a schema with hooks goes through marshmallow itself, field by field, so the answer
is the same; only the common case is quicker.
"""

from datetime import datetime

import marshmallow as ma
from marshmallow import fields as ma_fields
from marshmallow.utils import missing

from meedoen.core.validation import Schema

_ISO_FORMATS = (None, "iso", "iso8601")
# Field classes whose dump of a value of this exact type is the value itself.
_NATIVE = ((ma_fields.String, str), (ma_fields.Boolean, bool), (ma_fields.Float, float),
           (ma_fields.Integer, int))
# _OTHER: marshmallow dumps the value (a missing key is left out, as marshmallow does);
# _ALWAYS: marshmallow decides even for a missing key (a dump_default, a Method field).
_AS_IS, _DATETIME, _LIST, _NESTED, _OTHER, _ALWAYS = range(6)


def _own_serialize(field: ma_fields.Field, base: type) -> bool:
    """The field dumps exactly as ``base`` does (no subclass changes its output)."""
    return type(field)._serialize is base._serialize and not getattr(field, "as_string", False)


def _native_type(field: ma_fields.Field) -> type | None:
    for base, python_type in _NATIVE:
        if isinstance(field, base) and _own_serialize(field, base):
            return python_type
    return None


def _step(field: ma_fields.Field) -> tuple:
    if field.dump_default is not missing or not field._CHECK_ATTRIBUTE:
        return (_ALWAYS, None)
    if native := _native_type(field):
        return (_AS_IS, native)
    if (isinstance(field, ma_fields.DateTime) and _own_serialize(field, ma_fields.DateTime)
            and field.format in _ISO_FORMATS):
        return (_DATETIME, datetime)
    if (isinstance(field, ma_fields.List) and _own_serialize(field, ma_fields.List)
            and (inner := _native_type(field.inner))):
        return (_LIST, inner)
    if isinstance(field, ma_fields.Nested) and _own_serialize(field, ma_fields.Nested):
        schema = field.schema
        if (plan := _plan(schema)) is not None:
            return (_NESTED, (schema, field.many or schema.many, plan))
    return (_OTHER, None)


def _plan(schema) -> list | None:
    """How to dump each field of ``schema``, made once per schema object; None when the
    schema has dump hooks or dotted attributes (then marshmallow dumps it)."""
    plan = schema.__dict__.get("_meedoen_plan", missing)
    if plan is missing:
        hooks = schema._hooks.get("pre_dump") or schema._hooks.get("post_dump")
        plan = None
        if not hooks and type(schema).get_attribute is ma.Schema.get_attribute:
            plan = []
            for name, field in schema.dump_fields.items():
                attribute = field.attribute or name
                if "." in attribute:
                    plan = None
                    break
                key = field.data_key if field.data_key is not None else name
                plan.append((key, attribute, name, field, *_step(field)))
        schema.__dict__["_meedoen_plan"] = plan
    return plan


def _dump_one(schema, plan: list, obj) -> dict:
    if type(obj) is not dict:
        return ma.Schema._serialize(schema, obj)
    out = {}
    get = obj.get
    for key, attribute, name, field, kind, arg in plan:
        value = get(attribute, missing)
        if value is missing and kind != _ALWAYS:
            continue
        if value is None and kind < _OTHER:  # each of these dumps None as None
            out[key] = None
        elif kind == _AS_IS and type(value) is arg:
            out[key] = value
        elif kind == _DATETIME and type(value) is arg:
            out[key] = value.isoformat()
        elif kind == _LIST and type(value) is list and all(type(each) is arg for each in value):
            out[key] = value
        elif kind == _NESTED and type(value) is (list if arg[1] else dict):
            nested, many, nested_plan = arg
            out[key] = ([_dump_one(nested, nested_plan, each) for each in value] if many
                        else _dump_one(nested, nested_plan, value))
        else:
            value = field.serialize(name, obj, accessor=schema.get_attribute)
            if value is not missing:
                out[key] = value
    return out


class FastDumpSchema(Schema):
    """A schema that dumps as marshmallow does, planned once (see the module's docstring)."""

    def _serialize(self, obj, *, many: bool = False):
        plan = _plan(self)
        if plan is None:
            return super()._serialize(obj, many=many)
        if many and obj is not None:
            return [_dump_one(self, plan, each) for each in obj]
        return _dump_one(self, plan, obj)
