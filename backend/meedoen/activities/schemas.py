from datetime import date

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import validates_schema

from meedoen.activities.models import ActivityStatus, SignupStatus, Transport
from meedoen.categories import CATEGORY_SLUGS
from meedoen.core import fields, validate
from meedoen.core.dumping import FastDumpSchema
from meedoen.core.pagination import PageArgsSchema, page_schema
from meedoen.core.validation import LanguageCode, Range, Schema, Text
from meedoen.i18n.fallback import LocalizedTextSchema

MAX_LANGUAGES = 20
SEARCHABLE_DATES = (date(2000, 1, 1), date(2999, 12, 31))


class TextInSchema(Schema):
    title = Text(required=True, min_length=2, max_length=120)
    description = Text(max_length=5000, multiline=True, load_default="")


class EditorTextSchema(Schema):
    title = fields.String()
    description = fields.String()
    translation = fields.String(metadata={"description": "original, human, machine or outdated"})


class RepeatSchema(Schema):
    every_weeks = fields.Integer(required=True, strict=True, validate=validate.OneOf([1, 2]))
    until = fields.Date(required=True)


class ActivityInSchema(Schema):
    """An activity as staff post it. PATCH takes the same fields, each optional."""

    category = fields.String(required=True, validate=validate.OneOf(CATEGORY_SLUGS))
    status = fields.Enum(ActivityStatus, by_value=True, load_default=ActivityStatus.PUBLISHED)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    venue_name = Text(required=True, min_length=2, max_length=120)
    venue_address = Text(max_length=200, load_default="")
    latitude = fields.Float(allow_none=True, load_default=None, validate=Range(-90, 90))
    longitude = fields.Float(allow_none=True, load_default=None, validate=Range(-180, 180))
    cost_cents = fields.Integer(strict=True, load_default=0, validate=Range(0, 100_000))
    support_note = Text(max_length=200, load_default="")
    transport = fields.Enum(Transport, by_value=True, load_default=Transport.NONE)
    capacity = fields.Integer(strict=True, allow_none=True, load_default=None,
                              validate=Range(1, 10_000))
    languages = fields.List(LanguageCode(), load_default=list,
                            validate=validate.Length(max=MAX_LANGUAGES))
    beginner_friendly = fields.Boolean(load_default=False)
    min_age = fields.Integer(strict=True, allow_none=True, load_default=None,
                             validate=Range(12, 99))
    max_age = fields.Integer(strict=True, allow_none=True, load_default=None,
                             validate=Range(12, 99))
    organiser = Text(max_length=120, load_default="")
    contact_name = Text(max_length=80, load_default="")
    contact_phone = Text(max_length=30, load_default="",
                         validate=validate.Regexp(r"^[0-9+()\- ]*$",
                                                  error=_l("This is not a valid phone number.")))
    location_id = fields.Integer(strict=True, allow_none=True, load_default=None)
    municipality_id = fields.Integer(strict=True, load_default=None,
                                     metadata={"description": "Admins only"})
    original_language = LanguageCode(required=True)
    texts = fields.Dict(keys=LanguageCode(), values=fields.Nested(TextInSchema), required=True,
                        validate=validate.Length(min=1, max=MAX_LANGUAGES))
    repeat = fields.Nested(RepeatSchema, allow_none=True, load_default=None)

    @validates_schema
    def _check_original_text(self, data, **kwargs):
        if "original_language" in data and data["original_language"] not in data.get("texts", {}):
            raise ma.ValidationError(_l("Give the title in the original language."),
                                     "original_language")


class ActivityPatchSchema(ActivityInSchema):
    texts = fields.Dict(keys=LanguageCode(), values=fields.Nested(TextInSchema),
                        validate=validate.Length(max=MAX_LANGUAGES),
                        metadata={"description": "Added or replaced per language"})
    apply_to = fields.String(load_default="occurrence",
                             validate=validate.OneOf(["occurrence", "series"]),
                             metadata={"description": "series: this and the following "
                                                      "occurrences of its series"})

    @validates_schema
    def _check_original_text(self, data, **kwargs):
        """Checked against the stored texts in the service."""


