"""Funds, asking for support and the intermediary's steps. Services flush; the request
commits (core.transaction)."""

from datetime import UTC, date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from flask_babel import gettext as _
from sqlalchemy import or_, select

from meedoen.activities.models import Activity
from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.authz import is_admin
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.ratelimit import check_per_person
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.funds.models import (
    Fund,
    Intermediary,
    RequestStatus,
    StepKind,
    SupportRequest,
    SupportStep,
)
from meedoen.funds.policy import MARKABLE, get_fund, is_intermediary
from meedoen.funds.texts import money
from meedoen.i18n import current_language
from meedoen.places.models import Municipality
from meedoen.translation.subjects import request_translation

STALE_AFTER = timedelta(days=7)
OPEN = (RequestStatus.NEW, RequestStatus.APPLIED)


def invalid(field: str, message: str):
    fail(422, fields={field: [message]})


# -- funds -----------------------------------------------------------------------------------

def fund_municipality(actor: User, data: dict) -> int:
    """Admins name the municipality; it must exist."""
    municipality_id = data.pop("municipality_id", None)
    if not is_admin(actor):
        return actor.municipality_id
    if municipality_id is None or db.session.get(Municipality, municipality_id) is None:
        invalid("municipality_id", _("Choose a municipality."))
    return municipality_id


def create_fund(actor: User, data: dict) -> Fund:
    fund = Fund(municipality_id=fund_municipality(actor, data), kinds_text="")
    apply_fund_fields(fund, data)
    db.session.add(fund)
    db.session.flush()
    record(actor, "fund.created", fund.municipality_id, fund_id=fund.id)
    return fund


def update_fund(actor: User, fund: Fund, data: dict) -> Fund:
    apply_fund_fields(fund, data)
    if fund.min_age > fund.max_age:
        invalid("max_age", _("The lowest age must not be above the highest."))
    db.session.flush()
    record(actor, "fund.updated", fund.municipality_id, fund_id=fund.id, fields=sorted(data))
    return fund


def apply_fund_fields(fund: Fund, data: dict) -> None:
    for name, value in data.items():
        setattr(fund, name, value)


def funds_of(municipality_id: int | None, only_active: bool) -> list[Fund]:
    query = select(Fund).order_by(Fund.name, Fund.id)
    if municipality_id is not None:
        query = query.where(Fund.municipality_id == municipality_id)
    if only_active:
        query = query.where(Fund.active)
    return list(db.session.scalars(query))


def marked_intermediaries() -> list[int]:
    return list(db.session.scalars(select(Intermediary.user_id).order_by(Intermediary.user_id)))


def set_intermediary(actor: User, user: User, marked: bool) -> None:
    if user.role not in MARKABLE:
        invalid("user_id", _("This person cannot be marked as a helper with funds."))
    row = db.session.get(Intermediary, user.id)
    if marked and row is None:
        db.session.add(Intermediary(user_id=user.id))
    elif not marked and row is not None:
        db.session.delete(row)
    db.session.flush()
    record(actor, "fund.intermediary_marked" if marked else "fund.intermediary_unmarked",
           user.municipality_id, user_id=user.id)


# -- asking ----------------------------------------------------------------------------------

def writing_language(data: dict) -> str:
    return data.get("language") or current_language()


def check_request_limit(youth: User) -> None:
    check_per_person(youth, SupportRequest.created_at, [SupportRequest.youth_id == youth.id],
                     "SUPPORT_REQUEST_LIMITS", "too_many_requests",
                     _("You have asked for support many times in a short time. Please wait a "
                       "while, or write in a request you already sent."))


def check_message_limit(author: User) -> None:
    check_per_person(author, SupportStep.created_at, [SupportStep.author_id == author.id],
                     "REPLY_LIMITS", "too_many_messages",
                     _("You have sent many messages in a short time. Please wait a while "
                       "before you send another one."))


def activity_for(youth: User, activity_id: int | None) -> Activity | None:
    if activity_id is None:
        return None
    activity = db.session.get(Activity, activity_id)
    if activity is None or activity.municipality_id != youth.municipality_id:
        invalid("activity_id", _("We could not find this."))
    return activity


def ask(youth: User, data: dict) -> SupportRequest:
    check_request_limit(youth)
    activity = activity_for(youth, data.get("activity_id"))
    request = SupportRequest(
        municipality_id=youth.municipality_id, youth_id=youth.id,
        activity_id=activity.id if activity else None, category=data["category"],
        club=data["club"], cost_cents=data["cost_cents"], cost_period=data["cost_period"],
        months=data.get("months"), gear=data.get("gear") or None, age=data["age"])
    db.session.add(request)
    if data.get("message"):
        add_step(request, youth, StepKind.MESSAGE, body=data["message"],
                 language=writing_language(data))
    db.session.flush()
    notify("support.new", intermediaries_of(request), request_id=request.id)
    return request


def intermediaries_of(request: SupportRequest) -> list[int]:
    """The intermediary who took the request, else everyone who may take it there."""
    if request.intermediary_id is not None:
        return [request.intermediary_id]
    marked = select(Intermediary.user_id)
    return list(db.session.scalars(select(User.id).where(
        User.municipality_id == request.municipality_id, User.is_active_account,
        or_(User.role == Role.YOUTH_WORKER,
            User.role.in_(MARKABLE) & User.id.in_(marked))).order_by(User.id)))


def add_step(request: SupportRequest, author: User, kind: StepKind, body: str = "",
             language: str = "nl", fund_id: int | None = None) -> SupportStep:
    step = SupportStep(author_id=author.id, kind=kind, body=body or "", language=language,
                       fund_id=fund_id, created_at=utcnow())
    request.steps.append(step)
    request.last_step_at = step.created_at
    db.session.flush()
    if step.body:
        request_translation("support_step", step.id)
    return step


