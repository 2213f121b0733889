"""core/dumping.py: FastDumpSchema dumps exactly what marshmallow's own dump gives."""

from datetime import UTC, date, datetime
from enum import Enum

import marshmallow as ma
import pytest
from meedoen.core import fields
from meedoen.core.dumping import FastDumpSchema
from meedoen.core.validation import Schema


class Colour(Enum):
    RED = "red"


class Inner(Schema):
    name = fields.String()
    codes = fields.List(fields.String())


class Sample(FastDumpSchema):
    id = fields.Integer()
    title = fields.String()
    score = fields.Float(allow_none=True)
    flag = fields.Boolean()
    at = fields.DateTime()
    day = fields.Date()
    colour = fields.Enum(Colour, by_value=True)
    tags = fields.List(fields.String())
    numbers = fields.List(fields.Integer())
    inner = fields.Nested(Inner, allow_none=True)
    inners = fields.Nested(Inner, many=True)
    renamed = fields.String(data_key="otherName", attribute="source")
    extra = fields.Dict(keys=fields.String(), values=fields.String())
    default = fields.String(dump_default="nothing")
    computed = fields.Method("compute")
    as_text = fields.Integer(as_string=True)

    def compute(self, obj):
        return f"computed {obj['id'] if isinstance(obj, dict) else obj.id}"


FULL = {
    "id": 7, "title": "Voetbal", "score": 1.5, "flag": True,
    "at": datetime(2026, 11, 30, 12, tzinfo=UTC), "day": date(2026, 12, 1),
    "colour": Colour.RED, "tags": ["a", "b"], "numbers": [1, 2],
    "inner": {"name": "x", "codes": ["nl"]}, "inners": [{"name": "y", "codes": []}],
    "source": "renamed", "extra": {"k": "v"}, "as_text": 3,
}
SAMPLES = [
    FULL,
    {"id": 1},  # missing keys are left out, the default and the method still come
    {**FULL, "score": None, "inner": None, "title": None, "at": None, "tags": None},
    # values of another type than the field's: marshmallow converts them
    {**FULL, "id": True, "score": 2, "flag": 1, "title": 5, "tags": ("a", 1), "numbers": [True],
     "inner": {"name": 3}},
]


def _plain(schema_class):
    """The same schema dumped by marshmallow itself."""
    return type("Plain" + schema_class.__name__, (Schema,), dict(schema_class._declared_fields)
                | {"compute": schema_class.compute})


@pytest.mark.parametrize("obj", SAMPLES)
def test_the_same_as_marshmallow(obj):
    assert Sample().dump(obj) == _plain(Sample)().dump(obj)


def test_many_and_objects_that_are_not_dicts():
    class Thing:
        id, title, source = 3, "ding", "bron"

    assert Sample(many=True).dump([FULL, FULL]) == _plain(Sample)(many=True).dump([FULL, FULL])
    assert Sample().dump(Thing()) == _plain(Sample)().dump(Thing())


def test_a_schema_with_hooks_is_dumped_by_marshmallow():
    class Hooked(FastDumpSchema):
        name = fields.String()

        @ma.post_dump
        def shout(self, data, **kwargs):
            return {"name": data["name"].upper()}

    assert Hooked().dump({"name": "stil"}) == {"name": "STIL"}


def test_only_and_exclude():
    assert Sample(only=("id", "title")).dump(FULL) == {"id": 7, "title": "Voetbal"}
    assert "title" not in Sample(exclude=("title",)).dump(FULL)
