"""Posting and managing activities: create (once or as a series), change, cancel."""

from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import WEEKLY, rrule
from flask_babel import gettext as _
from sqlalchemy import select, update

from meedoen.activities import signups
from meedoen.activities.models import (
    AMSTERDAM,
    Activity,
    ActivitySeries,
    ActivityStatus,
    ActivityText,
)
from meedoen.activities.notices import ACTIVITY_CANCELLED, ACTIVITY_CHANGED
from meedoen.activities.policy import can_manage, placement
from meedoen.activities.texts import FIELDS, clean_description
from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n.texts import HUMAN, fields_of, snapshot, stamp_after_edit
from meedoen.translation.service import machine_suggestion
from meedoen.translation.subjects import request_translation

MAX_OCCURRENCES = 60
MAX_DURATION = timedelta(days=14)
PLAIN_FIELDS = ("category", "venue_name", "venue_address", "latitude", "longitude",
                "cost_cents", "support_note", "transport", "beginner_friendly", "min_age",
                "max_age", "organiser", "contact_name", "contact_phone", "original_language")
PLACE_FIELDS = ("venue_name", "venue_address", "latitude", "longitude")


def create_activities(user: User, data: dict) -> list[Activity]:
    municipality_id, location_id = placement(user, data["municipality_id"], data["location_id"])
    _check_times(data["starts_at"], data["ends_at"])
    _check_ages(data["min_age"], data["max_age"])
    duration = data["ends_at"] - data["starts_at"]
    series = _new_series(municipality_id, data["repeat"]) if data["repeat"] else None
    starts = (occurrence_starts(data["starts_at"], **data["repeat"]) if series
              else [data["starts_at"]])
    activities = []
    for start in starts:
        activity = Activity(municipality_id=municipality_id, location_id=location_id,
                            series_id=series.id if series else None, created_by_id=user.id,
                            status=data["status"], starts_at=start, ends_at=start + duration,
                            capacity=data["capacity"],
                            **{name: data[name] for name in PLAIN_FIELDS})
        activity.languages = data["languages"]
        set_texts(activity, data["texts"], user)
        activities.append(activity)
    db.session.add_all(activities)
    db.session.flush()
    for activity in activities:
        request_translation("activity", activity.id)
    record(user, "activity.create", municipality_id, activity_ids=[a.id for a in activities])
    return activities


def occurrence_starts(first: datetime, every_weeks: int, until: date) -> list[datetime]:
    """Weekly dates at the same Amsterdam wall-clock time (also across summer time)."""
    local_first = first.astimezone(AMSTERDAM).replace(tzinfo=None)
    rule = rrule(WEEKLY, interval=every_weeks, dtstart=local_first,
                 until=datetime.combine(until, time.max))
    starts = []
    for local in rule:
        if len(starts) == MAX_OCCURRENCES:
            fail(422, fields={"repeat": {"until": [
                _("A series can have at most %(count)s dates.", count=MAX_OCCURRENCES)]}})
        starts.append(local.replace(tzinfo=AMSTERDAM).astimezone(UTC))
    if not starts:
        fail(422, fields={"repeat": {"until": [_("This must be after the first date.")]}})
    return starts


def _new_series(municipality_id: int, repeat: dict) -> ActivitySeries:
    series = ActivitySeries(municipality_id=municipality_id, **repeat)
    db.session.add(series)
    db.session.flush()
    return series


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    now = utcnow()
    if not now - timedelta(days=366) < starts_at < now + timedelta(days=3 * 366):
        fail(422, fields={"starts_at": [_("Choose a date within the coming three years.")]})
    if not starts_at < ends_at <= starts_at + MAX_DURATION:
        fail(422, fields={"ends_at": [_("The end must be after the start, "
                                        "and at most two weeks later.")]})


def _check_ages(min_age: int | None, max_age: int | None) -> None:
    if min_age is not None and max_age is not None and min_age > max_age:
        fail(422, fields={"max_age": [_("The highest age cannot be lower than the lowest.")]})


def set_texts(activity: Activity, texts: dict, user: User) -> None:
    """Staff's texts: what they changed is theirs (``human``), what they sent back unchanged
    keeps its status, and the machine fills the rest soon after (activities/translation.py)."""
    existing = {text.language: text for text in activity.texts}
    before = snapshot(existing, FIELDS)
    for language, given in texts.items():
        # PATCH loads partially (also the nested texts): a new language needs its title.
        text = existing.get(language) or ActivityText(language=language, description="")
        if "title" not in given and language not in existing:
            fail(422, fields={"texts": {language: {"title": [_("This field is required.")]}}})
        text.title = given.get("title", text.title)
        text.description = clean_description(given.get("description", text.description))
        if language not in existing:
            activity.texts.append(text)
            existing[language] = text
    if activity.original_language in existing:
        stamp_after_edit(existing, activity.original_language, FIELDS, before,
                         suggestion=machine_suggestion("activity"))
    for language, text in existing.items():
        if before.get(language) != fields_of(text, FIELDS) and text.origin == HUMAN:
            text.translated_by_id = user.id


