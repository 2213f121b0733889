"""The plain words the young person and staff read: statuses, steps, what happens next and a
fund described for a young person. Rendered in the language of whoever reads them."""

from flask_babel import format_currency
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from meedoen.funds.models import COST_KIND_LABELS, CostKind, Fund, RequestStatus, StepKind
from meedoen.i18n import format_date

STATUS_LABELS = {
    RequestStatus.NEW: _l("Waiting for a helper"),
    RequestStatus.APPLIED: _l("Applied to a fund"),
    RequestStatus.GRANTED: _l("Granted"),
    RequestStatus.REFUSED: _l("Refused"),
    RequestStatus.OTHER_WAY: _l("Paid another way"),
}

STEP_LABELS = {
    StepKind.MESSAGE: _l("Message"),
    StepKind.QUESTION: _l("Question"),
    StepKind.APPLIED: _l("Applied to a fund"),
    StepKind.GRANTED: _l("Granted"),
    StepKind.REFUSED: _l("Refused"),
    StepKind.OTHER_WAY: _l("Paid another way"),
}

NEXT = {
    RequestStatus.NEW: _l("A helper will look at your request soon. You can read their answer "
                          "here."),
    RequestStatus.APPLIED: _l("Your helper asked the fund for you. The fund decides. This often "
                              "takes a few weeks. We will tell you here."),
    RequestStatus.GRANTED: _l("The fund pays the club directly. You never get cash. A month "
                              "before it ends, we remind you to ask again."),
    RequestStatus.REFUSED: _l("Your helper will look with you for another way to pay."),
    RequestStatus.OTHER_WAY: _l("Your costs are paid another way. Ask your helper if something "
                                "is not clear."),
}
ANSWER_PLEASE = _l("Your helper asked you something. Please answer below.")


def money(cents: int) -> str:
    return format_currency(cents / 100, "EUR")


def day(value) -> str:
    return format_date(value, "long")


def kind_label(kind: str) -> str:
    return str(COST_KIND_LABELS[CostKind(kind)])


def next_step(status: RequestStatus, question_open: bool) -> str:
    return str(ANSWER_PLEASE if question_open else NEXT[status])


def fund_in_plain_words(fund: Fund) -> str:
    kinds = ", ".join(kind_label(kind) for kind in fund.kinds)
    return _("For young people from %(min)s to %(max)s years old. It pays for: %(kinds)s. "
             "At most %(amount)s a year, paid directly to the club.",
             min=fund.min_age, max=fund.max_age, kinds=kinds,
             amount=money(fund.max_cents_per_year))
