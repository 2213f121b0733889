from flask_login import current_user
from marshmallow import RAISE

from meedoen.activities.policy import get_signups_viewable, get_visible_or_404
from meedoen.auth.models import Role
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.core.idempotency import HEADER_DOC, run_once
from meedoen.core.validation import LangQuerySchema
from meedoen.participation import (
    checkins,
    codes,
    figures,
    policy,
    present,
    statement_pdf,
    year,
)
from meedoen.participation.schemas import (
    BirthYearSchema,
    CheckinCodeSchema,
    CheckinInSchema,
    CheckinResultSchema,
    CodeInSchema,
    DoorListItemSchema,
    FollowUpItemSchema,
    MyYearSchema,
    ParticipationFiguresQuerySchema,
    ParticipationFiguresSchema,
    StatementCheckSchema,
    StatementSchema,
    TurnoutItemSchema,
    YearQuerySchema,
)

blp = Blueprint("participation", __name__, url_prefix="/api/v1",
                description="Check-in, my year, participation statements and figures")

ORGANISERS = (Role.MENTOR, Role.YOUTH_WORKER, Role.CONTACT, Role.ADMIN)


def _me():
    return current_user._get_current_object()


@blp.route("/activities/<int:activity_id>/checkins", methods=["POST"])
@roles_required()
@blp.arguments(CheckinInSchema)
@blp.response(200, CheckinResultSchema)
@blp.doc(**HEADER_DOC)
def check_in(data, activity_id):
    """A young person checks in with the activity's code (a walk-in takes a free place), or
    the organiser marks a signed-up person as here. Twice changes nothing."""
    user = _me()
    if "code" in data:
        if user.role != Role.YOUTH:
            fail(403)
        activity = get_visible_or_404(activity_id, user)
        return run_once(user, lambda: _answer(checkins.by_code(user, activity, data["code"])))
    if user.role == Role.YOUTH:
        fail(403)
    activity = get_signups_viewable(activity_id, user)

    return run_once(user, lambda: _answer(
        checkins.by_organiser(user, activity, data["user_id"], data["helped"])))


def _answer(result) -> tuple[dict, int]:
    return present.checkin(*result), 200


@blp.route("/checkins", methods=["POST"])
@roles_required(Role.YOUTH)
@blp.arguments(CodeInSchema)
@blp.response(200, CheckinResultSchema)
@blp.doc(**HEADER_DOC)
def check_in_with_code(data):
    """A young person checks in with a code alone (scanned or typed): the QR names its
    activity, a short code is looked up among the activities open for check-in now."""
    user = _me()
    activity = codes.activity_of(user, data["code"])
    return run_once(user, lambda: _answer(checkins.by_code(user, activity, data["code"])))


@blp.route("/activities/<int:activity_id>/checkins")
@roles_required(*ORGANISERS)
@blp.response(200, DoorListItemSchema(many=True))
def door_list(activity_id):
    """Everyone going and every walk-in, with whether they are here (the organiser's list)."""
    return present.door_list(checkins.door_list(get_signups_viewable(activity_id, _me())))


@blp.route("/activities/<int:activity_id>/checkin-code")
@roles_required(*ORGANISERS)
@blp.response(200, CheckinCodeSchema)
def checkin_code(activity_id):
    """The QR text and short code young people check in with; valid until the end."""
    return present.checkin_code(get_signups_viewable(activity_id, _me()))


@blp.route("/activities/<int:activity_id>/turnout")
@roles_required(*ORGANISERS)
@blp.response(200, TurnoutItemSchema(many=True))
def turnout(activity_id):
    """Signed up, here and walk-ins for every occurrence of the activity's series."""
    return present.turnout(checkins.turnout(get_signups_viewable(activity_id, _me())))


@blp.route("/me/year")
@roles_required(Role.YOUTH)
@blp.arguments(YearQuerySchema, location="query", unknown=RAISE)
@blp.response(200, MyYearSchema)
def my_year(args):
    """What I took part in this year (or ?year=), by category and month."""
    return present.my_year(_me(), args.get("year") or year.this_year())


@blp.route("/me/birth-year", methods=["PUT"])
@roles_required(Role.YOUTH)
@blp.arguments(BirthYearSchema)
@blp.response(200, BirthYearSchema)
def put_birth_year(data):
    """My year of birth (optional), only for the figures by age band; null removes it."""
    year.set_birth_year(_me(), data["birth_year"])
    return present.birth_year(_me())


@blp.route("/me/year/statement")
@roles_required(Role.YOUTH)
@blp.arguments(YearQuerySchema, location="query", unknown=RAISE)
@blp.response(200, StatementSchema)
def my_statement(args):
    """A signed participation statement with a check link for a job coach or school."""
    return present.statement(_me(), args.get("year") or year.this_year())


@blp.route("/me/year/statement.pdf")
@roles_required(Role.YOUTH)
@blp.arguments(YearQuerySchema, location="query", unknown=RAISE)
@blp.response(200, content_type="application/pdf")
@blp.alt_response(503, description="The server lacks the PDF fonts (fonts-noto-core)")
def my_statement_pdf(args):
    """The statement as a one-page PDF: Dutch and my own language, with the check link."""
    return statement_pdf.statement_pdf(_me(), args.get("year") or year.this_year())


@blp.route("/statements/<token>")
@blp.arguments(LangQuerySchema, location="query", unknown=RAISE)
@blp.response(200, StatementCheckSchema)
def check_statement(args, token):
    """Public: whether a statement is real, and only what it says."""
    return present.checked(token)


@blp.route("/figures/participation")
@roles_required(*policy.FIGURES_ROLES)
@blp.arguments(ParticipationFiguresQuerySchema, location="query", unknown=RAISE)
@blp.response(200, ParticipationFiguresSchema)
def participation_figures(args):
    """Who took part at least once in the month, by house, language and category; groups
    under five merged into "other"."""
    return _figures(args)


def _figures(args) -> dict:
    municipality = policy.figures_municipality(_me(), args.get("municipality_id"))
    month = args.get("month") or figures.this_month()
    return present.figures(figures.figures(municipality, month))


@blp.route("/figures/participation/csv")
@roles_required(*policy.FIGURES_ROLES)
@blp.arguments(ParticipationFiguresQuerySchema, location="query", unknown=RAISE)
@blp.response(200, content_type="text/csv")
def participation_csv(args):
    """The same figures as CSV (one row per group)."""
    return present.figures_csv(_figures(args))


@blp.route("/figures/participation/follow-up")
@roles_required(*policy.FOLLOW_UP_ROLES)
@blp.response(200, FollowUpItemSchema(many=True))
def follow_up():
    """New youth (joined 30 to 90 days ago) who did not take part in their first 30 days:
    a mentor sees those of their houses, a youth worker those of the municipality."""
    user = _me()
    rows = figures.follow_up(user, policy.follow_up_locations(user))
    return present.follow_up(rows, user.municipality)
