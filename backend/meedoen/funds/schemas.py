import ipaddress
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, validates_schema

from meedoen.core import fields, validate
from meedoen.core.pagination import PageArgsSchema
from meedoen.core.validation import LangQuerySchema, LanguageCode, Range, Schema, Text
from meedoen.funds.models import MESSAGE_MAX, CostKind, CostPeriod, RequestStatus, StepKind
from meedoen.i18n.fallback import LanguageFieldsSchema

KINDS = [k.value for k in CostKind]
MOST_CENTS = 1_000_000  # € 10.000: more than any fund pays for one person in a year


def Cents(**kwargs):
    return fields.Integer(strict=True, validate=Range(min=0, max=MOST_CENTS), **kwargs)


def check_apply_link(value: str) -> None:
    """An https link to a website by name (a bare IP address is no fund's website)."""
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme != "https" or "." not in host or " " in value or is_ip(host):
        raise ValidationError(_l("Give the website of the fund (https://…)."))


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


# Everything but the municipality and what has a default is required for a new fund.
FUND_REQUIRED = ("name", "min_age", "max_age", "kinds", "max_cents_per_year", "apply_url")


class FundFieldsSchema(Schema):
    name = Text(min_length=2, max_length=120)
    min_age = fields.Integer(strict=True, validate=Range(min=0, max=30))
    max_age = fields.Integer(strict=True, validate=Range(min=0, max=30))
    kinds = fields.List(fields.String(validate=validate.OneOf(KINDS)),
                        validate=validate.Length(min=1, max=len(KINDS)))
    max_cents_per_year = fields.Integer(strict=True, validate=Range(min=1, max=MOST_CENTS))
    apply_url = Text(max_length=300, validate=check_apply_link,
                     metadata={"description": "How an intermediary applies: an https link"})
    grant_months = fields.Integer(strict=True, validate=Range(min=1, max=36))
    active = fields.Boolean()

    @validates_schema
    def ages_in_order(self, data, **kwargs):
        if "min_age" in data and "max_age" in data and data["min_age"] > data["max_age"]:
            raise ValidationError(_l("The lowest age must not be above the highest."), "max_age")


class FundCreateSchema(FundFieldsSchema):
    municipality_id = fields.Integer(strict=True, metadata={
        "description": "Admins only: the municipality (staff: their own)"})

    @validates_schema
    def complete(self, data, **kwargs):
        missing = [name for name in FUND_REQUIRED if name not in data]
        if missing:
            raise ValidationError({name: [_l("This field is required.")] for name in missing})


class FundUpdateSchema(FundFieldsSchema):
    pass


class FundQuerySchema(LangQuerySchema):
    age = fields.Integer(validate=Range(min=0, max=30),
                         metadata={"description": "Only funds for this age"})
    kind = fields.String(validate=validate.OneOf(KINDS))
    municipality_id = fields.Integer(metadata={"description": "Admins: that municipality"})


class FundOutSchema(Schema):
    id = fields.Integer()
    municipality_id = fields.Integer()
    name = fields.String()
    min_age = fields.Integer()
    max_age = fields.Integer()
    kinds = fields.List(fields.String())
    max_cents_per_year = fields.Integer()
    apply_url = fields.String()
    grant_months = fields.Integer()
    active = fields.Boolean()
    plain = fields.String(metadata={"description": "Who it is for, in plain words"})


class RequestCreateSchema(Schema):
    activity_id = fields.Integer(strict=True, allow_none=True, metadata={
        "description": "The activity with a cost it is for (leave out: 'I want to join a club')"})
    category = fields.String(required=True, validate=validate.OneOf(KINDS))
    club = Text(required=True, min_length=1, max_length=120,
                metadata={"description": "The club or activity"})
    cost_cents = Cents(required=True)
    cost_period = fields.String(required=True,
                                validate=validate.OneOf([p.value for p in CostPeriod]))
    months = fields.Integer(strict=True, allow_none=True, validate=Range(min=1, max=24),
                            metadata={"description": "For how long (months)"})
    gear = Text(max_length=200, allow_none=True, metadata={"description": "Gear needed"})
    age = fields.Integer(required=True, strict=True, validate=Range(min=12, max=30))
    message = Text(max_length=MESSAGE_MAX, multiline=True, allow_none=True)
    language = LanguageCode(metadata={"description": "The language the message is written in"})


class StepCreateSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in StepKind]))
    body = Text(max_length=MESSAGE_MAX, multiline=True, metadata={
        "description": "The message; for 'refused' the reason in plain words"})
    language = LanguageCode()
    fund_id = fields.Integer(strict=True, metadata={"description": "applied: the fund"})
    amount_cents = Cents(metadata={"description": "granted: the amount"})
    start = fields.Date(metadata={"description": "granted: first day"})
    end = fields.Date(metadata={"description": "granted: last day (default: the fund's term)"})
    paid_to = Text(max_length=120, metadata={"description": "granted: the club that is paid"})


class RequestQuerySchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(["open", "stale", "all"]), load_default="open",
                           metadata={"description": "Staff: open (oldest first), stale (no step "
                                                    "for 7 days) or all"})


class SupportPersonSchema(Schema):
    name = fields.String(allow_none=True)
    is_me = fields.Boolean()
    is_youth = fields.Boolean()


class StepOutSchema(LanguageFieldsSchema):
    id = fields.Integer()
    kind = fields.String(validate=validate.OneOf([k.value for k in StepKind]))
    label = fields.String()
    body = fields.String()
    fund_name = fields.String(allow_none=True)
    author = fields.Nested(SupportPersonSchema)
    created_at = fields.DateTime()


class FundNameSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class RequestOutSchema(Schema):
    id = fields.Integer()
    municipality_id = fields.Integer()
    category = fields.String()
    category_label = fields.String()
    club = fields.String()
    activity_id = fields.Integer(allow_none=True)
    cost_cents = fields.Integer()
    cost_period = fields.String()
    months = fields.Integer(allow_none=True)
    gear = fields.String(allow_none=True)
    age = fields.Integer()
    status = fields.String(validate=validate.OneOf([s.value for s in RequestStatus]))
    status_label = fields.String()
    question_open = fields.Boolean()
    next = fields.String(metadata={"description": "What happens next, in plain words"})
    fund = fields.Nested(FundNameSchema, allow_none=True)
    granted_cents = fields.Integer(allow_none=True)
    grant_start = fields.Date(allow_none=True)
    grant_end = fields.Date(allow_none=True)
    paid_to = fields.String(allow_none=True)
    youth = fields.Nested(SupportPersonSchema)
    stale = fields.Boolean(metadata={"description": "Open and no step for 7 days"})
    created_at = fields.DateTime()
    last_step_at = fields.DateTime()
    steps = fields.List(fields.Nested(StepOutSchema))
    funds_that_may_fit = fields.List(fields.Nested(FundOutSchema))


class FiguresQuerySchema(LangQuerySchema):
    municipality_id = fields.Integer(metadata={"description": "Admins: that municipality"})


class FigureRowSchema(Schema):
    key = fields.String(metadata={"description": "The fund id or the category"})
    label = fields.String()
    requests = fields.Integer()
    granted = fields.Integer()
    refused = fields.Integer()
    median_days_to_decision = fields.Float(allow_none=True)


class FiguresOutSchema(Schema):
    total = fields.Nested(FigureRowSchema)
    by_fund = fields.List(fields.Nested(FigureRowSchema))
    by_category = fields.List(fields.Nested(FigureRowSchema))


class IntermediaryOutSchema(Schema):
    user_id = fields.Integer()
    is_intermediary = fields.Boolean()
