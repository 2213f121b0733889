"""Who may do what with funds and requests for support.

- Everyone logged in reads the active funds of their municipality; admins write them.
- A young person asks, and sees only their own requests.
- Intermediaries (youth workers, admins, and mentors or contacts an admin marked as one) see
  and handle the requests of their own municipality. Anyone else finds nothing (404).
"""

from sqlalchemy import ColumnElement, select

from meedoen.auth.models import Role, User
from meedoen.authz import municipality_scope
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.funds.models import Fund, Intermediary, SupportRequest

ALWAYS_INTERMEDIARIES = frozenset({Role.YOUTH_WORKER, Role.ADMIN})
MARKABLE = frozenset({Role.MENTOR, Role.CONTACT})


def is_intermediary(user: User) -> bool:
    if user.role in ALWAYS_INTERMEDIARIES:
        return True
    return user.role in MARKABLE and db.session.get(Intermediary, user.id) is not None


def require_intermediary(user: User) -> None:
    if not is_intermediary(user):
        fail(403)


def visible_requests(user: User) -> ColumnElement[bool]:
    if user.role == Role.YOUTH:
        return SupportRequest.youth_id == user.id
    return municipality_scope(user, SupportRequest.municipality_id)


def get_request(user: User, request_id: int) -> SupportRequest:
    """The young person's own request, or one of the intermediary's municipality."""
    if user.role != Role.YOUTH and not is_intermediary(user):
        fail(404)
    found = db.session.scalar(select(SupportRequest).where(
        SupportRequest.id == request_id, visible_requests(user)))
    if found is None:
        fail(404)
    return found


def is_youth_of(user: User, support_request: SupportRequest) -> bool:
    return support_request.youth_id == user.id


def get_fund(user: User, fund_id: int) -> Fund:
    fund = db.session.scalar(select(Fund).where(
        Fund.id == fund_id, municipality_scope(user, Fund.municipality_id)))
    if fund is None:
        fail(404)
    return fund