def update_activities(user: User, activity: Activity, data: dict) -> list[Activity]:
    """Change one occurrence, or it and the following ones of its series."""
    if data.get("municipality_id") not in (None, activity.municipality_id):
        fail(422, fields={"municipality_id": [_("An activity cannot move to another "
                                                "municipality.")]})
    targets = [activity]
    if data.get("apply_to") == "series" and activity.series_id is not None:
        targets = _following_occurrences(user, activity)
    changes = [(target, _times_for(target, activity, data)) for target in targets]
    for target, target_data in changes:
        _update_one(user, target, target_data)
    db.session.flush()
    if "texts" in data or "original_language" in data:
        for target in targets:
            request_translation("activity", target.id)
    record(user, "activity.update", activity.municipality_id,
           activity_ids=[a.id for a in targets], fields=sorted(set(data) - {"texts"}))
    return targets


def _times_for(target: Activity, edited: Activity, data: dict) -> dict:
    """A new time given for one date of a series, carried over to ``target``: the same
    local start time (in Amsterdam, so 19:00 stays 19:00 across summer time), the same
    length and the same shift of days, on the target's own date."""
    if target is edited or ("starts_at" not in data and "ends_at" not in data):
        return data
    starts_at = data.get("starts_at", edited.starts_at)
    length = data.get("ends_at", edited.ends_at) - starts_at
    old_local, new_local = (edited.starts_at.astimezone(AMSTERDAM),
                            starts_at.astimezone(AMSTERDAM))
    day = target.starts_at.astimezone(AMSTERDAM).date() + (new_local.date() - old_local.date())
    start = datetime.combine(day, new_local.time(), tzinfo=AMSTERDAM).astimezone(UTC)
    return {**data, "starts_at": start, "ends_at": start + length}


def _following_occurrences(user: User, activity: Activity) -> list[Activity]:
    query = (select(Activity)
             .where(Activity.series_id == activity.series_id,
                    Activity.starts_at >= activity.starts_at)
             .order_by(Activity.starts_at))
    return [a for a in db.session.scalars(query) if can_manage(user, a)]


def _update_one(user: User, activity: Activity, data: dict) -> None:
    before = {name: getattr(activity, name) for name in (*PLACE_FIELDS, "starts_at", "ends_at")}
    if "location_id" in data:
        activity.location_id = placement(user, activity.municipality_id, data["location_id"])[1]
    _update_times(activity, data)
    for name in PLAIN_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    _check_ages(activity.min_age, activity.max_age)
    if "languages" in data:
        activity.languages = data["languages"]
    if data.get("texts"):
        set_texts(activity, data["texts"], user)
    if activity.original_language not in {text.language for text in activity.texts}:
        fail(422, fields={"original_language": [_("Give the title in the original "
                                                  "language.")]})
    if "capacity" in data:
        change_capacity(activity, data["capacity"])
    if "status" in data:
        _change_status(activity, data["status"])
    _tell_about_changes(activity, before)


def _update_times(activity: Activity, data: dict) -> None:
    if "starts_at" not in data and "ends_at" not in data:
        return
    starts_at = data.get("starts_at", activity.starts_at)
    ends_at = data.get("ends_at", activity.ends_at)
    _check_times(starts_at, ends_at)
    activity.starts_at, activity.ends_at = starts_at, ends_at


def change_capacity(activity: Activity, capacity: int | None) -> None:
    """Never below the places already taken: a conditional UPDATE, like a sign-up."""
    query = update(Activity).where(Activity.id == activity.id).values(capacity=capacity)
    if capacity is not None:
        query = query.where(Activity.taken <= capacity)
    if db.session.execute(query.execution_options(synchronize_session=False)).rowcount != 1:
        fail(422, fields={"capacity": [_("More people have already signed up than this.")]})
    db.session.refresh(activity)
    signups.fill_free_places(activity)


def _change_status(activity: Activity, status: ActivityStatus) -> None:
    old = activity.status
    if status == old:
        return
    if status == ActivityStatus.DRAFT and signups.active_user_ids(activity):
        fail(422, fields={"status": [_("People have signed up: cancel the activity "
                                       "instead.")]})
    activity.status = status
    if status == ActivityStatus.CANCELLED:
        notify(ACTIVITY_CANCELLED, signups.active_user_ids(activity), activity_id=activity.id)


def _tell_about_changes(activity: Activity, before: dict) -> None:
    changes = []
    if (before["starts_at"], before["ends_at"]) != (activity.starts_at, activity.ends_at):
        changes.append("time")
    if any(before[name] != getattr(activity, name) for name in PLACE_FIELDS):
        changes.append("place")
    if changes and activity.status != ActivityStatus.CANCELLED:
        notify(ACTIVITY_CHANGED, signups.active_user_ids(activity), activity_id=activity.id,
               changes=changes)