class ActivityQuerySchema(PageArgsSchema):
    """The list's filters, and ?limit=&cursor= (the one pagination, meedoen.core.pagination)."""

    category = fields.List(fields.String(validate=validate.OneOf(CATEGORY_SLUGS)))
    date_from = fields.Date(data_key="from", validate=Range(*SEARCHABLE_DATES))
    date_to = fields.Date(data_key="to", validate=Range(*SEARCHABLE_DATES))
    evenings = fields.Boolean(metadata={"description": "From 17:00; with weekends: either"})
    weekends = fields.Boolean()
    free = fields.Boolean()
    support = fields.Boolean(metadata={"description": "Financial support available"})
    transport = fields.Boolean(metadata={"description": "Pick-up or travelling together"})
    language = LanguageCode(metadata={"description": "A language spoken at the activity"})
    beginner = fields.Boolean()
    spots_left = fields.Boolean()
    q = Text(max_length=100)
    status = fields.Enum(ActivityStatus, by_value=True, metadata={"description": "Staff only"})


class ActivitySchema(FastDumpSchema):
    """An activity in the asked language. Planned once (FastDumpSchema): a page of them goes
    through this schema at the cost of copying its fields."""

    id = fields.Integer()
    municipality_id = fields.Integer()
    location_id = fields.Integer(allow_none=True)
    series_id = fields.Integer(allow_none=True)
    status = fields.String()
    category = fields.String()
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    timezone = fields.String()
    venue_name = fields.String()
    venue_address = fields.String()
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    cost_cents = fields.Integer()
    free = fields.Boolean()
    support_note = fields.String()
    transport = fields.String()
    capacity = fields.Integer(allow_none=True)
    going = fields.Integer()
    spots_left = fields.Integer(allow_none=True)
    languages = fields.List(fields.String())
    beginner_friendly = fields.Boolean()
    min_age = fields.Integer(allow_none=True)
    max_age = fields.Integer(allow_none=True)
    organiser = fields.String()
    text = fields.Nested(LocalizedTextSchema)
    my_signup = fields.String(allow_none=True, metadata={"description": "confirmed, "
                                                         "waitlisted, cancelled or null"})


class ActivityDetailSchema(ActivitySchema):
    contact_name = fields.String()
    contact_phone = fields.String()
    waitlisted = fields.Integer()
    going_together = fields.List(fields.String(), metadata={
        "description": "Display names of youth going who chose to show it"})
    texts = fields.Dict(keys=fields.String(), values=fields.Nested(EditorTextSchema),
                        metadata={"description": "Every language (staff who manage it only)"})


ActivityPageSchema = page_schema(ActivitySchema)


class CreatedSchema(Schema):
    items = fields.List(fields.Nested(ActivityDetailSchema),
                        metadata={"description": "The activity, or every occurrence of a series"})


class SignupResultSchema(Schema):
    activity_id = fields.Integer()
    status = fields.Enum(SignupStatus, by_value=True)
    position = fields.Integer(allow_none=True, metadata={"description": "On the waiting list"})


class SignupListItemSchema(Schema):
    display_name = fields.String()
    status = fields.String()
    signed_up_at = fields.DateTime()


class MyActivitySchema(ActivitySchema):
    signup_status = fields.String()


class CalendarFeedSchema(Schema):
    url = fields.String(metadata={"description": "Secret: anyone with it sees my sign-ups"})


# -- one tap after an activity -------------------------------------------------------------

FEEDBACK_COMMENT_MAX = 200


class FeedbackSchema(Schema):
    liked = fields.Boolean(required=True)
    comment = Text(max_length=FEEDBACK_COMMENT_MAX)


class FeedbackTotalsSchema(Schema):
    activity_id = fields.Integer()
    responses = fields.Integer()
    shown = fields.Boolean(metadata={
        "description": "False until enough people answered that no answer points to a person"})
    minimum = fields.Integer()
    liked = fields.Integer(allow_none=True)
    not_liked = fields.Integer(allow_none=True)
    comments = fields.List(fields.String(), allow_none=True)


class FeedbackDueSchema(Schema):
    activity_id = fields.Integer()
    text = fields.Nested(LocalizedTextSchema, metadata={"description": "The activity's text"})
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()


class FeedbackRecentSchema(FeedbackTotalsSchema):
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    text = fields.Nested(LocalizedTextSchema, metadata={"description": "The activity's text"})
