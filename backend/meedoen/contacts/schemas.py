from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, validates_schema

from meedoen.contacts.links import (
    ReachField,
    check_email,
    check_website,
    normalise_phone,
    normalise_whatsapp,
)
from meedoen.contacts.models import ContactKind
from meedoen.contacts.screening import today as screening_today
from meedoen.core import fields, validate
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.pagination import PageArgsSchema
from meedoen.core.validation import LangQuerySchema, LanguageCode, Schema, Text
from meedoen.i18n.fallback import LanguageFieldsSchema
from meedoen.topics import TOPIC_SLUGS

KINDS = [k.value for k in ContactKind]
HELP_TEXT_MAX = 1000
class ContactQuerySchema(PageArgsSchema):
    topic = fields.String(validate=validate.OneOf(TOPIC_SLUGS))
    kind = fields.String(validate=validate.OneOf(KINDS))
    language = LanguageCode(metadata={"description": "Only contacts who speak this language"})
    q = Text(max_length=100)
    municipality_id = fields.Integer(metadata={"description": "Admins: one municipality"})
    mine = fields.Boolean(metadata={"description": "Only the entry linked to my account"})


class RankQuerySchema(PageArgsSchema):
    language = LanguageCode(metadata={"description": "Rank by this language instead of mine"})
    municipality_id = fields.Integer(metadata={"description": "Admins: one municipality"})


class CoverageQuerySchema(LangQuerySchema):
    municipality_id = fields.Integer(metadata={"description": "Admins: one municipality"})


class ScreeningWriteSchema(Schema):
    """A VOG check as staff record it; the one who records it is stored as the checker."""

    checked_on = fields.Date(required=True, metadata={"description": "When the VOG was checked"})
    valid_until = fields.Date(required=True, metadata={
        "description": "The last day the check counts (the municipality's re-check period)"})

    @validates_schema
    def _in_order(self, data, **kwargs):
        if data["checked_on"] > screening_today():
            raise ValidationError(_l("The date of the check cannot be in the future."),
                                  "checked_on")
        if data["valid_until"] < data["checked_on"]:
            raise ValidationError(_l("The end date must be on or after the date of the check."),
                                  "valid_until")


class ContactWriteSchema(Schema):
    kind = fields.String(validate=validate.OneOf(KINDS))
    name = Text(max_length=100, min_length=1)
    organisation = Text(max_length=120, allow_none=True)
    languages = fields.List(LanguageCode(), validate=validate.Length(max=20))
    topics = fields.List(fields.String(validate=validate.OneOf(TOPIC_SLUGS)),
                         validate=validate.Length(max=len(TOPIC_SLUGS)))
    lived_experience = fields.Boolean()
    phone = ReachField(normalise_phone, max_length=30)
    whatsapp = ReachField(normalise_whatsapp, max_length=30)
    email = ReachField(check_email, max_length=254)
    website = ReachField(check_website, max_length=200)
    address = Text(max_length=200, allow_none=True)
    opening_hours = Text(max_length=200, allow_none=True)
    original_language = fields.String(validate=validate.OneOf(SHIPPED_LANGUAGES))
    help_texts = fields.Dict(
        keys=fields.String(validate=validate.OneOf(SHIPPED_LANGUAGES)),
        values=Text(max_length=HELP_TEXT_MAX, multiline=True, allow_none=True),
        metadata={"description": "'How I can help' per language; null removes a language"},
    )
    user_id = fields.Integer(allow_none=True, strict=True,
                             metadata={"description": "The staff account that manages it"})
    active = fields.Boolean()
    screening = fields.Nested(ScreeningWriteSchema, allow_none=True, metadata={
        "description": "Staff only: the VOG check (null: none recorded). Not by the linked "
                       "person, and nobody records their own"})