# -- the young person's messages ---------------------------------------------------------------

def youth_message(youth: User, request: SupportRequest, data: dict) -> SupportStep:
    if data["kind"] != StepKind.MESSAGE:
        fail(403)
    body = required_body(data)
    check_message_limit(youth)
    step = add_step(request, youth, StepKind.MESSAGE, body, writing_language(data))
    request.question_open = False
    notify("support.reply", intermediaries_of(request), request_id=request.id, step_id=step.id)
    return step


def required_body(data: dict, message: str | None = None) -> str:
    if not data.get("body"):
        invalid("body", message or _("Please write a message."))
    return data["body"]


# -- the intermediary's steps ----------------------------------------------------------------

def staff_step(actor: User, request: SupportRequest, data: dict) -> SupportStep:
    if not is_intermediary(actor):
        fail(403)
    kind = StepKind(data["kind"])
    step = STEP_HANDLERS[kind](actor, request, data)
    request.intermediary_id = request.intermediary_id or actor.id
    record(actor, f"support.{kind.value}", request.municipality_id, request_id=request.id,
           youth_id=request.youth_id)
    notify("support.step", [request.youth_id], request_id=request.id, step_id=step.id)
    return step


def check_status(request: SupportRequest, allowed, message: str) -> None:
    if request.status not in allowed:
        fail(409, "wrong_step", message)


def staff_message(actor, request, data) -> SupportStep:
    return add_step(request, actor, StepKind.MESSAGE, required_body(data), writing_language(data))


def ask_back(actor, request, data) -> SupportStep:
    body = required_body(data, _("Please write your question."))
    request.question_open = True
    return add_step(request, actor, StepKind.QUESTION, body, writing_language(data))


def applied(actor, request, data) -> SupportStep:
    check_status(request, (RequestStatus.NEW, RequestStatus.APPLIED, RequestStatus.REFUSED),
                 _("This request is already granted or paid."))
    if data.get("fund_id") is None:
        invalid("fund_id", _("Choose the fund you applied to."))
    fund = get_fund(actor, data["fund_id"])
    if fund.municipality_id != request.municipality_id or not fund.active:
        invalid("fund_id", _("Choose a fund of this municipality."))
    request.status, request.fund_id, request.closed_at = RequestStatus.APPLIED, fund.id, None
    return add_step(request, actor, StepKind.APPLIED, data.get("body", ""),
                    writing_language(data), fund_id=fund.id)


def granted(actor, request, data) -> SupportStep:
    check_status(request, (RequestStatus.APPLIED,),
                 _("Record first that you applied to a fund."))
    amount, start, end = grant_terms(request, data)
    paid_to = data.get("paid_to") or invalid("paid_to", _("Say which club is paid."))
    request.status, request.granted_cents, request.paid_to = RequestStatus.GRANTED, amount, paid_to
    request.grant_start, request.grant_end = start, end
    request.decided_at, request.renewal_reminded_at = utcnow(), None
    request.closed_at = datetime(end.year, end.month, end.day, tzinfo=UTC) + timedelta(days=1)
    return add_step(request, actor, StepKind.GRANTED, data.get("body", ""),
                    writing_language(data), fund_id=request.fund_id)


def grant_terms(request: SupportRequest, data: dict) -> tuple[int, date, date]:
    """The amount, first and last day; a fund pays nothing backwards in time."""
    amount, start = data.get("amount_cents"), data.get("start")
    if not amount:
        invalid("amount_cents", _("Give the amount the fund pays."))
    if request.fund and amount > request.fund.max_cents_per_year:
        invalid("amount_cents", _("This is more than the fund pays in a year (%(amount)s).",
                                  amount=money(request.fund.max_cents_per_year)))
    if start is None:
        invalid("start", _("Give the first day of the grant."))
    if start < request.created_at.date():
        invalid("start", _("A fund pays nothing backwards in time: the start cannot be before "
                           "the request."))
    months = request.fund.grant_months if request.fund else 12
    end = data.get("end") or start + relativedelta(months=months) - timedelta(days=1)
    if not start < end <= start + relativedelta(months=36):
        invalid("end", _("The last day must be after the first, and at most three years later."))
    return amount, start, end


def refused(actor, request, data) -> SupportStep:
    check_status(request, (RequestStatus.APPLIED,),
                 _("Record first that you applied to a fund."))
    reason = required_body(data, _("Say in plain words why the fund said no."))
    close(request, RequestStatus.REFUSED)
    return add_step(request, actor, StepKind.REFUSED, reason, writing_language(data),
                    fund_id=request.fund_id)


def paid_other_way(actor, request, data) -> SupportStep:
    check_status(request, (RequestStatus.NEW, RequestStatus.APPLIED, RequestStatus.REFUSED),
                 _("This request is already granted or paid."))
    close(request, RequestStatus.OTHER_WAY)
    return add_step(request, actor, StepKind.OTHER_WAY, data.get("body", ""),
                    writing_language(data))


def close(request: SupportRequest, status: RequestStatus) -> None:
    request.status, request.question_open = status, False
    request.decided_at = request.closed_at = utcnow()


STEP_HANDLERS = {
    StepKind.MESSAGE: staff_message,
    StepKind.QUESTION: ask_back,
    StepKind.APPLIED: applied,
    StepKind.GRANTED: granted,
    StepKind.REFUSED: refused,
    StepKind.OTHER_WAY: paid_other_way,
}


def is_stale(request: SupportRequest, now: datetime | None = None) -> bool:
    return request.status in OPEN and request.last_step_at < (now or utcnow()) - STALE_AFTER
