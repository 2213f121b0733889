"""The answers of participation: a check-in, the door list, the check-in code, the turnout
of a series, my year, the statement and its check, and the follow-up list."""

from flask import request

from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.participation import codes
from meedoen.participation import year as years
from meedoen.participation.models import Checkin


def checkin(row: Checkin, created: bool) -> dict:
    return {"activity_id": row.activity_id, "user_id": row.user_id,
            "method": row.method.value, "walk_in": row.walk_in,
            "helped": row.helped, "checked_in_at": row.created_at.isoformat(),
            "already": not created}


def door_list(rows) -> list[dict]:
    return [{"user_id": r.id, "display_name": r.display_name,
             "here": r.Checkin is not None,
             "checked_in_at": r.Checkin.created_at if r.Checkin else None,
             "method": r.Checkin.method.value if r.Checkin else None,
             "walk_in": bool(r.Checkin and r.Checkin.walk_in),
             "helped": bool(r.Checkin and r.Checkin.helped)} for r in rows]


def checkin_code(activity) -> dict:
    return {"activity_id": activity.id, "qr": codes.qr_text(activity),
            "code": codes.short_code(activity),
            "valid_from": activity.starts_at - codes.OPENS_BEFORE, "valid_until": activity.ends_at}


def turnout(rows) -> list[dict]:
    now = utcnow()
    return [{"activity_id": r.id, "starts_at": r.starts_at, "status": r.status.value,
             "signed_up": r.going, "here": r.here, "walk_ins": r.walk_ins,
             "past": r.starts_at <= now} for r in rows]


def follow_up(rows, municipality) -> list[dict]:
    houses = {location.id: location.name for location in municipality.locations}
    return [{"user_id": r.id, "display_name": r.display_name,
             "house": houses.get(r.location_id), "joined_at": r.created_at} for r in rows]


def my_year(user: User, year: int) -> dict:
    """MyYearSchema: what the young person took part in, by category and by month."""
    visits = years.visits_of(user, year)
    return {**years.totals(visits)._asdict(), "year": year,
            "municipality": _municipality_name(user), "display_name": user.display_name,
            "birth_year": years.birth_year(user),
            "by_category": [_category(slug, count) for slug, count in years.by_category(visits)],
            "by_month": [{"month": month,
                          "categories": [_category(slug, count) for slug, count in counts.items()]}
                         for month, counts in years.by_month(visits).items()]}


def _category(slug: str, count: int) -> dict:
    return {"category": slug, "label": str(years.LABELS.get(slug, slug)), "count": count}


def _municipality_name(user: User) -> str:
    return user.municipality.name if user.municipality else ""


def birth_year(user: User) -> dict:
    return {"birth_year": years.birth_year(user)}


def statement(user: User, year: int) -> dict:
    """StatementSchema: what the statement says, its token and the check link."""
    token = years.sign_statement(user, year)
    return {**checked(token), "token": token,
            "check_url": f"{request.url_root}statements/{token}"}


def checked(token: str) -> dict:
    """StatementCheckSchema: only what the statement says."""
    user, said = years.read_statement(token)
    return {"display_name": user.display_name, "municipality": _municipality_name(user),
            "year": said["y"], "activities": said["n"], "volunteer_hours": said["h"],
            "issued_on": said["d"]}
