"""The check-in code of one occurrence: a QR text and a short code to type, both signed with
the app's SECRET_KEY (HMAC-SHA256) and bound to the occurrence's end, so that a code cannot
be guessed, made for another activity, or used after the activity is over."""

import base64
import hashlib
import hmac
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from meedoen.activities.models import Activity, ActivityStatus
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db

QR_PREFIX = "meedoen:checkin"
SHORT_LENGTH = 6
# Youth may check in from a little before the start until the end; organisers may still
# tap "here" for a while after the end (the list is often done afterwards).
OPENS_BEFORE = timedelta(minutes=30)
ORGANISER_GRACE = timedelta(hours=12)


def _sign(purpose: str, activity_id: int, expires: int) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"{purpose}:{activity_id}:{expires}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode().rstrip("=")


def _expires(activity: Activity) -> int:
    return int(activity.ends_at.timestamp())


def qr_text(activity: Activity) -> str:
    expires = _expires(activity)
    return f"{QR_PREFIX}:{activity.id}:{expires}:{_sign('qr', activity.id, expires)[:26]}"


def short_code(activity: Activity) -> str:
    return _sign("short", activity.id, _expires(activity))[:SHORT_LENGTH]


def verify(activity: Activity, typed: str) -> None:
    """Refuse (422) a code that is not this occurrence's; refuse (409) outside its window."""
    text = typed.strip()
    if text.startswith(QR_PREFIX + ":"):
        _verify_qr(activity, text)
    elif not hmac.compare_digest(text.upper().encode(), short_code(activity).encode()):
        _refuse_invalid()
    require_window(activity, organiser=False)


def _verify_qr(activity: Activity, text: str) -> None:
    parts = text[len(QR_PREFIX) + 1:].split(":")
    if len(parts) != 3 or not all(p.isascii() and p.isalnum() for p in parts):
        _refuse_invalid()
    activity_id, expires, signature = parts
    if not (activity_id.isdigit() and expires.isdigit()
            and hmac.compare_digest(signature.encode(),
                                    _sign("qr", int(activity_id), int(expires))[:26].encode())):
        _refuse_invalid()
    if int(activity_id) != activity.id:
        fail(422, "other_activity", _("This code belongs to another activity."))
    if int(expires) != _expires(activity) or int(expires) < utcnow().timestamp():
        _refuse_over()


def activity_of(user, typed: str) -> Activity:
    """The occurrence a code belongs to: the QR text names it; a short code is matched
    against the occurrences of the user's municipality that are open for check-in now."""
    text = typed.strip()
    if text.startswith(QR_PREFIX + ":"):
        activity_id = text[len(QR_PREFIX) + 1:].split(":")[0]
        found = db.session.get(Activity, int(activity_id)) if activity_id.isdigit() else None
        if found is not None and found.municipality_id == user.municipality_id:
            return found
        _refuse_invalid()
    now = utcnow()
    running = db.session.scalars(select(Activity).where(
        Activity.municipality_id == user.municipality_id,
        Activity.status == ActivityStatus.PUBLISHED,
        Activity.starts_at <= now + OPENS_BEFORE, Activity.ends_at >= now))
    for activity in running:
        if hmac.compare_digest(text.upper().encode(), short_code(activity).encode()):
            return activity
    _refuse_invalid()


def _refuse_invalid() -> None:
    fail(422, "invalid_code", _("This code is not right. Check it, or ask the organiser."))


def _refuse_over() -> None:
    fail(409, "checkin_closed", _("This activity is over: you can no longer check in."))


def require_window(activity: Activity, organiser: bool) -> None:
    now = utcnow()
    if now < activity.starts_at - OPENS_BEFORE:
        fail(409, "checkin_not_open", _("Check-in opens 30 minutes before the start."))
    if now > activity.ends_at + (ORGANISER_GRACE if organiser else timedelta(0)):
        _refuse_over()
