from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, validates_schema

from meedoen.categories import CATEGORY_SLUGS
from meedoen.core import fields, validate
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.pagination import PageArgsSchema, page_schema
from meedoen.core.validation import LanguageCode, Range, Schema, Text
from meedoen.notifications.models import URGENT_REASON_MAX
from meedoen.notifications.preferences import groups

TITLE_MAX = 120
BODY_MAX = 1000
URGENT_REASON_MIN = 5
LINK_KINDS = ("activity", "contact")


class NotificationTextSchema(Schema):
    lang = fields.String(required=True, validate=validate.OneOf(SHIPPED_LANGUAGES))
    title = Text(required=True, min_length=1, max_length=TITLE_MAX)
    body = Text(required=True, min_length=1, max_length=BODY_MAX, multiline=True)


class AudienceSchema(Schema):
    location_ids = fields.List(fields.Integer(strict=True, validate=Range(min=1)),
                               validate=validate.Length(max=100))
    interests = fields.List(fields.String(validate=validate.OneOf(CATEGORY_SLUGS)),
                            validate=validate.Length(max=len(CATEGORY_SLUGS)))
    languages = fields.List(LanguageCode(), validate=validate.Length(max=30))


class LinkSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(LINK_KINDS))
    id = fields.Integer(required=True, strict=True, validate=Range(min=1, max=2**31 - 1))


class AudienceRequestSchema(Schema):
    municipality_id = fields.Integer(strict=True, validate=Range(min=1, max=2**31 - 1))
    audience = fields.Nested(AudienceSchema, load_default=dict)


class NotificationInSchema(AudienceRequestSchema):
    texts = fields.List(fields.Nested(NotificationTextSchema), required=True,
                        validate=validate.Length(min=1, max=len(SHIPPED_LANGUAGES)))
    link = fields.Nested(LinkSchema, allow_none=True)
    urgent = fields.Boolean(load_default=False)
    # Urgent skips quiet hours: say briefly why it cannot wait (required with urgent).
    urgent_reason = Text(min_length=URGENT_REASON_MIN, max_length=URGENT_REASON_MAX,
                         allow_none=True)
    send_at = fields.AwareDateTime(allow_none=True)

    @validates_schema
    def urgent_needs_a_reason(self, data, **kwargs):
        if data.get("urgent") and not (data.get("urgent_reason") or "").strip():
            raise ValidationError(_l("Say briefly why this message cannot wait."),
                                  "urgent_reason")
        if not data.get("urgent") and data.get("urgent_reason"):
            raise ValidationError(_l("A reason is only needed for an urgent message."),
                                  "urgent_reason")

    @validates_schema
    def dutch_and_unique(self, data, **kwargs):
        languages = [text["lang"] for text in data.get("texts", [])]
        if len(set(languages)) != len(languages):
            raise ValidationError(_l("Give each language only once."), "texts")
        if languages and "nl" not in languages:
            raise ValidationError(_l("A Dutch text is required."), "texts")


class CountSchema(Schema):
    count = fields.Integer()


class FiguresSchema(Schema):
    targeted = fields.Integer()
    delivered = fields.Integer()
    inbox_only = fields.Integer()
    failed = fields.Integer()
    pending = fields.Integer()
    opened = fields.Integer()


class SenderSchema(Schema):
    id = fields.Integer()
    display_name = fields.String()


class NotificationOutSchema(Schema):
    id = fields.Integer()
    municipality_id = fields.Integer()
    sender = fields.Nested(SenderSchema, allow_none=True)
    texts = fields.List(fields.Nested(NotificationTextSchema))
    audience = fields.Dict()
    url = fields.String(allow_none=True)
    urgent = fields.Boolean()
    urgent_reason = fields.String(allow_none=True)
    status = fields.Function(lambda n: n.status.value)
    send_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    figures = fields.Nested(FiguresSchema)


class NotificationListQuery(PageArgsSchema):
    """Newest first, a page at a time (``limit``, ``cursor``)."""

    municipality_id = fields.Integer(validate=Range(min=1, max=2**31 - 1))


class InboxQuery(PageArgsSchema):
    """Newest first, a page at a time (``limit``, ``cursor``)."""


class InboxItemSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    url = fields.String(allow_none=True)
    lang = fields.String()
    dir = fields.String(metadata={"description": "ltr or rtl: the direction of lang"})
    translation = fields.String(allow_none=True, metadata={
        "description": "original, human (the sender's own translation) or machine; null for "
                       "automatic messages (the app's own words)"})
    original = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "Machine translated messages: the sender's text {language, title, "
                       "body}, for 'show the original'"})
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)
    opened_at = fields.DateTime(allow_none=True)


class InboxSchema(page_schema(InboxItemSchema)):
    unread = fields.Integer(required=True, metadata={
        "description": "How many of all my messages are unread (not only on this page)"})


class ReadSchema(Schema):
    opened = fields.Boolean(load_default=False)


class PreferenceSchema(Schema):
    group = fields.String()
    label = fields.String()
    enabled = fields.Boolean()


class PreferencesSchema(Schema):
    settings = fields.List(fields.Nested(PreferenceSchema))


def _known_group(group: str) -> None:
    """The groups the features registered (when the request comes, not at import)."""
    validate.OneOf(list(groups()))(group)


class PreferencesPatchSchema(Schema):
    settings = fields.Dict(keys=fields.String(validate=_known_group),
                           values=fields.Boolean(), required=True)
