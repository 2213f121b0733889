"""'My year': what a young person took part in, by category and month, and the signed
participation statement that a job coach or school can check."""

from datetime import date, datetime, time

from flask import current_app, request
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


def _visits(user: User, year: int):
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


def my_year(user: User, year: int) -> dict:
    visits = _visits(user, year)
    months: dict[str, dict[str, int]] = {}
    for visit in visits:
        month = visit.starts_at.astimezone(AMSTERDAM).strftime("%Y-%m")
        per_category = months.setdefault(month, {})
        per_category[visit.category] = per_category.get(visit.category, 0) + 1
    return {**_totals(visits), "year": year,
            "municipality": user.municipality.name if user.municipality else "",
            "display_name": user.display_name, "birth_year": birth_year(user),
            "by_category": _by_category(visits),
            "by_month": [{"month": m, "categories": [_category(c, n) for c, n in cats.items()]}
                         for m, cats in months.items()]}


def _totals(visits) -> dict:
    helping = [v for v in visits if _is_volunteering(v)]
    return {"activities": len(visits),
            "volunteer_hours": round(sum(_hours(v) for v in helping), 1),
            "volunteer_activities": len(helping)}


def _by_category(visits) -> list[dict]:
    counts: dict[str, int] = {}
    for visit in visits:
        counts[visit.category] = counts.get(visit.category, 0) + 1
    return [_category(c, n) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _category(slug: str, count: int) -> dict:
    return {"category": slug, "label": str(LABELS.get(slug, slug)), "count": count}


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=STATEMENT_SALT)


def statement(user: User, year: int) -> dict:
    """The signed statement: what it says travels inside the token, so the check needs no
    stored copy and shows nothing beyond what is printed."""
    totals = _totals(_visits(user, year))
    issued = utcnow().astimezone(AMSTERDAM).date().isoformat()
    token = _serializer().dumps({"u": user.id, "y": year, "n": totals["activities"],
                                 "h": totals["volunteer_hours"], "d": issued})
    return {**checked(token), "token": token,
            "check_url": f"{request.url_root}statements/{token}"}


def checked(token: str) -> dict:
    try:
        said = _serializer().loads(token)
    except BadSignature:
        fail(404)
    user = db.session.get(User, said["u"])
    if user is None or not user.is_active_account:
        fail(404)  # erased or switched off: the statement no longer stands
    return {"display_name": user.display_name,
            "municipality": user.municipality.name if user.municipality else "",
            "year": said["y"], "activities": said["n"], "volunteer_hours": said["h"],
            "issued_on": said["d"]}
