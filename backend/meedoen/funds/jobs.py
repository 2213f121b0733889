"""Work on a clock: reminders to renew a grant a month before it ends, and deleting closed
requests after the retention period (leaving anonymous totals). Both take ``now`` so that
tests (and a catch-up run) choose the moment."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from flask import current_app
from sqlalchemy import delete, select, update

from meedoen.core.models import utcnow
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.funds.export import forget_traces
from meedoen.funds.models import RequestStatus, SupportRequest, SupportTotal

RENEW_BEFORE = relativedelta(months=1)


def send_renewal_reminders(now: datetime | None = None) -> int:
    """Tell the young person and the intermediary, once per grant, a month before it ends.
    Each grant is claimed with one UPDATE, so two workers never remind twice. Due work
    (registered by the funds' init_app): it only flushes; run_due_work or the command commits."""
    now = now or utcnow()
    due = db.session.execute(select(SupportRequest.id, SupportRequest.youth_id,
                                    SupportRequest.intermediary_id).where(
        SupportRequest.status == RequestStatus.GRANTED,
        SupportRequest.renewal_reminded_at.is_(None),
        SupportRequest.grant_end >= now.date(),
        SupportRequest.grant_end <= now.date() + RENEW_BEFORE)).all()
    made = 0
    for request_id, youth_id, intermediary_id in due:
        if claim_reminder(request_id, now):
            notify("support.renewal", [p for p in (youth_id, intermediary_id) if p is not None],
                   request_id=request_id)
            made += 1
    db.session.flush()
    return made


def claim_reminder(request_id: int, now: datetime) -> bool:
    claimed = db.session.execute(
        update(SupportRequest).where(SupportRequest.id == request_id,
                                     SupportRequest.renewal_reminded_at.is_(None))
        .values(renewal_reminded_at=now).execution_options(synchronize_session=False))
    return claimed.rowcount == 1


def retention_cutoff(now: datetime | None = None) -> datetime:
    months = current_app.config["FUND_REQUEST_RETENTION_MONTHS"]
    return (now or utcnow()) - relativedelta(months=months)


def purge_closed_requests(now: datetime | None = None) -> int:
    old = list(db.session.scalars(select(SupportRequest).where(
        SupportRequest.closed_at < retention_cutoff(now))))
    ids = [request.id for request in old]
    db.session.add_all(anonymous_total(request) for request in old)
    forget_traces(db.session.connection(), ids)
    db.session.execute(delete(SupportRequest).where(SupportRequest.id.in_(ids)))
    db.session.flush()
    return len(old)


def anonymous_total(request: SupportRequest) -> SupportTotal:
    decided = request.decided_at
    days = (decided - request.created_at).days if decided else None
    return SupportTotal(municipality_id=request.municipality_id, fund_id=request.fund_id,
                        category=request.category, outcome=request.status,
                        days_to_decision=days, year=request.created_at.year)


