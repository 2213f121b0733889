from flask import Response, request
from flask_login import current_user
from marshmallow import RAISE

from meedoen.activities import calendar, present, queries, services, signups
from meedoen.activities.policy import (
    POSTERS,
    get_managed,
    get_signups_viewable,
    get_visible_or_404,
)
from meedoen.activities.schemas import (
    ActivityDetailSchema,
    ActivityInSchema,
    ActivityPageSchema,
    ActivityPatchSchema,
    ActivityQuerySchema,
    CalendarFeedSchema,
    CreatedSchema,
    MyActivitySchema,
    SignupListItemSchema,
    SignupResultSchema,
)
from meedoen.auth.models import Role
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.core.idempotency import HEADER_DOC, run_once
from meedoen.core.validation import LangQuerySchema

blp = Blueprint("activities", __name__, url_prefix="/api/v1",
                description="Activities: find, post, manage, sign up")

@blp.after_request
def conditional_get(response):
    """ETag on every successful GET; If-None-Match with the same ETag gets 304."""
    if request.method == "GET" and response.status_code == 200:
        response.add_etag()
        response.make_conditional(request)
    return response


def _me():
    return current_user._get_current_object()


@blp.route("/activities")
@roles_required()
@blp.arguments(ActivityQuerySchema(), location="query", unknown=RAISE)
@blp.response(200, ActivityPageSchema)
def list_activities(args):
    """Upcoming activities in my municipality, filtered, sorted by time, a page at a time
    (``?limit=&cursor=``; staff: also drafts, ``?status=``)."""
    return present.page(*queries.find(_me(), args))  # dumped by present, item by item


@blp.route("/activities", methods=["POST"])
@roles_required(*POSTERS)
@blp.arguments(ActivityInSchema)
@blp.response(201, CreatedSchema)
def post_activity(data):
    """Post an activity, or a weekly / every-other-week series of dated occurrences."""
    user = _me()
    return present.created(services.create_activities(user, data), user)


@blp.route("/activities/<int:activity_id>")
@roles_required()
@blp.arguments(LangQuerySchema, location="query", unknown=RAISE)
@blp.response(200, ActivityDetailSchema)
def get_activity(args, activity_id):
    user = _me()
    return present.detail(get_visible_or_404(activity_id, user), user)


@blp.route("/activities/<int:activity_id>", methods=["PATCH"])
@roles_required(*POSTERS)
@blp.arguments(ActivityPatchSchema(exclude=("repeat",), partial=True))
@blp.response(200, CreatedSchema)
def patch_activity(data, activity_id):
    """Change or cancel one occurrence (or, with apply_to=series, it and the following)."""
    user = _me()
    activity = get_managed(activity_id, user)
    return present.created(services.update_activities(user, activity, data), user)


def _run_signup_change(activity_id: int, change) -> Response:
    """``change(user, activity)`` once per Idempotency-Key; answers the sign-up's state."""
    user = _me()
    activity = get_visible_or_404(activity_id, user)

    def effect() -> tuple[dict, int]:
        return present.signup_result(change(user, activity)), 200

    return run_once(user, effect)


@blp.route("/activities/<int:activity_id>/signup", methods=["POST"])
@roles_required(Role.YOUTH)
@blp.response(200, SignupResultSchema)
@blp.doc(**HEADER_DOC)
def sign_up(activity_id):
    """Sign up: confirmed while places are left, else on the waiting list."""
    return _run_signup_change(activity_id, signups.sign_up)


@blp.route("/activities/<int:activity_id>/signup", methods=["DELETE"])
@roles_required(Role.YOUTH)
@blp.response(200, SignupResultSchema)
@blp.doc(**HEADER_DOC)
def cancel_signup(activity_id):
    """Cancel my sign-up; a freed place goes to the first on the waiting list."""
    return _run_signup_change(activity_id, signups.cancel)


@blp.route("/activities/<int:activity_id>/signups")
@roles_required(Role.MENTOR, Role.YOUTH_WORKER, Role.CONTACT, Role.ADMIN)
@blp.response(200, SignupListItemSchema(many=True))
def list_signups(activity_id):
    """Who is going and who is waiting (display names), for the organiser."""
    return present.signup_list(get_signups_viewable(activity_id, _me()))


@blp.route("/activities/<int:activity_id>/ics")
@roles_required()
@blp.response(200, content_type="text/calendar")
def activity_ics(activity_id):
    activity = get_visible_or_404(activity_id, _me())
    return calendar.ics_response([activity], "Meedoen")


@blp.route("/me/activities")
@roles_required()
@blp.arguments(LangQuerySchema, location="query", unknown=RAISE)
@blp.response(200, MyActivitySchema(many=True))
def my_activities(args):
    """My sign-ups (going or on the waiting list) that have not ended."""
    return present.my_activities(_me())


@blp.route("/me/calendar-feed")
@roles_required()
@blp.response(200, CalendarFeedSchema)
def get_calendar_feed():
    """The secret URL of my calendar feed (made on first use); phones can subscribe to it."""
    return present.calendar_feed(calendar.feed_url(_me()))


@blp.route("/me/calendar-feed", methods=["DELETE"])
@roles_required()
@blp.response(204)
def revoke_calendar_feed():
    """Revoke my feed URL; the next GET makes a new one."""
    calendar.revoke_feed(_me())


@blp.route("/calendar/<token>.ics")
@blp.response(200, content_type="text/calendar")
def calendar_feed(token):
    """Public by its secret token (calendar apps cannot log in)."""
    return calendar.feed_response(calendar.feed_owner(token))
