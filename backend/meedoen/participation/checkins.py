"""Checking in: the organiser taps "here", or the young person uses the activity's code.

A second check-in of the same person changes nothing (one row per person and occurrence,
inserted with ON CONFLICT DO NOTHING). A walk-in takes a free place through the same
conditional UPDATE as a sign-up, so a full activity is never overbooked at the door.
"""

from flask_babel import gettext as _
from sqlalchemy import func, select, update

from meedoen.activities import signups
from meedoen.activities.models import Activity, ActivityStatus, Signup, SignupStatus
from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore
from meedoen.extensions import db
from meedoen.participation import codes
from meedoen.participation.models import Checkin, CheckinMethod


def by_code(youth: User, activity: Activity, code: str) -> tuple[Checkin, bool]:
    """(the check-in, whether this call made it)."""
    _require_published(activity)
    codes.verify(activity, code)
    existing = _checkin_of(youth.id, activity.id)
    if existing is not None:
        return existing, False
    walk_in = _signup_status(youth.id, activity.id) != SignupStatus.CONFIRMED
    if walk_in:
        _take_walk_in_place(youth, activity)
    return _record(activity, youth.id, CheckinMethod.CODE, walk_in=walk_in,
                   by=youth, helped=False)


def by_organiser(organiser: User, activity: Activity, youth_id: int,
                 helped: bool) -> tuple[Checkin, bool]:
    _require_published(activity)
    codes.require_window(activity, organiser=True)
    if _signup_status(youth_id, activity.id) != SignupStatus.CONFIRMED:
        fail(404, "not_signed_up", _("This person is not signed up for this activity."))
    result = _record(activity, youth_id, CheckinMethod.ORGANISER, walk_in=False,
                     by=organiser, helped=helped)
    record(organiser, "participation.checkin", activity.municipality_id,
           activity_id=activity.id, youth_id=youth_id, helped=helped)
    return result


def _require_published(activity: Activity) -> None:
    if activity.status != ActivityStatus.PUBLISHED:
        fail(409, "activity_closed", _("This activity is cancelled or not published."))


def _signup_status(user_id: int, activity_id: int) -> SignupStatus | None:
    return db.session.scalar(select(Signup.status).where(Signup.activity_id == activity_id,
                                                         Signup.user_id == user_id))


def _take_walk_in_place(youth: User, activity: Activity) -> None:
    if signups.sign_up(youth, activity).status != SignupStatus.CONFIRMED:
        fail(409, "activity_full", _("This activity is full. Ask the organiser."))


def _record(activity: Activity, user_id: int, method: CheckinMethod, walk_in: bool,
            by: User, helped: bool) -> tuple[Checkin, bool]:
    created = insert_ignore(Checkin, activity_id=activity.id, user_id=user_id,
                            method=method.value, walk_in=walk_in, helped=helped,
                            checked_in_by_id=by.id, created_at=utcnow())
    if helped and not created:
        db.session.execute(update(Checkin).where(Checkin.activity_id == activity.id,
                                                 Checkin.user_id == user_id)
                           .values(helped=True).execution_options(synchronize_session=False))
    return _checkin_of(user_id, activity.id), created


def _checkin_of(user_id: int, activity_id: int) -> Checkin | None:
    return db.session.execute(
        select(Checkin).where(Checkin.activity_id == activity_id, Checkin.user_id == user_id)
        .execution_options(populate_existing=True)).scalar_one_or_none()


def door_list(activity: Activity) -> list:
    """Everyone going (confirmed) and every walk-in, with their check-in if they are here."""
    return db.session.execute(
        select(User.id, User.display_name, Signup.status, Checkin)
        .select_from(User)
        .outerjoin(Signup, (Signup.user_id == User.id) & (Signup.activity_id == activity.id))
        .outerjoin(Checkin, (Checkin.user_id == User.id) & (Checkin.activity_id == activity.id))
        .where((Signup.status == SignupStatus.CONFIRMED) | Checkin.id.is_not(None))
        .order_by(func.lower(User.display_name), User.id)).all()


def turnout(activity: Activity) -> list:
    """Per occurrence of the activity's series (or just this one): going, here, walk-ins."""
    same = (Activity.series_id == activity.series_id if activity.series_id is not None
            else Activity.id == activity.id)
    going = (select(func.count()).select_from(Signup)
             .where(Signup.activity_id == Activity.id, Signup.status == SignupStatus.CONFIRMED)
             .scalar_subquery())
    here = select(func.count()).select_from(Checkin).where(Checkin.activity_id == Activity.id)
    walk_ins = here.where(Checkin.walk_in.is_(True)).scalar_subquery()
    return db.session.execute(
        select(Activity.id, Activity.starts_at, Activity.status, going.label("going"),
               here.scalar_subquery().label("here"), walk_ins.label("walk_ins"))
        .where(same, Activity.municipality_id == activity.municipality_id)
        .order_by(Activity.starts_at)).all()
