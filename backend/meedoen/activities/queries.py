"""Reading activities: the list's page statement, sign-ups and counts. The answers are
shaped in ``present``."""

from datetime import datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import Integer, and_, bindparam, func, literal, or_, select
from sqlalchemy.orm import selectinload

from meedoen.activities.models import (
    AMSTERDAM,
    Activity,
    ActivityText,
    Signup,
    SignupStatus,
    Transport,
)
from meedoen.activities.policy import visible_to
from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.core.pagination import bound_keyset, cursor_parameters, next_cursor
from meedoen.extensions import db

MAX_GOING_TOGETHER = 50
LIST_NAME = "activities"  # the list's cursors open no other list
ORDER = (Activity.starts_at, Activity.id)


# The busiest endpoint: ONE statement per page (its texts come along as one string per
# row), returning plain rows, not ORM objects. Each combination of filters is built into
# a statement once, with every value a bind parameter: building the clauses and
# SQLAlchemy's cache key for them on each request was a fifth of this endpoint's time.
FIELDS = (
    "id", "municipality_id", "location_id", "series_id", "status", "category", "starts_at",
    "ends_at", "venue_name", "venue_address", "latitude", "longitude", "cost_cents",
    "support_note", "transport", "capacity", "taken", "spoken", "beginner_friendly",
    "min_age", "max_age", "organiser", "original_language")
PAGE_COLUMNS = [Activity.__table__.c[name] for name in FIELDS]
ID, STARTS_AT = FIELDS.index("id"), FIELDS.index("starts_at")
# The texts of a row travel as one string: fields and texts split by the ASCII unit and
# record separators, which input validation never lets into a text (cheaper than JSON).
UNIT, RECORD = "\x1f", "\x1e"
AGGREGATES = {"postgresql": func.string_agg, "sqlite": func.group_concat}
LIKE_ESCAPE = "/"

FILTERS = {
    "category": Activity.category.in_(bindparam("category", expanding=True)),
    "date_from": Activity.starts_at >= bindparam("date_from"),
    "date_to": Activity.starts_at < bindparam("date_to"),
    "evenings": Activity.is_evening.is_(True),
    "weekends": Activity.is_weekend.is_(True),
    "free": Activity.cost_cents == 0,
    "support": Activity.support_note != "",
    "transport": Activity.transport != Transport.NONE,
    "beginner": Activity.beginner_friendly.is_(True),
    "spots_left": or_(Activity.capacity.is_(None), Activity.taken < Activity.capacity),
    "language": Activity.spoken.like(bindparam("language"), escape=LIKE_ESCAPE),
    "q": Activity.search_text.like(bindparam("q"), escape=LIKE_ESCAPE),
    "status": Activity.status == bindparam("status"),
}
FREE_TIMES = ("evenings", "weekends")  # either will do
STAFF_ONLY = frozenset({"status"})


def _contains(text: str) -> str:
    for special in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(special, LIKE_ESCAPE + special)
    return f"%{text}%"


def _local_midnight(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


FILTER_VALUES = {
    "date_from": _local_midnight,
    "date_to": lambda day: _local_midnight(day + timedelta(days=1)),
    "language": lambda code: _contains(f" {code} "),
    "q": lambda words: _contains(words.lower()),
}


def find(user: User, args: dict) -> tuple[list, str | None]:
    """One page of upcoming activities (plain rows: FIELDS, my sign-up, the texts joined)
    and the cursor of the next page, in one statement whatever the page size.

    Keyset paging on (starts_at, id), the cursor's values bound like the filters'. No total
    count: counting every match costs a scan of all of them on every request; the next
    cursor comes from fetching one activity extra."""
    limit = args["limit"]
    chosen = tuple(name for name in FILTERS if args.get(name)
                   and (name not in STAFF_ONLY or user.role != Role.YOUTH))
    values = {name: FILTER_VALUES.get(name, _as_is)(args[name]) for name in chosen}
    after = cursor_parameters(args, ORDER, LIST_NAME)
    statement = _page_statement(db.session.get_bind().dialect.name, user.role, chosen,
                                bool(after))
    # Core, not the ORM session: plain rows need none of its result machinery (a tenth faster).
    rows = db.session.connection().execute(statement, {
        **values, **after, "viewer": user.id, "municipality": user.municipality_id,
        "now": utcnow(), "limit": limit + 1}).all()
    return rows[:limit], next_cursor(rows, limit, _key, LIST_NAME)


def _key(row) -> list:
    return [row[STARTS_AT], row[ID]]


def _as_is(value):
    return value


@lru_cache(maxsize=1024)
def _page_statement(dialect: str, role: Role, chosen: tuple[str, ...], after: bool):
    unit = literal(UNIT)
    joined = (ActivityText.language + unit + ActivityText.origin + unit
              + func.coalesce(ActivityText.source_hash, "") + unit + ActivityText.title + unit
              + ActivityText.description)
    texts = (select(AGGREGATES[dialect](joined, literal(RECORD)))
             .where(ActivityText.activity_id == Activity.id)
             .scalar_subquery().label("texts"))
    my_signup = (select(Signup.status)
                 .where(Signup.activity_id == Activity.id, Signup.user_id == bindparam("viewer"))
                 .scalar_subquery().label("my_signup"))
    clauses = [FILTERS[name] for name in chosen if name not in FREE_TIMES]
    free_times = [FILTERS[name] for name in chosen if name in FREE_TIMES]
    if free_times:
        clauses.append(or_(*free_times))
    if after:
        clauses.append(bound_keyset(ORDER))
    return (select(*PAGE_COLUMNS, my_signup, texts)
            .where(visible_to(role, bindparam("municipality")),
                   Activity.ends_at > bindparam("now"), *clauses)
            .order_by(*ORDER)
            .limit(bindparam("limit", type_=Integer)))


def my_signup(activity: Activity, user: User) -> SignupStatus | None:
    return db.session.scalar(select(Signup.status).where(Signup.activity_id == activity.id,
                                                         Signup.user_id == user.id))


def count_status(activity: Activity, status: SignupStatus) -> int:
    return db.session.scalar(select(func.count()).select_from(Signup).where(
        Signup.activity_id == activity.id, Signup.status == status))


def going_together(activity: Activity, viewer: User) -> list[str]:
    """Display names of other youth going who chose to be shown ("go together")."""
    query = (select(User.display_name)
             .join(Signup, Signup.user_id == User.id)
             .where(Signup.activity_id == activity.id, Signup.status == SignupStatus.CONFIRMED,
                    User.show_as_going.is_(True), User.role == Role.YOUTH,
                    User.id != viewer.id)
             .order_by(Signup.queued_at, Signup.id).limit(MAX_GOING_TOGETHER))
    return list(db.session.scalars(query))


def signups(activity: Activity):
    """(display name, status, queued at) of who goes and who waits."""
    query = (select(User.display_name, Signup.status, Signup.queued_at)
             .join(Signup, Signup.user_id == User.id)
             .where(Signup.activity_id == activity.id,
                    Signup.status.in_((SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)))
             .order_by(Signup.status, Signup.queued_at, Signup.id))
    return db.session.execute(query)


def my_signups(user: User):
    """(activity, sign-up status) of my sign-ups (going or waiting) that have not ended."""
    query = (select(Activity, Signup.status)
             .join(Signup, and_(Signup.activity_id == Activity.id, Signup.user_id == user.id))
             .where(Signup.status != SignupStatus.CANCELLED, Activity.ends_at > utcnow())
             .order_by(Activity.starts_at, Activity.id)
             .options(selectinload(Activity.texts)))
    return db.session.execute(query)
