"""Signing up and cancelling, never overbooked.

Places are taken with one conditional UPDATE (``taken < capacity``) that the database
decides; there is no read-then-write anywhere that could let two requests take the same
last place (SQLite ignores SELECT … FOR UPDATE).
"""

from flask_babel import gettext as _
from sqlalchemy import func, or_, select, update

from meedoen.activities.models import Activity, ActivityStatus, Signup, SignupStatus
from meedoen.activities.notices import SIGNUP_PROMOTED
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore
from meedoen.events import notify
from meedoen.extensions import db

ACTIVE = (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)


def _open_for_signup(activity_id: int):
    return (Activity.id == activity_id, Activity.status == ActivityStatus.PUBLISHED,
            Activity.ends_at > utcnow())


def _refuse_closed() -> None:
    fail(409, "activity_closed", _("You cannot sign up for this activity any more."))


def sign_up(user: User, activity: Activity) -> Signup:
    if not db.session.scalar(select(func.count()).where(*_open_for_signup(activity.id))):
        _refuse_closed()
    if not _claim_signup(user, activity):
        return _signup_of(user, activity)  # already going or waiting: nothing to do
    if _take_place(activity.id):
        _set_status(user, activity, SignupStatus.CONFIRMED)
    elif not db.session.scalar(select(func.count()).where(*_open_for_signup(activity.id))):
        _refuse_closed()  # cancelled in the meantime; rolls the claim back
    return _signup_of(user, activity)


def _claim_signup(user: User, activity: Activity) -> bool:
    """Put the user on the waiting list, unless already signed up. True when this call did."""
    now = utcnow()
    if insert_ignore(Signup, activity_id=activity.id, user_id=user.id,
                     status=SignupStatus.WAITLISTED.value, created_at=now, queued_at=now,
                     updated_at=now):
        return True
    rejoined = db.session.execute(
        update(Signup)
        .where(Signup.activity_id == activity.id, Signup.user_id == user.id,
               Signup.status == SignupStatus.CANCELLED)
        .values(status=SignupStatus.WAITLISTED, queued_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return rejoined.rowcount == 1


def _take_place(activity_id: int) -> bool:
    taken = db.session.execute(
        update(Activity)
        .where(*_open_for_signup(activity_id),
               or_(Activity.capacity.is_(None), Activity.taken < Activity.capacity))
        .values(taken=Activity.taken + 1)
        .execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1


def _set_status(user: User, activity: Activity, status: SignupStatus) -> None:
    db.session.execute(
        update(Signup)
        .where(Signup.activity_id == activity.id, Signup.user_id == user.id)
        .values(status=status, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def _signup_of(user: User, activity: Activity) -> Signup:
    return db.session.execute(
        select(Signup).where(Signup.activity_id == activity.id, Signup.user_id == user.id)
        .execution_options(populate_existing=True)
    ).scalar_one()


def cancel(user: User, activity: Activity) -> Signup:
    if _leave(user, activity, SignupStatus.CONFIRMED):
        _release_place(activity)
    else:
        _leave(user, activity, SignupStatus.WAITLISTED)
    signup = db.session.scalar(select(Signup).where(Signup.activity_id == activity.id,
                                                    Signup.user_id == user.id)
                               .execution_options(populate_existing=True))
    if signup is None:
        fail(404, "not_signed_up", _("You are not signed up for this activity."))
    return signup


def _leave(user: User, activity: Activity, status: SignupStatus) -> bool:
    left = db.session.execute(
        update(Signup)
        .where(Signup.activity_id == activity.id, Signup.user_id == user.id,
               Signup.status == status)
        .values(status=SignupStatus.CANCELLED, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return left.rowcount == 1


def _release_place(activity: Activity) -> None:
    """A freed place goes to the first on the waiting list, else back to the pool."""
    if activity.status != ActivityStatus.PUBLISHED or not _promote_next(activity):
        _return_place(activity)


def _promote_next(activity: Activity) -> bool:
    """Give one already-taken place to the longest waiting; concurrent promoters each get
    their own person because the UPDATE only wins while that person is still waiting."""
    while True:
        candidate = db.session.execute(
            select(Signup.id, Signup.user_id)
            .where(Signup.activity_id == activity.id, Signup.status == SignupStatus.WAITLISTED)
            .order_by(Signup.queued_at, Signup.id).limit(1)
        ).first()
        if candidate is None:
            return False
        promoted = db.session.execute(
            update(Signup).where(Signup.id == candidate.id,
                                 Signup.status == SignupStatus.WAITLISTED)
            .values(status=SignupStatus.CONFIRMED, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        if promoted.rowcount == 1:
            notify(SIGNUP_PROMOTED, [candidate.user_id], activity_id=activity.id)
            return True


def fill_free_places(activity: Activity) -> None:
    """After the capacity grew: promote from the waiting list while places are free."""
    if activity.status != ActivityStatus.PUBLISHED:
        return
    while db.session.scalar(
        select(func.count()).select_from(Signup)
        .where(Signup.activity_id == activity.id, Signup.status == SignupStatus.WAITLISTED)
    ) and _take_place(activity.id):
        if not _promote_next(activity):
            _return_place(activity)
            return


def _return_place(activity: Activity) -> None:
    db.session.execute(
        update(Activity).where(Activity.id == activity.id, Activity.taken > 0)
        .values(taken=Activity.taken - 1).execution_options(synchronize_session=False)
    )


def waiting_position(signup: Signup) -> int | None:
    if signup.status != SignupStatus.WAITLISTED:
        return None
    ahead = select(func.count()).select_from(Signup).where(
        Signup.activity_id == signup.activity_id, Signup.status == SignupStatus.WAITLISTED,
        or_(Signup.queued_at < signup.queued_at,
            (Signup.queued_at == signup.queued_at) & (Signup.id < signup.id)))
    return db.session.scalar(ahead) + 1


def active_user_ids(activity: Activity) -> list[int]:
    return list(db.session.scalars(
        select(Signup.user_id).where(Signup.activity_id == activity.id,
                                     Signup.status.in_(ACTIVE))
    ))


def give_up_places(user: User) -> None:
    """Before an account is erased, its places in coming activities go to the waiting list
    (the sign-up rows themselves go with the account)."""
    going = select(Activity).join(Signup).where(
        Signup.user_id == user.id, Signup.status == SignupStatus.CONFIRMED,
        Activity.ends_at > utcnow())
    for activity in db.session.scalars(going).all():
        cancel(user, activity)


def give_up_places_of(connection, user_id: int) -> None:
    """The eraser (declared in activities/export.py): runs in erase_account's session."""
    give_up_places(db.session.get(User, user_id))
