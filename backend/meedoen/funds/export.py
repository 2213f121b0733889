"""What this feature holds about a person: their export, and what erasure and the retention
purge remove beyond the database's ON DELETE."""

from sqlalchemy import Connection, delete, select

from meedoen.auth.models import User
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.funds.models import Intermediary, SupportRequest, SupportStep
from meedoen.funds.notices import request_url
from meedoen.funds.schemas import RequestOutSchema
from meedoen.notifications.models import InboxItem
from meedoen.privacy import PersonalData, iso, moment
from meedoen.translation.models import TranslationJob


class StepExportSchema(Schema):
    kind = fields.String()
    at = moment(allow_none=True)
    language = fields.String(allow_none=True)
    body = fields.String()
    translations = fields.Dict(keys=fields.String(), values=fields.String())


class StepWrittenExportSchema(StepExportSchema):
    request_id = fields.Integer()


class SupportRequestExportSchema(RequestOutSchema):
    """A request as stored, with every step and when it closed; not what the screens work out
    (labels, what happens next, funds that may fit) nor the young person again."""

    fund = fields.String(allow_none=True)  # the fund's name (the answer has its id too)
    steps = fields.List(fields.Nested(StepExportSchema))
    closed_at = moment(allow_none=True)

    class Meta(RequestOutSchema.Meta):
        exclude = ("municipality_id", "category_label", "status_label", "question_open", "next",
                   "youth", "stale", "last_step_at", "funds_that_may_fit")


class StepsWrittenExportSchema(Schema):
    steps = fields.List(fields.Nested(StepWrittenExportSchema))
    requests_handled = fields.List(fields.Integer())


class IntermediaryExportSchema(Schema):
    marked_on = moment(allow_none=True)


def export_request(request: SupportRequest) -> dict:
    return {"id": request.id, "category": request.category.value, "club": request.club,
            "activity_id": request.activity_id, "cost_cents": request.cost_cents,
            "cost_period": request.cost_period.value, "months": request.months,
            "gear": request.gear, "age": request.age, "status": request.status.value,
            "fund": request.fund.name if request.fund else None,
            "granted_cents": request.granted_cents, "grant_start": iso(request.grant_start),
            "grant_end": iso(request.grant_end), "paid_to": request.paid_to,
            "created_at": iso(request.created_at), "closed_at": iso(request.closed_at),
            "steps": [export_step(step) for step in request.steps]}


def export_step(step: SupportStep) -> dict:
    return {"kind": step.kind.value, "at": iso(step.created_at), "language": step.language,
            "body": step.body, "translations": {t.language: t.body for t in step.texts}}


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("support_requests", covers=[SupportRequest.youth_id],
                   schema=fields.List(fields.Nested(SupportRequestExportSchema)))
def export_requests(user: User) -> list[dict]:
    rows = db.session.scalars(select(SupportRequest).where(SupportRequest.youth_id == user.id)
                              .order_by(SupportRequest.id))
    return [export_request(request) for request in rows]


@personal.exporter("support_steps_written", covers=[SupportStep.author_id,
                                           SupportRequest.intermediary_id],
                   schema=StepsWrittenExportSchema)
def export_steps_written(user: User) -> dict:
    """Staff: the steps I took and the requests I handle (the young person's own words are
    theirs: only what I wrote)."""
    steps = db.session.scalars(select(SupportStep).where(SupportStep.author_id == user.id)
                               .order_by(SupportStep.id))
    handled = db.session.scalars(select(SupportRequest.id).where(
        SupportRequest.intermediary_id == user.id).order_by(SupportRequest.id))
    return {"steps": [{"request_id": s.request_id, **export_step(s)} for s in steps],
            "requests_handled": list(handled)}


@personal.exporter("fund_intermediary", covers=[Intermediary.user_id],
                   schema=IntermediaryExportSchema)
def export_intermediary(user: User) -> dict:
    row = db.session.get(Intermediary, user.id)
    return {"marked_on": iso(row.created_at) if row else None}


# -- erasure and the retention purge ---------------------------------------------------------

@personal.owned_ids("request_id")
def own_requests(connection: Connection, user_id: int) -> list[int]:
    return list(connection.scalars(select(SupportRequest.id)
                                   .where(SupportRequest.youth_id == user_id)))


def forget_traces(connection: Connection, request_ids: list[int]) -> None:
    """Messages about the requests in anyone's inbox, pending events, queued translations."""
    if not request_ids:
        return
    connection.execute(delete(InboxItem).where(
        InboxItem.url.in_([request_url(i) for i in request_ids])))
    connection.execute(delete(Event).where(
        Event.data["request_id"].as_integer().in_(request_ids)))
    steps = select(SupportStep.id).where(SupportStep.request_id.in_(request_ids))
    connection.execute(delete(TranslationJob).where(
        TranslationJob.subject == "support_step",
        TranslationJob.subject_id.in_(steps.scalar_subquery())))


@personal.eraser("funds", covers=["inbox_item.url", "event.data", "translation_job.subject_id"])
def forget_requests(connection: Connection, user_id: int) -> None:
    """The young person's requests go with them (CASCADE), and so does every trace of them."""
    forget_traces(connection, own_requests(connection, user_id))
