"""The municipality's figures: who took part at least once in a month, by reception house,
language group and category; sign-ups against visits; new youth not yet reached.

Fixed number of statements whatever the size of the municipality; the counting is done on
sets of ids in Python. No figure describes fewer than MIN_GROUP young people: smaller
groups are merged into "other", and an "other" that stays too small is not shown.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import and_, case, func, select

from meedoen.activities.models import AMSTERDAM, Activity, Signup, SignupStatus
from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.i18n import language_info
from meedoen.participation.models import BirthYear, Checkin
from meedoen.participation.year import LABELS
from meedoen.places.models import Location, Municipality

MIN_GROUP = 5
FIRST_DAYS = timedelta(days=30)
# "New": joined at most this long ago (and their first 30 days are over).
NEW_FOR = timedelta(days=90)
OTHER = "other"
HOUSE, LANGUAGE, AGE, NEW = 0, 1, 2, 3  # fields of a youth row
AGE_BANDS = (("-17", 17), ("18-19", 19), ("20-21", 21), ("22-", 200))
UNKNOWN = "unknown"


@dataclass
class Group:
    key: str
    label: str
    members: set = field(default_factory=set)
    took: set = field(default_factory=set)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (datetime.combine(month, time.min, tzinfo=AMSTERDAM),
            datetime.combine(following, time.min, tzinfo=AMSTERDAM))


def this_month() -> date:
    return utcnow().astimezone(AMSTERDAM).date().replace(day=1)


def figures(municipality: Municipality, month: date) -> dict:
    start, end = month_bounds(month)
    youth = _youth(municipality.id, end)
    visits = _visits(municipality.id, start, end)
    took = {v.user_id for v in visits} & set(youth)
    houses = dict(db.session.execute(select(Location.id, Location.name)
                                     .where(Location.municipality_id == municipality.id)).all())
    return {"municipality": {"id": municipality.id, "name": municipality.name},
            "month": month.strftime("%Y-%m"), "min_group": MIN_GROUP,
            **_whole(len(youth), len(took)),
            "by_house": _rows(_by(youth, took, HOUSE,
                                  lambda k: houses.get(k, _("No house"))), len(youth)),
            "by_language": _rows(_by(youth, took, LANGUAGE, _language_name), len(youth)),
            "by_age": _rows(_by(youth, took, AGE, _age_label), len(youth)),
            "by_category": _rows(_by_category(visits, set(youth)), len(youth), per_group=False),
            "visits": _signups_and_visits(municipality.id, start, end, visits),
            "new_without_participation": _few_or(_new_without_participation(youth))}


def _age_label(band: str) -> str:
    if band == UNKNOWN:
        return _("Not given")
    low, high = band.split("-")
    return f"{low}+" if not high else f"≤{high}" if not low else f"{low}–{high}"


@cache
def _language_name(code: str) -> str:
    return language_info(code)["name"]


def _youth(municipality_id: int, until: datetime) -> dict[int, tuple]:
    """id -> (house, language group, age band, new), as plain tuples (read 2,000 times per
    request; Core, not ORM, execution: building ORM rows was half of this request's time).
    New: joined 30 to 90 days before the month's end (or now, if sooner)."""
    moment = min(until, utcnow())
    is_new = and_(User.created_at > moment - NEW_FOR, User.created_at <= moment - FIRST_DAYS)
    rows = db.session.connection().execute(
        select(User.id, User.location_id, User.ui_language, BirthYear.year,
               case((is_new, True), else_=False))
        .outerjoin(BirthYear, BirthYear.user_id == User.id)
        .where(User.municipality_id == municipality_id, User.role == Role.YOUTH,
               User.is_active_account.is_(True), User.created_at < until))
    return {user_id: (house, language, _age_band(born, until), new)
            for user_id, house, language, born, new in rows}


def _age_band(born: int | None, until: datetime) -> str:
    if born is None:
        return UNKNOWN
    age = (until - timedelta(days=1)).year - born  # at most a year off: a year is all we keep
    return next((band for band, top in AGE_BANDS if age <= top), AGE_BANDS[-1][0])


def _visits(municipality_id: int, start: datetime, end: datetime) -> list:
    return db.session.connection().execute(
        select(Checkin.user_id, Checkin.walk_in, Activity.category)
        .join(Activity, Activity.id == Checkin.activity_id)
        .where(Activity.municipality_id == municipality_id, Activity.starts_at >= start,
               Activity.starts_at < end)).all()


def _by(youth: dict, took: set, field: int, label_of) -> list[Group]:
    groups: dict = {}
    for user_id, row in youth.items():
        key = row[field]
        group = groups.get(key)
        if group is None:  # the label once per group: a gettext call per youth was most of it
            group = groups[key] = Group(str(key), str(label_of(key)))
        group.members.add(user_id)
        if user_id in took:
            group.took.add(user_id)
    return list(groups.values())


def _by_category(visits: list, youth: set) -> list[Group]:
    groups: dict[str, Group] = {}
    for visit in visits:
        if visit.user_id in youth:
            group = groups.get(visit.category)
            if group is None:
                group = groups[visit.category] = Group(visit.category,
                                                       str(LABELS.get(visit.category)))
            group.members.add(visit.user_id)
            group.took.add(visit.user_id)
    return list(groups.values())


def _rows(groups: list[Group], total: int, per_group: bool = True) -> list[dict]:
    """Largest first; groups under MIN_GROUP merged into "other" (with the smallest shown
    ones while "other" is still too small). ``per_group``: the share is of the group's own
    members (houses, languages), else of all youth (categories)."""
    shown = sorted((g for g in groups if len(g.members) >= MIN_GROUP),
                   key=lambda g: (len(g.members), g.key))
    other = Group(OTHER, _("Other"))
    for group in (g for g in groups if len(g.members) < MIN_GROUP):
        other.members |= group.members
        other.took |= group.took
    while other.members and len(other.members) < MIN_GROUP and shown:
        merged = shown.pop(0)
        other.members |= merged.members
        other.took |= merged.took
    rows = [_row(g, total, per_group) for g in reversed(shown)]
    return rows + ([_row(other, total, per_group)] if other.members else [])


def _row(group: Group, total: int, per_group: bool) -> dict:
    if len(group.members) < MIN_GROUP:
        return {"key": group.key, "label": group.label, "youth": None, "took_part": None,
                "share": None, "hidden": True}
    base = len(group.members) if per_group else total
    return {"key": group.key, "label": group.label, "youth": base,
            "took_part": len(group.took), "share": _share(len(group.took), base),
            "hidden": False}


def _whole(youth: int, took: int) -> dict:
    if youth < MIN_GROUP:
        return {"youth": None, "took_part": None, "share": None}
    return {"youth": youth, "took_part": took, "share": _share(took, youth)}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _few_or(count: int) -> int | None:
    """A count of people shown only from MIN_GROUP up (else None: "fewer than five")."""
    return count if count == 0 or count >= MIN_GROUP else None


def _signups_and_visits(municipality_id: int, start: datetime, end: datetime,
                        visits: list) -> dict:
    signed_up, visited = db.session.execute(
        select(func.count(Signup.id), func.count(Checkin.id))
        .join(Activity, Activity.id == Signup.activity_id)
        .outerjoin(Checkin, (Checkin.activity_id == Signup.activity_id)
                   & (Checkin.user_id == Signup.user_id))
        .where(Activity.municipality_id == municipality_id, Activity.starts_at >= start,
               Activity.starts_at < min(end, utcnow()),
               Signup.status == SignupStatus.CONFIRMED)).one()
    return {"signed_up": signed_up, "came": visited, "no_shows": signed_up - visited,
            "walk_ins": sum(1 for v in visits if v.walk_in)}


def _new_without_participation(youth: dict) -> int:
    """How many new youth did not check in during their first 30 days: one statement, on
    the first check-ins of the new ones only."""
    new = [user_id for user_id, row in youth.items() if row[NEW]]
    firsts = db.session.connection().execute(
        select(func.min(Checkin.created_at), User.created_at)
        .join(User, User.id == Checkin.user_id).where(Checkin.user_id.in_(new))
        .group_by(Checkin.user_id, User.created_at)).all()
    return len(new) - sum(1 for first, joined in firsts if first <= joined + FIRST_DAYS)


def new_without_participation(municipality_id: int, location_ids=None) -> list:
    """Youth who joined 30 to 90 days ago and did not check in during their first 30 days."""
    now = utcnow()
    where = [User.municipality_id == municipality_id, User.role == Role.YOUTH,
             User.is_active_account.is_(True), User.created_at <= now - FIRST_DAYS,
             User.created_at > now - NEW_FOR]
    if location_ids is not None:
        where.append(User.location_id.in_(location_ids))
    first = (select(Checkin.user_id, func.min(Checkin.created_at).label("first"))
             .join(User, User.id == Checkin.user_id).where(*where)
             .group_by(Checkin.user_id).subquery())
    rows = db.session.execute(
        select(User.id, User.display_name, User.created_at, User.location_id, first.c.first)
        .outerjoin(first, first.c.user_id == User.id).where(*where)
        .order_by(User.created_at, User.id)).all()
    return [r for r in rows if r.first is None or r.first > r.created_at + FIRST_DAYS]
