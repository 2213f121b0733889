from datetime import date, datetime

import marshmallow as ma
from flask_babel import lazy_gettext as _l

from meedoen.core import fields
from meedoen.core.validation import INT_MAX, LangQuerySchema, Range, Schema, Text


class CheckinInSchema(Schema):
    """A young person sends ``code``; an organiser sends ``user_id`` (and ``helped``)."""

    code = Text(max_length=120, metadata={"description": "The QR text or the short code"})
    user_id = fields.Integer(strict=True, validate=Range(1, INT_MAX))
    helped = fields.Boolean(load_default=False,
                            metadata={"description": "Organiser: helped organise"})

    @ma.validates_schema
    def _one_of(self, data, **kwargs):
        if ("code" in data) == ("user_id" in data):
            raise ma.ValidationError(_l("Send either a code or a person."), "code")


class CodeInSchema(Schema):
    code = Text(required=True, min_length=1, max_length=120,
                metadata={"description": "The QR text or the short code"})


class CheckinResultSchema(Schema):
    activity_id = fields.Integer()
    user_id = fields.Integer()
    method = fields.String(metadata={"description": "organiser or code"})
    walk_in = fields.Boolean()
    helped = fields.Boolean()
    checked_in_at = fields.DateTime()
    already = fields.Boolean(metadata={"description": "Was already checked in: nothing new"})


class DoorListItemSchema(Schema):
    user_id = fields.Integer()
    display_name = fields.String()
    here = fields.Boolean()
    checked_in_at = fields.DateTime(allow_none=True)
    method = fields.String(allow_none=True)
    walk_in = fields.Boolean()
    helped = fields.Boolean()


class CheckinCodeSchema(Schema):
    activity_id = fields.Integer()
    qr = fields.String(metadata={"description": "Text of the QR code"})
    code = fields.String(metadata={"description": "Short code to type"})
    valid_from = fields.DateTime()
    valid_until = fields.DateTime()


class TurnoutItemSchema(Schema):
    activity_id = fields.Integer()
    starts_at = fields.DateTime()
    status = fields.String()
    signed_up = fields.Integer()
    here = fields.Integer()
    walk_ins = fields.Integer()
    past = fields.Boolean()


class BirthYearSchema(Schema):
    birth_year = fields.Integer(required=True, strict=True, allow_none=True,
                                validate=Range(1990, 2020),
                                metadata={"description": "Optional; null removes it"})


class YearQuerySchema(LangQuerySchema):
    year = fields.Integer(validate=Range(2000, 2999))


class YearCategorySchema(Schema):
    category = fields.String()
    label = fields.String()
    count = fields.Integer()


class YearMonthSchema(Schema):
    month = fields.String(metadata={"description": "YYYY-MM"})
    categories = fields.List(fields.Nested(YearCategorySchema))


class StatementCheckSchema(Schema):
    display_name = fields.String()
    municipality = fields.String()
    year = fields.Integer()
    activities = fields.Integer()
    volunteer_hours = fields.Float()
    issued_on = fields.String()


class StatementSchema(StatementCheckSchema):
    token = fields.String()
    check_url = fields.String()


class MyYearSchema(Schema):
    year = fields.Integer()
    display_name = fields.String()
    municipality = fields.String()
    activities = fields.Integer()
    volunteer_activities = fields.Integer()
    volunteer_hours = fields.Float()
    birth_year = fields.Integer(allow_none=True)
    by_category = fields.List(fields.Nested(YearCategorySchema))
    by_month = fields.List(fields.Nested(YearMonthSchema))


class Month(fields.String):
    """A calendar month, YYYY-MM, loaded as the date of its first day."""

    default_error_messages = {"month": _l("Give a month as YYYY-MM.")}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            day = datetime.strptime(text, "%Y-%m").date()
        except ValueError:
            raise self.make_error("month") from None
        if not date(2000, 1, 1) <= day <= date(2999, 12, 1):
            raise self.make_error("month")
        return day


class ParticipationFiguresQuerySchema(LangQuerySchema):
    month = Month()
    municipality_id = fields.Integer(validate=Range(1, INT_MAX),
                                     metadata={"description": "Admins only (required)"})


class ParticipationGroupSchema(Schema):
    key = fields.String()
    label = fields.String()
    youth = fields.Integer(allow_none=True)
    took_part = fields.Integer(allow_none=True)
    share = fields.Float(allow_none=True)
    hidden = fields.Boolean(metadata={"description": "Fewer than five: not shown"})


class SignupsAndVisitsSchema(Schema):
    signed_up = fields.Integer()
    came = fields.Integer()
    no_shows = fields.Integer()
    walk_ins = fields.Integer()


class FiguresMunicipalitySchema(Schema):
    id = fields.Integer()
    name = fields.String()


class ParticipationFiguresSchema(Schema):
    municipality = fields.Nested(FiguresMunicipalitySchema)
    month = fields.String()
    min_group = fields.Integer()
    youth = fields.Integer(allow_none=True, metadata={"description": "null: fewer than five"})
    took_part = fields.Integer(allow_none=True)
    share = fields.Float(allow_none=True)
    by_house = fields.List(fields.Nested(ParticipationGroupSchema))
    by_language = fields.List(fields.Nested(ParticipationGroupSchema))
    by_age = fields.List(fields.Nested(ParticipationGroupSchema),
                         metadata={"description": "Age bands from the optional birth years"})
    by_category = fields.List(fields.Nested(ParticipationGroupSchema))
    visits = fields.Nested(SignupsAndVisitsSchema)
    new_without_participation = fields.Integer(
        allow_none=True, metadata={"description": "null: fewer than five"})


class FollowUpItemSchema(Schema):
    user_id = fields.Integer()
    display_name = fields.String()
    house = fields.String(allow_none=True)
    joined_at = fields.DateTime()
