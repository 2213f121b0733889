"""One tap after an activity: did you like it? Organisers see totals, never who said what.

What was said (ActivityFeedback) and who has answered (FeedbackGiven) are stored apart,
with no user, no time and a random key on the answer. Totals and comments are shown only
once enough people answered (FEEDBACK_MIN_RESPONSES), so that a lone answer cannot be
traced to the one person who went. Comments come back sorted, not in the order given.
"""

from collections import defaultdict
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import exists, func, select

from meedoen.activities.models import (
    Activity,
    ActivityFeedback,
    ActivityStatus,
    FeedbackGiven,
    Signup,
    SignupStatus,
)
from meedoen.activities.policy import can_see_signups, visible
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore
from meedoen.extensions import db
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized

FEEDBACK_WINDOW = timedelta(days=7)
RECENT = timedelta(days=30)
RECENT_SHOWN = 50


def min_responses() -> int:
    return current_app.config["FEEDBACK_MIN_RESPONSES"]


def went(user: User, activity: Activity) -> bool:
    return bool(db.session.scalar(select(func.count()).where(
        Signup.activity_id == activity.id, Signup.user_id == user.id,
        Signup.status == SignupStatus.CONFIRMED)))


def check_feedback_open(user: User, activity: Activity) -> None:
    if not went(user, activity):
        fail(403, "not_signed_up", _("You can only give feedback on activities you signed up "
                                     "for."))
    if activity.status != ActivityStatus.PUBLISHED:
        fail(409, "activity_cancelled", _("This activity did not take place."))
    now = utcnow()
    if now < activity.ends_at:
        fail(409, "feedback_too_early", _("You can give feedback after the activity."))
    if now > activity.ends_at + FEEDBACK_WINDOW:
        fail(409, "feedback_closed", _("Feedback on this activity is closed."))


def give_feedback(user: User, activity: Activity, data: dict) -> None:
    check_feedback_open(user, activity)
    if not insert_ignore(FeedbackGiven, activity_id=activity.id, user_id=user.id):
        fail(409, "feedback_given", _("You have already given feedback on this activity."))
    db.session.add(ActivityFeedback(activity_id=activity.id, liked=data["liked"],
                                    comment=data.get("comment") or None))


def _totals(activity_id: int, rows: list) -> dict:
    minimum = min_responses()
    result = {"activity_id": activity_id, "responses": len(rows), "minimum": minimum,
              "shown": len(rows) >= minimum, "liked": None, "not_liked": None,
              "comments": None}
    if result["shown"]:
        liked = sum(1 for row in rows if row.liked)
        result.update(liked=liked, not_liked=len(rows) - liked,
                      comments=sorted((r.comment for r in rows if r.comment), key=str.casefold))
    return result


def totals(activity: Activity) -> dict:
    rows = db.session.execute(select(ActivityFeedback.liked, ActivityFeedback.comment)
                              .where(ActivityFeedback.activity_id == activity.id)).all()
    return _totals(activity.id, rows)


def recent_totals(user: User) -> list[dict]:
    """The organiser's activities that ended in the last month, newest first."""
    now = utcnow()
    ended = db.session.scalars(
        select(Activity).where(visible(user), Activity.status == ActivityStatus.PUBLISHED,
                               Activity.ends_at <= now, Activity.ends_at > now - RECENT)
        .order_by(Activity.ends_at.desc()).limit(200))
    activities = [a for a in ended if can_see_signups(user, a)][:RECENT_SHOWN]
    rows = defaultdict(list)
    for row in db.session.execute(
            select(ActivityFeedback.activity_id, ActivityFeedback.liked, ActivityFeedback.comment)
            .where(ActivityFeedback.activity_id.in_([a.id for a in activities]))):
        rows[row.activity_id].append(row)
    wanted = current_language()
    return [{**_totals(a.id, rows[a.id]), "starts_at": a.starts_at, "ends_at": a.ends_at,
             "text": localized(a.texts, a.original_language, wanted)} for a in activities]


def feedback_due(user: User) -> list[dict]:
    """Activities this person went to that ended in the last week, not yet rated."""
    now = utcnow()
    given = exists().where(FeedbackGiven.activity_id == Activity.id,
                           FeedbackGiven.user_id == user.id)
    activities = db.session.scalars(
        select(Activity).join(Signup, Signup.activity_id == Activity.id)
        .where(Signup.user_id == user.id, Signup.status == SignupStatus.CONFIRMED,
               Activity.status == ActivityStatus.PUBLISHED, Activity.ends_at <= now,
               Activity.ends_at > now - FEEDBACK_WINDOW, ~given)
        .order_by(Activity.ends_at.desc())
    ).all()
    wanted = current_language()
    return [{"activity_id": a.id, "starts_at": a.starts_at, "ends_at": a.ends_at,
             "text": localized(a.texts, a.original_language, wanted)} for a in activities]
