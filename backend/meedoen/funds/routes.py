import click
from flask import request as http_request
from flask_login import current_user

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.authz import is_admin, roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.core.pagination import page_schema
from meedoen.core.transaction import committing
from meedoen.core.validation import LangQuerySchema
from meedoen.extensions import db
from meedoen.funds import figures, jobs, present, queries, services
from meedoen.funds.models import SupportRequest
from meedoen.funds.policy import get_fund, get_request, is_youth_of, require_intermediary
from meedoen.funds.present import present_fund, present_request, present_requests
from meedoen.funds.schemas import (
    FiguresOutSchema,
    FiguresQuerySchema,
    FundCreateSchema,
    FundOutSchema,
    FundQuerySchema,
    FundUpdateSchema,
    IntermediaryOutSchema,
    RequestCreateSchema,
    RequestOutSchema,
    RequestQuerySchema,
    StepCreateSchema,
)

funds_blp = Blueprint("funds", __name__, url_prefix="/api/v1/funds",
                      description="Funds that pay club fees and costs (admins manage them)")
blp = Blueprint("support_requests", __name__, url_prefix="/api/v1/support-requests",
                description="Asking for support with costs, and the intermediary's steps",
                cli_group="funds")


def me() -> User:
    return current_user._get_current_object()


def detail(support_request: SupportRequest) -> dict:
    """The request as this user sees it now: what this request changed is flushed and loaded
    afresh (enums, steps and fund as stored; the request commits them)."""
    db.session.flush()
    db.session.expire_all()
    return present_request(support_request, me(), detail=True)


def scoped_municipality(args: dict) -> int | None:
    """Staff: their own municipality; admins: the one asked for, or all."""
    return args.get("municipality_id") if is_admin(me()) else me().municipality_id


@funds_blp.route("")
@roles_required()
@funds_blp.arguments(FundQuerySchema, location="query")
@funds_blp.response(200, FundOutSchema(many=True))
def list_funds(args):
    """The funds here; young people see the active ones, optionally those for their age."""
    funds = services.funds_of(scoped_municipality(args), only_active=not me().is_staff)
    return [present_fund(f) for f in funds if f.fits(args.get("age"), args.get("kind"))]


@funds_blp.route("", methods=["POST"])
@roles_required(Role.ADMIN)
@funds_blp.arguments(FundCreateSchema)
@funds_blp.response(201, FundOutSchema)
def create_fund(data):
    fund = services.create_fund(me(), data)
    return present_fund(fund)


@funds_blp.route("/<int:fund_id>", methods=["PATCH"])
@roles_required(Role.ADMIN)
@funds_blp.arguments(FundUpdateSchema)
@funds_blp.response(200, FundOutSchema)
def update_fund(data, fund_id):
    fund = services.update_fund(me(), get_fund(me(), fund_id), data)
    return present_fund(fund)


@funds_blp.route("/intermediaries")
@roles_required(Role.ADMIN)
@funds_blp.response(200, IntermediaryOutSchema(many=True))
def list_intermediaries():
    """The mentors and contacts marked as intermediaries (youth workers always are)."""
    return present.intermediaries(services.marked_intermediaries())


@funds_blp.route("/intermediaries/<int:user_id>", methods=["PUT", "DELETE"])
@roles_required(Role.ADMIN)
@funds_blp.response(200, IntermediaryOutSchema)
def mark_intermediary(user_id):
    """Mark a mentor or contact as an intermediary (PUT), or no longer (DELETE)."""
    user = db.session.get(User, user_id) or fail(404)
    marked = http_request.method == "PUT"
    services.set_intermediary(me(), user, marked)
    return present.intermediary(user_id, marked)


@blp.route("", methods=["POST"])
@roles_required(Role.YOUTH)
@blp.arguments(RequestCreateSchema)
@blp.response(201, RequestOutSchema)
def ask(data):
    """Ask for support with a cost: no income, no documents, no BSN."""
    return detail(services.ask(me(), data))


@blp.route("")
@roles_required()
@blp.arguments(RequestQuerySchema, location="query")
@blp.response(200, page_schema(RequestOutSchema, total=True))
def list_requests(args):
    """Young people: their own requests. Intermediaries: the queue of their municipality,
    oldest first (``status=stale``: no step for 7 days). A page at a time (``next_cursor``),
    with how many there are (``total``)."""
    if me().role != Role.YOUTH:
        require_intermediary(me())
    return present_requests(queries.list_requests(me(), args), me())


@blp.route("/figures")
@roles_required()
@blp.arguments(FiguresQuerySchema, location="query")
@blp.response(200, FiguresOutSchema)
def get_figures(args):
    """Anonymous totals by fund and by category."""
    require_intermediary(me())
    return present.figures(figures.figures(scoped_municipality(args)))


@blp.route("/<int:request_id>")
@roles_required()
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, RequestOutSchema)
def get_one(args, request_id):
    support_request = get_request(me(), request_id)
    if not is_youth_of(me(), support_request):
        record(me(), "support.viewed", support_request.municipality_id,
               request_id=request_id, youth_id=support_request.youth_id)
    return present_request(support_request, me(), detail=True)


@blp.route("/<int:request_id>/steps", methods=["POST"])
@roles_required()
@blp.arguments(StepCreateSchema)
@blp.response(201, RequestOutSchema)
def add_step(data, request_id):
    """The young person's message, or an intermediary's step: message, question, applied,
    granted, refused, paid_other_way."""
    support_request = get_request(me(), request_id)
    if is_youth_of(me(), support_request):
        services.youth_message(me(), support_request, data)
    else:
        services.staff_step(me(), support_request, data)
    return detail(support_request)


@blp.cli.command("reminders")
def reminders_command():
    """Remind young people and intermediaries a month before a grant ends."""
    with committing():
        sent = jobs.send_renewal_reminders()
    click.echo(f"Reminded about {sent} grant(s) that end within a month.")


@blp.cli.command("purge")
def purge_command():
    """Delete closed requests older than FUND_REQUEST_RETENTION_MONTHS (totals are kept)."""
    with committing():
        deleted = jobs.purge_closed_requests()
    click.echo(f"Deleted {deleted} closed request(s); their anonymous totals are kept.")
