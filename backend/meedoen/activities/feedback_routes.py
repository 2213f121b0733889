from flask_login import current_user

from meedoen.activities import feedback
from meedoen.activities.policy import POSTERS, can_see_signups, get_visible_or_404
from meedoen.activities.schemas import (
    FeedbackDueSchema,
    FeedbackRecentSchema,
    FeedbackSchema,
    FeedbackTotalsSchema,
)
from meedoen.auth.models import Role
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.core.validation import LangQuerySchema

ORGANISERS = tuple(POSTERS)

blp = Blueprint("activity_feedback", __name__, url_prefix="/api/v1",
                description="One tap after an activity; organisers see only totals")


@blp.route("/activities/<int:activity_id>/feedback", methods=["POST"])
@roles_required(Role.YOUTH)
@blp.arguments(FeedbackSchema)
@blp.response(204)
def give_feedback(data, activity_id):
    """Liked it or not (+ an optional short line), once, after an activity you signed up for."""
    user = current_user._get_current_object()
    activity = get_visible_or_404(activity_id, user)
    feedback.give_feedback(user, activity, data)


@blp.route("/activities/<int:activity_id>/feedback")
@roles_required()
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, FeedbackTotalsSchema)
def feedback_totals(args, activity_id):
    """The totals for the organisers, once enough people answered; never who said what."""
    user = current_user._get_current_object()
    activity = get_visible_or_404(activity_id, user)
    if not can_see_signups(user, activity):
        fail(403)
    return feedback.totals(activity)


@blp.route("/feedback")
@roles_required(*ORGANISERS)
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, FeedbackRecentSchema(many=True))
def recent_feedback(args):
    """The totals for my activities of the last month (organisers; the same rule as
    GET /activities/{id}/feedback)."""
    return feedback.recent_totals(current_user._get_current_object())


@blp.route("/me/feedback-due")
@roles_required()
@blp.arguments(LangQuerySchema, location="query")
@blp.response(200, FeedbackDueSchema(many=True))
def feedback_due(args):
    """My activities of the past week that I have not rated yet."""
    return feedback.feedback_due(current_user._get_current_object())
