from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, validates_schema

from meedoen.categories import CATEGORY_SLUGS
from meedoen.core import fields, validate
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.pagination import PageArgsSchema
from meedoen.core.validation import LangQuerySchema, LanguageCode, Schema, Text
from meedoen.i18n.fallback import LanguageFieldsSchema, LocalizedTextSchema
from meedoen.ideas.models import IdeaStatus, ReportReason, SupportKind

TITLE_MAX = 120
DESCRIPTION_MAX = 1000
MESSAGE_MAX = 1000
REASON_MAX = 300
ANSWER_STATUSES = [s.value for s in IdeaStatus if s != IdeaStatus.NEW]


def _choice(values, **kwargs) -> fields.String:
    return fields.String(validate=validate.OneOf(list(values)), **kwargs)


# -- input -------------------------------------------------------------------------------------

class IdeaQuerySchema(PageArgsSchema):
    sort = fields.String(load_default="support", validate=validate.OneOf(["support", "newest"]))
    status = fields.List(_choice(s.value for s in IdeaStatus))
    category = fields.List(_choice(CATEGORY_SLUGS))
    mine = fields.Boolean()
    reported = fields.Boolean(metadata={"description": "Staff: only ideas with open reports"})
    hidden = fields.Boolean(metadata={"description": "Staff: only hidden (true) or shown (false)"})
    municipality_id = fields.Integer(metadata={"description": "Admins: one municipality"})


class StatsQuerySchema(LangQuerySchema):
    municipality_id = fields.Integer(metadata={"description": "Admins: one municipality"})
    since = fields.Date(metadata={"description": "Only ideas proposed on or after this day"})


class IdeaTextSchema(Schema):
    title = Text(required=True, max_length=TITLE_MAX, min_length=3)
    description = Text(required=True, max_length=DESCRIPTION_MAX, min_length=1, multiline=True)


class IdeaCreateSchema(IdeaTextSchema):
    language = LanguageCode(metadata={"description": "The language it is written in; "
                                                     "default: the UI language"})
    category = _choice(CATEGORY_SLUGS, required=True)
    will_help_organise = fields.Boolean(load_default=False)


class SupportSchema(Schema):
    kind = _choice((k.value for k in SupportKind), load_default=SupportKind.JOIN.value)


class AnswerCreateSchema(Schema):
    status = _choice(ANSWER_STATUSES, required=True)
    message = fields.Dict(
        required=True, keys=LanguageCode(),
        values=Text(max_length=MESSAGE_MAX, min_length=1, multiline=True),
        validate=validate.Length(min=1, max=len(SHIPPED_LANGUAGES)),
        metadata={"description": 'The message per language: {"nl": "...", "ar": "..."}'},
    )
    language = LanguageCode(metadata={"description": "Which of the messages is the original; "
                                                     "default: my app language if given, else "
                                                     "the first"})
    activity_id = fields.Integer(strict=True, allow_none=True,
                                 metadata={"description": "Only with status planned"})

    @validates_schema
    def consistent(self, data, **kwargs):
        if data.get("activity_id") is not None and data["status"] != IdeaStatus.PLANNED:
            raise ValidationError(_l("Only a planned idea can be linked to an activity."),
                                  "activity_id")
        if "language" in data and data["language"] not in data["message"]:
            raise ValidationError(_l("Give the message in this language too."), "language")


class ReportSchema(Schema):
    reason = _choice((r.value for r in ReportReason), required=True)
    note = Text(max_length=REASON_MAX, multiline=True)


class HideSchema(Schema):
    reason = Text(required=True, max_length=REASON_MAX, min_length=3, multiline=True)


# -- output ------------------------------------------------------------------------------------

class IdeaTextOutSchema(LocalizedTextSchema):
    """The same fields as an activity's text: the language it is in, whether it fell back."""


class MessageOutSchema(LanguageFieldsSchema):
    message = fields.String(metadata={"description": "Sanitised HTML (a few tags, safe links)"})


class SupportOutSchema(Schema):
    total = fields.Integer()
    join = fields.Integer()
    help = fields.Integer()
    names = fields.List(fields.String(), metadata={
        "description": "Only supporters who chose to show their name "
                       "(show_name_as_supporter)"})
    mine = fields.String(allow_none=True, metadata={"description": "join, help or null"})


class ActivityRefSchema(Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    starts_at = fields.DateTime()
    status = fields.String()


class AnswerOutSchema(Schema):
    id = fields.Integer()
    status = fields.String()
    status_label = fields.String()
    text = fields.Nested(MessageOutSchema)
    by = fields.String(allow_none=True, metadata={"description": "The staff member's name"})
    activity = fields.Nested(ActivityRefSchema, allow_none=True)
    created_at = fields.DateTime()


class HiddenOutSchema(Schema):
    reason = fields.String()
    at = fields.DateTime()


class ReportsOutSchema(Schema):
    open = fields.Integer()
    reasons = fields.Dict(keys=fields.String(), values=fields.Integer())
    notes = fields.List(fields.String())


class IdeaOutSchema(Schema):
    id = fields.Integer()
    municipality_id = fields.Integer()
    text = fields.Nested(IdeaTextOutSchema, metadata={
        "description": "Title and description in the reader's language, else the original"})
    category = fields.String()
    status = fields.String()
    status_label = fields.String()
    will_help_organise = fields.Boolean()
    author = fields.String(allow_none=True, metadata={
        "description": "Shown to staff, and to others only if the author chose to show it "
                       "(show_name_on_ideas)"})
    is_mine = fields.Boolean()
    support = fields.Nested(SupportOutSchema)
    answer_count = fields.Integer()
    latest_answer = fields.Nested(AnswerOutSchema, allow_none=True)
    answers = fields.List(fields.Nested(AnswerOutSchema))
    activity = fields.Nested(ActivityRefSchema, allow_none=True)
    hidden = fields.Nested(HiddenOutSchema, allow_none=True, metadata={
        "description": "Only for the author and staff: why it was hidden"})
    reports = fields.Nested(ReportsOutSchema, allow_none=True, metadata={"description": "Staff"})
    created_at = fields.DateTime()
    status_changed_at = fields.DateTime(allow_none=True)
    first_answered_at = fields.DateTime(allow_none=True)


class WaitingIdeaSchema(Schema):
    id = fields.Integer()
    text = fields.Nested(IdeaTextOutSchema)
    category = fields.String()
    created_at = fields.DateTime()
    waiting_days = fields.Integer()
    supporters = fields.Integer()


class StatsOutSchema(Schema):
    waiting = fields.List(fields.Nested(WaitingIdeaSchema),
                          metadata={"description": "Not answered yet, oldest first"})
    waiting_count = fields.Integer()
    ideas_counted = fields.Integer(metadata={
        "description": "Ideas answered, or proposed at least 14 days ago"})
    answered_within_14_days = fields.Integer()
    share_answered_within_14_days = fields.Float(allow_none=True)
    median_hours_to_first_answer = fields.Float(allow_none=True)
    median_days_to_first_answer = fields.Float(allow_none=True)
