"""The answers of participation: a check-in, the door list, the check-in code, the turnout
of a series, my year, the statement and its check, the figures (JSON and CSV) and the
follow-up list."""

import csv
import io

from flask import Response, request

from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.participation import codes
from meedoen.participation import year as years
from meedoen.participation.figures import MIN_GROUP, Figures, Group
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


def figures(counted: Figures) -> dict:
    """ParticipationFiguresSchema: no figure describes fewer than MIN_GROUP young people."""
    total = counted.youth
    return {"municipality": {"id": counted.municipality.id, "name": counted.municipality.name},
            "month": counted.month.strftime("%Y-%m"), "min_group": MIN_GROUP,
            **_whole(total, counted.took_part),
            "by_house": _rows(counted.by_house, total),
            "by_language": _rows(counted.by_language, total),
            "by_age": _rows(counted.by_age, total),
            "by_category": _rows(counted.by_category, total, per_group=False),
            "visits": {"signed_up": counted.signed_up, "came": counted.came,
                       "no_shows": counted.signed_up - counted.came,
                       "walk_ins": counted.walk_ins},
            "new_without_participation": _few_or(counted.new_without_participation)}


def _rows(groups: list[Group], total: int, per_group: bool = True) -> list[dict]:
    """``per_group``: the share is of the group's own members (houses, languages, age bands),
    else of all youth (categories)."""
    return [_row(group, total, per_group) for group in groups]


def _row(group: Group, total: int, per_group: bool) -> dict:
    if group.youth < MIN_GROUP:
        return {"key": group.key, "label": group.label, "youth": None, "took_part": None,
                "share": None, "hidden": True}
    base = group.youth if per_group else total
    return {"key": group.key, "label": group.label, "youth": base,
            "took_part": group.took, "share": _share(group.took, base), "hidden": False}


def _whole(youth: int, took: int) -> dict:
    if youth < MIN_GROUP:
        return {"youth": None, "took_part": None, "share": None}
    return {"youth": youth, "took_part": took, "share": _share(took, youth)}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _few_or(count: int) -> int | None:
    """A count of people shown only from MIN_GROUP up (else None: "fewer than five")."""
    return count if count == 0 or count >= MIN_GROUP else None


def figures_csv(data: dict) -> Response:
    """The figures answer as CSV, one row per group."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", "section", "group", "youth", "took_part", "share"])
    for section in ("by_house", "by_language", "by_age", "by_category"):
        for row in data[section]:
            writer.writerow([data["month"], section, _cell(row["label"]), _cell(row["youth"]),
                             _cell(row["took_part"]), _cell(row["share"])])
    name = f"participation-{data['month']}.csv"
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A house name typed by staff must not become a spreadsheet formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


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
