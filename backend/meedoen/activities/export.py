"""What activities hold about a user, for their data export.

Feedback on activities is stored without the person, so the export can only say which
activities they gave feedback on, not what they said.
"""

from sqlalchemy import select

from meedoen.activities.models import (
    Activity,
    ActivityReminder,
    ActivityText,
    CalendarFeed,
    FeedbackGiven,
    Signup,
)
from meedoen.activities.signups import give_up_places_of
from meedoen.core import fields
from meedoen.core.idempotency import IdempotencyKey
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.privacy import PersonalData, iso, moment


class SignupExportSchema(Schema):
    activity_id = fields.Integer()
    status = fields.String()
    signed_up_at = moment(allow_none=True)
    queued_at = moment(allow_none=True)
    changed_at = moment(allow_none=True)


class ActivitiesExportSchema(Schema):
    signups = fields.List(fields.Nested(SignupExportSchema))
    activities_posted = fields.List(fields.Integer())
    calendar_feed = fields.Boolean()
    calendar_feed_since = moment(allow_none=True)


class TranslationWrittenExportSchema(Schema):
    activity_id = fields.Integer()
    language = fields.String()
    title = fields.String()


class StoredAnswerExportSchema(Schema):
    key = fields.String()
    at = moment(allow_none=True)
    status = fields.Integer(allow_none=True)  # None while the first request still runs
    answer = fields.Raw(allow_none=True)  # the JSON answer as it was sent


class ReminderExportSchema(Schema):
    activity_id = fields.Integer()
    at = moment(allow_none=True)


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("activities",
                   covers=[Signup.user_id, Activity.created_by_id, CalendarFeed.user_id],
                   schema=ActivitiesExportSchema)
def export_activities(user) -> dict:
    signups = db.session.scalars(select(Signup).where(Signup.user_id == user.id)
                                 .order_by(Signup.created_at))
    posted = db.session.scalars(select(Activity.id).where(Activity.created_by_id == user.id)
                                .order_by(Activity.id))
    feed = db.session.get(CalendarFeed, user.id)
    return {
        # queued_at: my place on a waiting list is counted from this moment.
        "signups": [{"activity_id": s.activity_id, "status": s.status.value,
                     "signed_up_at": iso(s.created_at), "queued_at": iso(s.queued_at),
                     "changed_at": iso(s.updated_at)} for s in signups],
        "activities_posted": list(posted),
        # The feed's secret is left out: the export file may end up elsewhere.
        "calendar_feed": feed is not None,
        "calendar_feed_since": iso(feed.created_at) if feed else None,
    }


@personal.exporter("activity_translations_written", covers=[ActivityText.translated_by_id],
                   schema=fields.List(fields.Nested(TranslationWrittenExportSchema)))
def export_translations(user) -> list[dict]:
    rows = db.session.scalars(select(ActivityText).where(ActivityText.translated_by_id == user.id)
                              .order_by(ActivityText.activity_id, ActivityText.language))
    return [{"activity_id": t.activity_id, "language": t.language, "title": t.title}
            for t in rows]


@personal.exporter("stored_answers", covers=[IdempotencyKey.user_id],
                   schema=fields.List(fields.Nested(StoredAnswerExportSchema)))
def export_stored_answers(user) -> list[dict]:
    """Answers kept for a day so that a request the app sends again has its effect once."""
    rows = db.session.scalars(select(IdempotencyKey).where(IdempotencyKey.user_id == user.id)
                              .order_by(IdempotencyKey.id))
    return [{"key": k.key, "at": iso(k.created_at), "status": k.status_code,
             "answer": k.response} for k in rows]


@personal.exporter("activity_feedback_given", covers=[FeedbackGiven.user_id],
                   schema=fields.List(fields.Integer()))
def export_feedback_given(user) -> list[int]:
    return list(db.session.scalars(select(FeedbackGiven.activity_id)
                                   .where(FeedbackGiven.user_id == user.id)
                                   .order_by(FeedbackGiven.activity_id)))


@personal.exporter("activity_reminders", covers=[ActivityReminder.user_id],
                   schema=fields.List(fields.Nested(ReminderExportSchema)))
def export_reminders(user) -> list[dict]:
    rows = db.session.scalars(select(ActivityReminder).where(ActivityReminder.user_id == user.id)
                              .order_by(ActivityReminder.activity_id))
    return [{"activity_id": r.activity_id, "at": iso(r.created_at)} for r in rows]


# An erased account's places in coming activities go to the waiting list first.
personal.eraser("activities.places")(give_up_places_of)
