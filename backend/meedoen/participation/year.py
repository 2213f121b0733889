"""'My year': what a young person took part in, by category and month, and the signed
participation statement that a job coach or school can check."""

from collections import Counter, namedtuple
from datetime import date, datetime, time

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select

from meedoen.activities.models import AMSTERDAM, Activity
from meedoen.auth.models import User
from meedoen.categories import CATEGORIES
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.participation.models import BirthYear, Checkin

VOLUNTEERING = "volunteering"
LABELS = {c.slug: c.label for c in CATEGORIES}
STATEMENT_SALT = "meedoen.participation.statement"
Totals = namedtuple("Totals", "activities volunteer_hours volunteer_activities")


def this_year() -> int:
    return utcnow().astimezone(AMSTERDAM).year


def year_bounds(year: int) -> tuple[datetime, datetime]:
    start = datetime.combine(date(year, 1, 1), time.min, tzinfo=AMSTERDAM)
    return start, datetime.combine(date(year + 1, 1, 1), time.min, tzinfo=AMSTERDAM)


def birth_year(user: User) -> int | None:
    row = db.session.get(BirthYear, user.id)
    return row.year if row else None


def set_birth_year(user: User, year: int | None) -> None:
    db.session.execute(delete(BirthYear).where(BirthYear.user_id == user.id))
    if year is not None:
        db.session.add(BirthYear(user_id=user.id, year=year))
    db.session.flush()


def visits_of(user: User, year: int):
    start, end = year_bounds(year)
    return db.session.execute(
        select(Activity.category, Activity.starts_at, Activity.ends_at, Checkin.helped)
        .join(Checkin, Checkin.activity_id == Activity.id)
        .where(Checkin.user_id == user.id, Activity.starts_at >= start,
               Activity.starts_at < end)
        .order_by(Activity.starts_at)).all()


def _hours(visit) -> float:
    return round((visit.ends_at - visit.starts_at).total_seconds() / 3600, 1)


def _is_volunteering(visit) -> bool:
    return visit.category == VOLUNTEERING or visit.helped


def totals(visits) -> Totals:
    helping = [v for v in visits if _is_volunteering(v)]
    return Totals(len(visits), round(sum(_hours(v) for v in helping), 1), len(helping))


def by_category(visits) -> list[tuple[str, int]]:
    """(category, visits), most first."""
    counts = Counter(visit.category for visit in visits)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def by_month(visits) -> dict[str, Counter]:
    """Month (Amsterdam time, "YYYY-MM") -> visits per category, in the order of the visits."""
    months: dict[str, Counter] = {}
    for visit in visits:
        month = visit.starts_at.astimezone(AMSTERDAM).strftime("%Y-%m")
        months.setdefault(month, Counter())[visit.category] += 1
    return months


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=STATEMENT_SALT)


def sign_statement(user: User, year: int) -> str:
    """The signed statement: what it says travels inside the token, so the check needs no
    stored copy and shows nothing beyond what is printed."""
    said = totals(visits_of(user, year))
    issued = utcnow().astimezone(AMSTERDAM).date().isoformat()
    return _serializer().dumps({"u": user.id, "y": year, "n": said.activities,
                                "h": said.volunteer_hours, "d": issued})


def read_statement(token: str) -> tuple[User, dict]:
    """The person and what a statement says; 404 for a forged token or an erased or
    switched-off account (the statement no longer stands)."""
    try:
        said = _serializer().loads(token)
    except BadSignature:
        fail(404)
    user = db.session.get(User, said["u"])
    if user is None or not user.is_active_account:
        fail(404)
    return user, said
