"""The lists: a young person's requests, the intermediaries' queue (oldest first) and the
requests that have had no step for a week."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.funds.models import SupportRequest, SupportStep
from meedoen.funds.policy import visible_requests
from meedoen.funds.services import OPEN, STALE_AFTER


def list_requests(user: User, args: dict, now: datetime | None = None) -> tuple[int, list]:
    query = select(SupportRequest).where(visible_requests(user))
    if user.role == Role.YOUTH:
        order = (SupportRequest.created_at.desc(), SupportRequest.id.desc())
    else:
        query = staff_filter(query, args["status"], now or utcnow())
        order = (SupportRequest.created_at, SupportRequest.id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    items = db.session.scalars(
        query.options(selectinload(SupportRequest.youth), selectinload(SupportRequest.fund),
                      selectinload(SupportRequest.steps).selectinload(SupportStep.texts))
        .order_by(*order).offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"]))
    return total, list(items)


def staff_filter(query, status: str, now: datetime):
    if status == "all":
        return query
    query = query.where(SupportRequest.status.in_(OPEN))
    if status == "stale":
        query = query.where(SupportRequest.last_step_at < now - STALE_AFTER)
    return query
