"""The answers of participation that are built from rows: a check-in, the door list, the
turnout of a series and the follow-up list."""

from meedoen.core.models import utcnow
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


def turnout(rows) -> list[dict]:
    now = utcnow()
    return [{"activity_id": r.id, "starts_at": r.starts_at, "status": r.status.value,
             "signed_up": r.going, "here": r.here, "walk_ins": r.walk_ins,
             "past": r.starts_at <= now} for r in rows]


def follow_up(rows, municipality) -> list[dict]:
    houses = {location.id: location.name for location in municipality.locations}
    return [{"user_id": r.id, "display_name": r.display_name,
             "house": houses.get(r.location_id), "joined_at": r.created_at} for r in rows]
