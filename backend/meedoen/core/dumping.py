"""A schema whose ``dump`` is planned once: for the big lists (the activity list), so that
their answers go through their schema without a marshmallow pass costing half the request.

``FastDumpSchema.dump`` gives what marshmallow's ``dump`` gives (a test compares them). For
each declared field it plans once how to copy the value: a ``str`` into a ``String``, an
``int`` into an ``Integer``, a ``bool``, a ``float``, ``None``, a ``datetime`` into a
``DateTime`` (ISO 8601), a list of those into a ``List``, a dict into a ``Nested`` schema
(planned the same way). Any other value, a field of another kind, an object that is not a
dict or a schema with hooks goes through marshmallow itself, field by field, so the answer
is the same; only the common case is quicker. The plan is written out as a small Python
function per schema (as dataclasses and attrs write their methods): a loop over the plan
cost twice as much.
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
        if _dumper(schema) is not None:
            return (_NESTED, (schema, field.many or schema.many))
    return (_OTHER, None)


def _plan(schema) -> list | None:
    """How to dump each field of ``schema``; None when the schema has dump hooks or dotted
    attributes (then marshmallow dumps it)."""
    hooks = schema._hooks.get("pre_dump") or schema._hooks.get("post_dump")
    if hooks or type(schema).get_attribute is not ma.Schema.get_attribute:
        return None
    plan = []
    for name, field in schema.dump_fields.items():
        attribute = field.attribute or name
        if "." in attribute:
            return None
        key = field.data_key if field.data_key is not None else name
        plan.append((key, attribute, name, field, *_step(field)))
    return plan


def _dumper(schema):
    """``schema``'s dump of one object as a function written for its fields, made once per
    schema object (a loop over the plan cost twice as much); None: marshmallow dumps it."""
    dumper = schema.__dict__.get("_meedoen_dumper", missing)
    if dumper is missing:
        plan = _plan(schema)
        dumper = None if plan is None else _write(schema, plan)
        schema.__dict__["_meedoen_dumper"] = dumper
    return dumper


def _write(schema, plan: list):
    """The source of the dump function: per field, the planned copy, else marshmallow."""
    names = {"missing": missing, "marshmallow_dump": lambda obj: ma.Schema._serialize(schema, obj)}
    lines = ["def dump(obj):",
             "    if type(obj) is not dict:",
             "        return marshmallow_dump(obj)",
             "    get = obj.get",
             "    out = {}"]
    for index, (key, attribute, name, field, kind, arg) in enumerate(plan):
        value, put = f"v{index}", f"out[{key!r}]"
        names[f"field{index}"] = (
            lambda obj, field=field, name=name: field.serialize(name, obj,
                                                                accessor=schema.get_attribute))
        names[f"type{index}"] = arg
        lines.append(f"    {value} = get({attribute!r}, missing)")
        if kind == _ALWAYS:
            lines.append("    if True:")
        else:
            lines.append(f"    if {value} is missing:")
            lines.append("        pass")
            if kind < _OTHER:  # each of these dumps None as None
                lines.append(f"    elif {value} is None:")
                lines.append(f"        {put} = None")
            if kind == _AS_IS:
                lines.append(f"    elif type({value}) is type{index}:")
                lines.append(f"        {put} = {value}")
            elif kind == _DATETIME:
                lines.append(f"    elif type({value}) is type{index}:")
                lines.append(f"        {put} = {value}.isoformat()")
            elif kind == _LIST:
                lines.append(f"    elif type({value}) is list and "
                             f"all(type(each) is type{index} for each in {value}):")
                lines.append(f"        {put} = {value}")
            elif kind == _NESTED:
                nested, many = arg
                names[f"nested{index}"] = _dumper(nested)
                if many:
                    lines.append(f"    elif type({value}) is list:")
                    lines.append(f"        {put} = [nested{index}(each) for each in {value}]")
                else:
                    lines.append(f"    elif type({value}) is dict:")
                    lines.append(f"        {put} = nested{index}({value})")
            lines.append("    else:")
        lines.append(f"        {value} = field{index}(obj)")
        lines.append(f"        if {value} is not missing:")
        lines.append(f"            {put} = {value}")
    lines.append("    return out")
    exec(compile("\n".join(lines), f"<dump {type(schema).__name__}>", "exec"), names)  # noqa: S102
    return names["dump"]


class FastDumpSchema(Schema):
    """A schema that dumps as marshmallow does, planned once (see the module's docstring)."""

    def _serialize(self, obj, *, many: bool = False):
        dump = _dumper(self)
        if dump is None:
            return super()._serialize(obj, many=many)
        if many and obj is not None:
            return [dump(each) for each in obj]
        return dump(obj)
