"""The lists: a young person's requests, the intermediaries' queue (oldest first) and the
requests that have had no step for a week."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.extensions import db
from meedoen.funds.models import Fund, SupportRequest
from meedoen.funds.policy import visible_requests
from meedoen.funds.services import OPEN, STALE_AFTER


def list_requests(user: User, args: dict, now: datetime | None = None) -> dict:
    """One page of requests (``items`` are ``SupportRequest`` rows) and how many there are."""
    query = select(SupportRequest).where(visible_requests(user))
    if user.role == Role.YOUTH:
        order, name = (SupportRequest.created_at.desc(), SupportRequest.id.desc()), "mine"
    else:
        query = staff_filter(query, args["status"], now or utcnow())
        order, name = (SupportRequest.created_at, SupportRequest.id), "queue"
    return keyset_page(
        query.options(selectinload(SupportRequest.youth), selectinload(SupportRequest.fund)),
        order, args, f"support-requests-{name}", total=True)


def staff_filter(query, status: str, now: datetime):
    if status == "all":
        return query
    query = query.where(SupportRequest.status.in_(OPEN))
    if status == "stale":
        query = query.where(SupportRequest.last_step_at < now - STALE_AFTER)
    return query


def fund_names(ids: set[int]) -> dict[int, str]:
    return dict(db.session.execute(select(Fund.id, Fund.name).where(Fund.id.in_(ids))).all())


def display_name(user_id: int) -> str | None:
    """Read through the session's identity map: authors already loaded cost no query."""
    user = db.session.get(User, user_id)
    return user.display_name if user else None
