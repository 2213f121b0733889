"""Finding activities and shaping them for the API, in the asked language."""

from collections import namedtuple
from datetime import datetime, time, timedelta
from functools import lru_cache

from flask_babel import get_locale
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
from meedoen.activities.policy import can_manage, visible_to
from meedoen.activities.texts import FIELDS as TEXT_FIELDS
from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import localized, translation_statuses

MAX_GOING_TOGETHER = 50


def language() -> str:
    return str(get_locale())


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
# The texts of a row travel as one string: fields and texts split by the ASCII unit and
# record separators, which input validation never lets into a text (cheaper than JSON).
UNIT, RECORD = "\x1f", "\x1e"
AGGREGATES = {"postgresql": func.string_agg, "sqlite": func.group_concat}
PageText = namedtuple("PageText", "language origin source_hash title description")
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


def find(user: User, args: dict) -> dict:
    """One page of upcoming activities, with their texts, in one statement whatever the
    page size.

    No total count: counting every match costs a scan of all of them on every request;
    ``has_more`` comes from fetching one activity extra."""
    page, per_page = args["page"], args["per_page"]
    chosen = tuple(name for name in FILTERS if args.get(name)
                   and (name not in STAFF_ONLY or user.role != Role.YOUTH))
    values = {name: FILTER_VALUES.get(name, _as_is)(args[name]) for name in chosen}
    statement = _page_statement(db.session.get_bind().dialect.name, user.role, chosen)
    # Core, not the ORM session: plain rows need none of its result machinery (a tenth faster).
    rows = db.session.connection().execute(statement, {
        **values, "viewer": user.id, "municipality": user.municipality_id, "now": utcnow(),
        "limit": per_page + 1, "offset": (page - 1) * per_page}).all()
    wanted = language()
    return {"items": [_page_item(row, wanted) for row in rows[:per_page]],
            "has_more": len(rows) > per_page, "page": page, "per_page": per_page}


def _as_is(value):
    return value


@lru_cache(maxsize=512)
def _page_statement(dialect: str, role: Role, chosen: tuple[str, ...]):
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
    return (select(*PAGE_COLUMNS, my_signup, texts)
            .where(visible_to(role, bindparam("municipality")),
                   Activity.ends_at > bindparam("now"), *clauses)
            .order_by(Activity.starts_at, Activity.id)
            .limit(bindparam("limit", type_=Integer))
            .offset(bindparam("offset", type_=Integer)))


def _page_item(row, wanted: str) -> dict:
    *fields, my_signup, texts = row  # one unpacking: cheaper than 25 attribute look-ups
    return _shape(dict(zip(FIELDS, fields, strict=True)), _split_texts(texts), wanted, my_signup)


def _split_texts(joined: str | None) -> list[PageText]:
    if not joined:
        return []
    texts = [PageText(*text.split(UNIT, 4)) for text in joined.split(RECORD)]
    return [text._replace(source_hash=text.source_hash or None) for text in texts]


def summary(activity: Activity, texts: list, wanted: str,
            my_signup: SignupStatus | None = None, with_original: bool = False) -> dict:
    """An activity in the asked language."""
    return _shape({name: getattr(activity, name) for name in FIELDS}, texts, wanted, my_signup,
                  with_original)


def _shape(fields: dict, texts: list, wanted: str, my_signup: SignupStatus | None,
           with_original: bool = False) -> dict:
    """The answer's form of an activity from its FIELDS (changes and returns ``fields``)."""
    capacity, taken = fields["capacity"], fields.pop("taken")
    fields.update(
        status=fields["status"].value, transport=fields["transport"].value,
        starts_at=fields["starts_at"].isoformat(), ends_at=fields["ends_at"].isoformat(),
        timezone="Europe/Amsterdam", free=fields["cost_cents"] == 0, going=taken,
        spots_left=None if capacity is None else max(capacity - taken, 0),
        languages=fields.pop("spoken").split(),
        text=localized(texts, fields.pop("original_language"), wanted, with_original),
        my_signup=SignupStatus(my_signup).value if my_signup else None)
    return fields


def detail(activity: Activity, user: User) -> dict:
    mine = db.session.scalar(select(Signup.status).where(Signup.activity_id == activity.id,
                                                         Signup.user_id == user.id))
    shown = summary(activity, activity.texts, language(), mine, with_original=True)
    shown.update(contact_name=activity.contact_name, contact_phone=activity.contact_phone,
                 waitlisted=_count_status(activity, SignupStatus.WAITLISTED),
                 going_together=going_together(activity, user))
    if can_manage(user, activity):
        shown["texts"] = editor_texts(activity)
    return shown


def editor_texts(activity: Activity) -> dict:
    """Every language with its translation status, for the editor's tabs."""
    by_language = {text.language: text for text in activity.texts}
    status = translation_statuses(by_language, activity.original_language, TEXT_FIELDS)
    return {language: {"title": text.title, "description": text.description,
                       "translation": status[language]}
            for language, text in by_language.items()}


def _count_status(activity: Activity, status: SignupStatus) -> int:
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


def signup_list(activity: Activity) -> list[dict]:
    query = (select(User.display_name, Signup.status, Signup.queued_at)
             .join(Signup, Signup.user_id == User.id)
             .where(Signup.activity_id == activity.id,
                    Signup.status.in_((SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)))
             .order_by(Signup.status, Signup.queued_at, Signup.id))
    return [{"display_name": name, "status": status.value, "signed_up_at": queued_at}
            for name, status, queued_at in db.session.execute(query)]


def my_activities(user: User) -> list[dict]:
    """My sign-ups (going or waiting) for activities that have not ended yet."""
    query = (select(Activity, Signup.status)
             .join(Signup, and_(Signup.activity_id == Activity.id, Signup.user_id == user.id))
             .where(Signup.status != SignupStatus.CANCELLED, Activity.ends_at > utcnow())
             .order_by(Activity.starts_at, Activity.id)
             .options(selectinload(Activity.texts)))
    wanted = language()
    return [{**summary(activity, activity.texts, wanted, status), "signup_status": status.value}
            for activity, status in db.session.execute(query)]
