from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, validates_schema

from meedoen.auth import names
from meedoen.auth.passwords import MAX_LENGTH, MIN_LENGTH
from meedoen.categories import CATEGORY_SLUGS
from meedoen.core import fields, validate
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.validation import LanguageCode, Schema, Text

USERNAME = validate.Regexp(r"^[a-z0-9][a-z0-9._-]{2,39}$")


class Username(Text):
    default_error_messages = {
        "invalid_username": _l("Use 3 to 40 letters a–z, digits, dots, dashes or underscores.")
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=40, min_length=3, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        name = super()._deserialize(value, attr, data, **kwargs).lower()
        try:
            USERNAME(name)
        except ValidationError:
            raise self.make_error("invalid_username") from None
        return name


class DisplayName(Text):
    """A name other people read: see meedoen.auth.names for the rules."""

    default_error_messages = {
        "invisible": _l("Use a name with letters that people can see."),
        "direction": _l("Your name has characters that turn the text around. "
                        "Remove them."),
        "staff": _l("This name looks like a staff role or the name of the app. "
                    "Choose another name."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=60, min_length=1, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        name = super()._deserialize(value, attr, data, **kwargs)
        if names.has_bidi_controls(name):
            raise self.make_error("direction")
        if names.is_invisible_only(name):
            raise self.make_error("invisible")
        if names.claims_staff_role(name):
            raise self.make_error("staff")
        return name


class Password(Text):
    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_LENGTH, min_length=MIN_LENGTH, strip=False, **kwargs)


class LoginSchema(Schema):
    username = Text(required=True, max_length=40)
    password = Text(required=True, max_length=MAX_LENGTH, strip=False)


class NamedSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class LocationRefSchema(NamedSchema):
    kind = fields.Function(lambda loc: loc.kind.value)


class UserSchema(Schema):
    id = fields.Integer()
    username = fields.String()
    role = fields.Function(lambda u: u.role.value)
    display_name = fields.String()
    ui_language = fields.String()
    languages = fields.List(fields.String())
    interests = fields.List(fields.String())
    municipality = fields.Nested(NamedSchema, allow_none=True)
    location = fields.Nested(LocationRefSchema, allow_none=True)
    mentor_location_ids = fields.List(fields.Integer())
    show_as_going = fields.Boolean()
    show_name_on_ideas = fields.Boolean()
    show_name_as_supporter = fields.Boolean()
    quiet_from = fields.Time(allow_none=True)
    quiet_until = fields.Time(allow_none=True)
    created_at = fields.DateTime()


class ProfileFields(Schema):
    display_name = DisplayName()
    ui_language = fields.String(validate=validate.OneOf(SHIPPED_LANGUAGES))
    languages = fields.List(LanguageCode(), validate=validate.Length(max=10))
    interests = fields.List(fields.String(validate=validate.OneOf(CATEGORY_SLUGS)),
                            validate=validate.Length(max=len(CATEGORY_SLUGS)))


class MePatchSchema(ProfileFields):
    # Who sees my name, three separate choices (all off until turned on):
    show_as_going = fields.Boolean(metadata={
        "description": "Other young people see my name at activities I am going to"})
    show_name_on_ideas = fields.Boolean(metadata={
        "description": "Other young people see my name on ideas I propose"})
    show_name_as_supporter = fields.Boolean(metadata={
        "description": "Other young people see my name on ideas I support"})
    quiet_from = fields.Time(allow_none=True)
    quiet_until = fields.Time(allow_none=True)
    current_password = Text(max_length=MAX_LENGTH, strip=False)
    new_password = Password()

    @validates_schema
    def password_pair(self, data, **kwargs):
        if "new_password" in data and "current_password" not in data:
            raise ValidationError(fields.Field.default_error_messages["required"],
                                  "current_password")
        if ("quiet_from" in data) != ("quiet_until" in data):
            raise ValidationError(fields.Field.default_error_messages["required"],
                                  "quiet_until" if "quiet_from" in data else "quiet_from")


class RedeemSchema(ProfileFields):
    code = Text(required=True, max_length=20)
    username = Username(required=True)
    password = Password(required=True)
    display_name = DisplayName(required=True)
