from meedoen.core import fields, validate
from meedoen.core.pagination import PageArgsSchema
from meedoen.core.validation import LangQuerySchema, Schema, Text
from meedoen.wording.catalog import suggestable_languages
from meedoen.wording.models import MSGID_MAX, TEXT_MAX, SuggestionStatus

SCREEN_MSGIDS_MAX = 100


def _language(**kwargs) -> fields.String:
    return fields.String(validate=validate.OneOf(suggestable_languages()), **kwargs)


def _msgid(**kwargs) -> Text:
    return Text(max_length=MSGID_MAX, min_length=1, multiline=True, strip=False, **kwargs)


# -- input -------------------------------------------------------------------------------------

class UiTextQuerySchema(LangQuerySchema):
    language = _language(required=True, metadata={"description": "The catalog's language"})
    msgid = fields.List(_msgid(), validate=validate.Length(max=SCREEN_MSGIDS_MAX),
                        metadata={"description": "Only these texts (the ones a screen drew); "
                                                 "repeat the parameter"})


class SuggestionCreateSchema(Schema):
    language = _language(required=True)
    msgid = _msgid(required=True)
    text = Text(required=True, max_length=TEXT_MAX, min_length=1, multiline=True)


class SuggestionQuerySchema(PageArgsSchema):
    language = _language(metadata={"description": "Default: every language I review"})
    status = fields.String(load_default=SuggestionStatus.PENDING.value,
                           validate=validate.OneOf([s.value for s in SuggestionStatus]))


class DecisionSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(
        [SuggestionStatus.ACCEPTED.value, SuggestionStatus.REJECTED.value]))
    text = Text(max_length=TEXT_MAX, min_length=1, multiline=True,
                metadata={"description": "Accept with this corrected wording instead"})


class ReviewerGrantSchema(Schema):
    username = Text(required=True, max_length=40, min_length=1)
    language = _language(required=True)


# -- output ------------------------------------------------------------------------------------

class UiTextSchema(Schema):
    msgid = fields.String()
    current = fields.String()
    reviewed = fields.Boolean(metadata={"description": "Checked by a speaker of the language"})
    placeholders = fields.List(fields.String())


class UiTextListSchema(Schema):
    language = fields.String()
    texts = fields.List(fields.Nested(UiTextSchema))


class SuggestionSchema(Schema):
    """Never who suggested it: reviewers judge the wording, not the person."""

    id = fields.Integer()
    language = fields.String()
    msgid = fields.String()
    current = fields.String()
    text = fields.String()
    status = fields.String()
    placeholders = fields.List(fields.String())
    created_at = fields.DateTime()
    reviewed_at = fields.DateTime(allow_none=True)
    imported_at = fields.DateTime(allow_none=True)


class ReviewLanguagesSchema(Schema):
    languages = fields.List(fields.String(), metadata={"description": "Languages I review"})
    suggestable = fields.List(fields.String(),
                              metadata={"description": "Languages open to suggestions"})


class ReviewerSchema(Schema):
    id = fields.Integer()
    user_id = fields.Integer()
    username = fields.String()
    display_name = fields.String()
    role = fields.String()
    language = fields.String()
    created_at = fields.DateTime()


class ReviewerListSchema(Schema):
    items = fields.List(fields.Nested(ReviewerSchema))
