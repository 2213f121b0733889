from meedoen.core import fields, validate
from meedoen.core.validation import LanguageCode, Schema, Text
from meedoen.i18n.fallback import LanguageFieldsSchema
from meedoen.questions.models import BODY_MAX
from meedoen.topics import TOPIC_SLUGS


class QuestionCreateSchema(Schema):
    topic = fields.String(required=True, validate=validate.OneOf(TOPIC_SLUGS))
    body = Text(required=True, min_length=1, max_length=BODY_MAX, multiline=True)
    language = LanguageCode(metadata={"description": "The language it is written in "
                                                     "(default: my app language)"})
    contact_id = fields.Integer(allow_none=True, strict=True, metadata={
        "description": "One contact; leave out to ask whoever helps with this topic here"})


class MessageCreateSchema(Schema):
    body = Text(required=True, min_length=1, max_length=BODY_MAX, multiline=True)
    language = LanguageCode(metadata={"description": "The language it is written in "
                                                     "(default: my app language)"})


class HelpedSchema(Schema):
    helped = fields.Boolean(load_default=True)


class PersonSchema(Schema):
    name = fields.String(allow_none=True)
    is_me = fields.Boolean()
    is_asker = fields.Boolean()


class MessageSchema(LanguageFieldsSchema):
    """The body in the reader's language where it was translated (``translation``: machine),
    with the ``original`` one tap away; the author always sees it as written."""

    id = fields.Integer()
    kind = fields.String(metadata={"description": "answer (from a contact) or reply (asker)"})
    body = fields.String()
    author = fields.Nested(PersonSchema)
    created_at = fields.DateTime()


class SentToSchema(Schema):
    contact_id = fields.Integer(allow_none=True)
    name = fields.String()


class QuestionSchema(LanguageFieldsSchema):
    """``body`` in the reader's language where it was translated; ``language`` is the language
    shown, ``original_language`` the one it was written in (the asker always sees that)."""

    id = fields.Integer()
    topic = fields.String()
    topic_label = fields.String()
    body = fields.String()
    asker = fields.Nested(PersonSchema)
    sent_to = fields.List(fields.Nested(SentToSchema))
    to_everyone_for_topic = fields.Boolean()
    status = fields.String(metadata={"description": "waiting (for an answer) or answered"})
    helped = fields.Boolean()
    message_count = fields.Integer()
    created_at = fields.DateTime()
    last_activity_at = fields.DateTime()
    messages = fields.List(fields.Nested(MessageSchema))
