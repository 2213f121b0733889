from meedoen.core import fields, validate
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.validation import Schema, Text

SHIPPED = validate.OneOf(SHIPPED_LANGUAGES)
PREVIEW_KINDS = ("activity", "contact", "notification", "idea_answer")


class PreviewTextsSchema(Schema):
    """The draft's fields; which of them a kind has is the kind's own list."""

    title = Text(max_length=200)
    description = Text(max_length=5000, multiline=True)
    help_text = Text(max_length=1000, multiline=True)
    body = Text(max_length=1000, multiline=True)
    message = Text(max_length=2000, multiline=True)


class PreviewInSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(PREVIEW_KINDS))
    source = fields.String(required=True, validate=SHIPPED)
    targets = fields.List(fields.String(validate=SHIPPED), required=True,
                          validate=validate.Length(min=1, max=len(SHIPPED_LANGUAGES)))
    texts = fields.Nested(PreviewTextsSchema, required=True)


class PreviewOutSchema(Schema):
    provider = fields.String(allow_none=True)
    translations = fields.Dict(keys=fields.String(),
                               values=fields.Dict(keys=fields.String(), values=fields.String()))
    missing = fields.List(fields.String())


class CoverageQuerySchema(Schema):
    municipality_id = fields.Integer(strict=False, validate=validate.Range(min=1, max=2**31))


class TranslationCoverageItemSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    missing = fields.List(fields.String(), metadata={"description": "No text in these yet"})
    machine = fields.List(fields.String(), metadata={"description": "Machine translated"})
    outdated = fields.List(fields.String(),
                           metadata={"description": "Made from an older original"})


class TranslationCoverageSchema(Schema):
    languages = fields.List(fields.String(),
                            metadata={"description": "The languages of this municipality"})
    activities = fields.List(fields.Nested(TranslationCoverageItemSchema))
    contacts = fields.List(fields.Nested(TranslationCoverageItemSchema))


class MonthUsageSchema(Schema):
    month = fields.String()
    characters = fields.Integer()


class UsageSchema(Schema):
    provider = fields.String(allow_none=True)
    daily_limit = fields.Integer()
    today = fields.Integer()
    months = fields.List(fields.Nested(MonthUsageSchema))