class ContactCreateSchema(ContactWriteSchema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    name = Text(max_length=100, min_length=1, required=True)
    municipality_id = fields.Integer(allow_none=True, strict=True,
                                     metadata={"description": "None: national (admins only)"})


class KindSchema(Schema):
    slug = fields.String()
    label = fields.String()


class RefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class TranslatedTextSchema(LanguageFieldsSchema):
    text = fields.String()


class ReachSchema(Schema):
    phone = fields.String(allow_none=True)
    whatsapp = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    opening_hours = fields.String(allow_none=True)
    links = fields.Dict(keys=fields.String(), values=fields.String())


class ScreeningSchema(Schema):
    required = fields.Boolean(metadata={"description": "Its kind needs a VOG check"})
    status = fields.String(metadata={
        "description": "checked, missing, expired or not_required"})
    needed = fields.Boolean(metadata={
        "description": "Missing or ended where required: it receives no questions"})
    ends_soon = fields.Boolean(metadata={"description": "Checked, ending within a month"})
    checked_on = fields.Date(allow_none=True)
    valid_until = fields.Date(allow_none=True)
    checked_by = fields.Nested(RefSchema, allow_none=True,
                               metadata={"description": "Mentors, youth workers and admins"})


class ContactSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    name = fields.String()
    organisation = fields.String(allow_none=True)
    municipality = fields.Nested(RefSchema, allow_none=True)
    national = fields.Boolean()
    languages = fields.List(fields.String())
    topics = fields.List(fields.String())
    lived_experience = fields.Boolean()
    reach = fields.Nested(ReachSchema)
    help = fields.Nested(TranslatedTextSchema, allow_none=True)
    can_receive_questions = fields.Boolean()
    speaks_your_language = fields.Boolean()
    assigned = fields.Boolean()
    active = fields.Boolean()
    can_edit = fields.Boolean()
    can_manage = fields.Boolean(metadata={
        "description": "Staff rights over every field; false for the linked person, who may "
                       "change only texts, reach details and opening hours"})
    checked_by_municipality = fields.Boolean(metadata={
        "description": "A VOG check is recorded and has not ended (the badge youth see)"})
    # Only for those who may edit the entry:
    user_id = fields.Integer(allow_none=True)
    original_language = fields.String()
    help_texts = fields.Dict(keys=fields.String(), values=fields.String())
    help_translations = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "Per language of help_texts: original, human, machine or outdated"})
    screening = fields.Nested(ScreeningSchema)


class AssignmentQuerySchema(PageArgsSchema):
    youth_id = fields.Integer()
    contact_id = fields.Integer()


class AssignmentCreateSchema(Schema):
    youth_id = fields.Integer(required=True, strict=True)
    contact_id = fields.Integer(required=True, strict=True)


class AssignmentSchema(Schema):
    id = fields.Integer()
    youth = fields.Nested(RefSchema)
    contact = fields.Nested(RefSchema)
    created_at = fields.DateTime()


class CoverageYouthSchema(Schema):
    id = fields.Integer()
    display_name = fields.String()
    location = fields.Nested(RefSchema, allow_none=True)
    languages = fields.List(fields.String())
    people = fields.Integer()
    speaks_language = fields.Boolean()
    fewer_than_three = fields.Boolean()
    available_in_language = fields.Integer(
        metadata={"description": "Contacts here (or national) who speak their language"})


class ScreeningNeededSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    status = fields.String(metadata={"description": "missing or expired"})
    valid_until = fields.Date(allow_none=True)


class CoverageSchema(Schema):
    youth_total = fields.Integer()
    with_three_or_more = fields.Integer()
    with_language_match = fields.Integer()
    share_three_or_more = fields.Float(allow_none=True)
    share_language_match = fields.Float(allow_none=True)
    needs_attention = fields.List(fields.Nested(CoverageYouthSchema))
    screening_needed = fields.List(fields.Nested(ScreeningNeededSchema), metadata={
        "description": "Active contacts whose VOG check is missing or ended where their kind "
                       "needs one: they receive no questions until it is recorded"})
