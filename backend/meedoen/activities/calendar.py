"""Calendar files: one activity, and a personal feed at a secret, revocable URL."""

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

import nh3
from flask import Response, current_app, url_for
from icalendar import Calendar, Event
from sqlalchemy import and_, select
from sqlalchemy.orm import selectinload

from meedoen.activities.models import (
    Activity,
    ActivityStatus,
    CalendarFeed,
    Signup,
    SignupStatus,
)
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.i18n import current_language, use_language
from meedoen.i18n.texts import localized

FEED_KEEPS_PAST = timedelta(days=30)
USER_ID = re.compile(r"^[0-9]{1,9}$")


def ics_response(activities: list[Activity], name: str) -> Response:
    calendar = Calendar()
    calendar.add("prodid", "-//Meedoen//activities//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    wanted = current_language()
    for activity in activities:
        calendar.add_component(_event(activity, wanted))
    return Response(calendar.to_ical(), mimetype="text/calendar",
                    headers={"Content-Disposition": 'inline; filename="meedoen.ics"'})


def _event(activity: Activity, wanted: str) -> Event:
    text = localized(activity.texts, activity.original_language, wanted)
    event = Event()
    event.add("uid", f"activity-{activity.id}@meedoen")
    event.add("dtstamp", activity.updated_at)
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.ends_at)
    event.add("summary", text["title"])
    event.add("description", nh3.clean(text["description"], tags=set()))
    event.add("location", ", ".join(filter(None, [activity.venue_name,
                                                  activity.venue_address])))
    cancelled = activity.status == ActivityStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def feed_url(user: User) -> str:
    return url_for("activities.calendar_feed", token=feed_token(user), _external=True)


def feed_token(user: User) -> str:
    """The user's feed token; its secret is made on first use (the request commits it)."""
    feed = db.session.get(CalendarFeed, user.id)
    if feed is None:
        feed = CalendarFeed(user_id=user.id, secret=secrets.token_hex(16))
        db.session.add(feed)
        db.session.flush()
    return f"{user.id}.{_signature(user.id, feed.secret)}"


def revoke_feed(user: User) -> None:
    feed = db.session.get(CalendarFeed, user.id)
    if feed is not None:
        db.session.delete(feed)
        db.session.flush()


def _signature(user_id: int, secret: str) -> str:
    """The URL holds an HMAC of the stored secret, so the database alone does not reveal it."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"calendar:{user_id}:{secret}".encode(), hashlib.sha256).hexdigest()


def feed_owner(token: str) -> User:
    user_id, _, signature = token.partition(".")
    feed = db.session.get(CalendarFeed, int(user_id)) if USER_ID.match(user_id) else None
    if feed is None or not hmac.compare_digest(signature, _signature(feed.user_id, feed.secret)):
        fail(404)
    user = db.session.get(User, feed.user_id)
    if user is None or not user.is_active:
        fail(404)
    return user


def feed_response(user: User) -> Response:
    query = (select(Activity)
             .join(Signup, and_(Signup.activity_id == Activity.id, Signup.user_id == user.id))
             .where(Signup.status == SignupStatus.CONFIRMED,
                    Activity.ends_at > utcnow() - FEED_KEEPS_PAST)
             .order_by(Activity.starts_at).options(selectinload(Activity.texts)))
    with use_language(user.ui_language):
        return ics_response(list(db.session.scalars(query)), "Meedoen")
