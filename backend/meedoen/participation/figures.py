"""The municipality's figures: who took part at least once in a month, by reception house,
language group, age band and category; sign-ups against visits; new youth not yet reached.

A fixed, small number of statements whatever the size of the municipality, and the counting
is done by the database (GROUP BY): no young person is read into Python except the new ones
(for their first 30 days) and the month's distinct (category, young person) pairs (a young
person can be in several categories, so "other" needs the distinct people). No figure
describes fewer than MIN_GROUP young people: smaller groups are merged into "other", and an
"other" that stays too small is not shown.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import (
    DateTime,
    Integer,
    String,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from meedoen.activities.models import AMSTERDAM, Activity, Signup, SignupStatus
from meedoen.audit.models import record
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
HOUSE, LANGUAGE, AGE = "house", "language", "age"  # the dimensions counted in the database
AGE_BANDS = (("-17", 17), ("18-19", 19), ("20-21", 21), ("22-", 200))
UNKNOWN = "unknown"


@dataclass
class Group:
    """``youth`` and ``took`` are counts; a category also keeps its people (``ids``), since
    one young person can be in several categories and a merged "other" counts them once."""
    key: str
    label: str
    youth: int = 0
    took: int = 0
    ids: set | None = None

    def absorb(self, group: "Group") -> None:
        if self.ids is None:
            self.youth += group.youth
            self.took += group.took
        else:
            self.ids |= group.ids
            self.youth = self.took = len(self.ids)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (datetime.combine(month, time.min, tzinfo=AMSTERDAM),
            datetime.combine(following, time.min, tzinfo=AMSTERDAM))


def this_month() -> date:
    return utcnow().astimezone(AMSTERDAM).date().replace(day=1)


@dataclass
class Figures:
    """A month's counts, the groups merged (``_merged``); what is shown of them is
    present.figures."""
    municipality: Municipality
    month: date
    youth: int
    took_part: int
    by_house: list[Group]
    by_language: list[Group]
    by_age: list[Group]
    by_category: list[Group]
    signed_up: int
    came: int
    walk_ins: int
    new_without_participation: int


def figures(municipality: Municipality, month: date) -> Figures:
    start, end = month_bounds(month)
    moment = min(end, utcnow())  # sign-ups of started activities; "new" youth relative to it
    params = {"municipality_id": municipality.id, "start": start, "end": end,
              "age_year": (end - timedelta(days=1)).year, "started_before": moment,
              "new_after": moment - NEW_FOR, "new_until": moment - FIRST_DAYS}
    run = db.session.connection().execute
    counts = _counts(run(_counts_statement(), params))
    total, took = (sum(g.youth for g in counts[HOUSE]), sum(g.took for g in counts[HOUSE]))
    houses = dict(run(_houses_statement(), params).all())
    for group in counts[HOUSE]:
        group.label = houses.get(group.key) or _("No house")
    for group in counts[LANGUAGE]:
        group.label = _language_name(group.key)
    for group in counts[AGE]:
        group.label = _age_label(group.key)
    categories = _by_category(run(_categories_statement(), params))
    signed_up, came, walk_ins = run(_visits_statement(), params).one()
    return Figures(
        municipality=municipality, month=month, youth=total, took_part=took,
        by_house=_merged(counts[HOUSE]), by_language=_merged(counts[LANGUAGE]),
        by_age=_merged(counts[AGE]), by_category=_merged(categories, per_group=False),
        signed_up=signed_up, came=came, walk_ins=walk_ins,
        new_without_participation=_new_without_participation(run(_new_youth_statement(),
                                                                 params)))


def _age_label(band: str) -> str:
    if band == UNKNOWN:
        return _("Not given")
    low, high = band.split("-")
    return f"{low}+" if not high else f"≤{high}" if not low else f"{low}–{high}"


@cache
def _language_name(code: str) -> str:
    return str(language_info(code)["name"])


# The statements are built once, with every value a bind parameter: building the clauses
# on each request cost about as much as running them.
MUNICIPALITY = bindparam("municipality_id", type_=Integer)


def _moment(name: str):
    return bindparam(name, type_=DateTime(timezone=True))


START, END = _moment("start"), _moment("end")


def _youth_where() -> list:
    """The young people counted in a month: accounts existing at its end."""
    return [User.municipality_id == MUNICIPALITY, User.role == Role.YOUTH,
            User.is_active_account.is_(True), User.created_at < END]


def _in_month(activity=Activity) -> list:
    return [activity.municipality_id == MUNICIPALITY, activity.starts_at >= START,
            activity.starts_at < END]


def _age_band():
    """The band of the birth year, in SQL (age = the month's year minus the birth year, at
    most a year off: a year is all we keep)."""
    year = bindparam("age_year", type_=Integer)
    return case((BirthYear.year.is_(None), UNKNOWN),
                *((BirthYear.year >= year - top, band) for band, top in AGE_BANDS[:-1]),
                else_=AGE_BANDS[-1][0])


@cache
def _counts_statement():
    """Youth and those who took part, per house, language group and age band: one statement
    (a union of three GROUP BYs over the same youth)."""
    visitors = select(Checkin.user_id).join(Activity, Activity.id == Checkin.activity_id) \
        .where(*_in_month())
    youth = (select(cast(User.location_id, String).label(HOUSE),
                    User.ui_language.label(LANGUAGE), _age_band().label(AGE),
                    case((User.id.in_(visitors), 1), else_=0).label("took"))
             .outerjoin(BirthYear, BirthYear.user_id == User.id).where(*_youth_where())
             .cte("youth"))
    return union_all(*(select(literal(dimension).label("dimension"),
                              youth.c[dimension].label("key"), func.count(),
                              func.sum(youth.c.took))
                       .group_by(youth.c[dimension]) for dimension in (HOUSE, LANGUAGE, AGE)))


def _counts(rows) -> dict[str, list[Group]]:
    counts: dict[str, list[Group]] = {HOUSE: [], LANGUAGE: [], AGE: []}
    for dimension, key, members, took in rows:
        counts[dimension].append(Group(str(key), "", members, int(took or 0)))
    return counts


@cache
def _houses_statement():
    return select(cast(Location.id, String), Location.name) \
        .where(Location.municipality_id == MUNICIPALITY)


@cache
def _categories_statement():
    """The month's distinct (category, young person) pairs."""
    return (select(Activity.category, Checkin.user_id).distinct()
            .join(Activity, Activity.id == Checkin.activity_id)
            .join(User, User.id == Checkin.user_id).where(*_in_month(), *_youth_where()))


def _by_category(pairs) -> list[Group]:
    groups: dict[str, Group] = {}
    for category, user_id in pairs:
        group = groups.get(category)
        if group is None:
            group = groups[category] = Group(category, str(LABELS.get(category)), ids=set())
        group.ids.add(user_id)
    for group in groups.values():
        group.youth = group.took = len(group.ids)
    return list(groups.values())


def _merged(groups: list[Group], per_group: bool = True) -> list[Group]:
    """Largest first; groups under MIN_GROUP merged into "other" (with the smallest shown
    ones while "other" is still too small), which comes last if it has anyone.
    ``per_group``: houses, languages, age bands (counts), else categories (people)."""
    shown = sorted((g for g in groups if g.youth >= MIN_GROUP), key=lambda g: (g.youth, g.key))
    other = Group(OTHER, _("Other"), ids=None if per_group else set())
    for group in (g for g in groups if g.youth < MIN_GROUP):
        other.absorb(group)
    while 0 < other.youth < MIN_GROUP and shown:
        other.absorb(shown.pop(0))
    return list(reversed(shown)) + ([other] if other.youth else [])


@cache
def _visits_statement():
    """Confirmed sign-ups of the month's started activities, those of them who came, and the
    month's walk-ins."""
    activity = aliased(Activity)
    walk_ins = (select(func.coalesce(func.sum(_walk_ins_of(activity)), 0))
                .where(*_in_month(activity)).correlate(None).scalar_subquery())
    return (select(func.count(Signup.id), func.count(Checkin.id), walk_ins)
            .select_from(Signup).join(Activity, Activity.id == Signup.activity_id)
            .outerjoin(Checkin, (Checkin.activity_id == Signup.activity_id)
                       & (Checkin.user_id == Signup.user_id))
            .where(Activity.municipality_id == MUNICIPALITY, Activity.starts_at >= START,
                   Activity.starts_at < _moment("started_before"),
                   Signup.status == SignupStatus.CONFIRMED))


def _walk_ins_of(activity):
    """Per activity, through the index on checkin.activity_id (a join made the planner read
    every check-in for the few walk-ins)."""
    return (select(func.count()).select_from(Checkin)
            .where(Checkin.activity_id == activity.id, Checkin.walk_in.is_(True))
            .correlate(activity).scalar_subquery())


@cache
def _new_youth_statement():
    """The new youth (joined 30 to 90 days before the month's end, or now if sooner) and their
    first check-in: a correlated subquery per new youth uses the index on checkin.user_id (a
    join made the planner read every check-in)."""
    first = (select(func.min(Checkin.created_at)).where(Checkin.user_id == User.id)
             .correlate(User).scalar_subquery())
    return (select(User.created_at, first)
            .where(*_youth_where(),
                   User.created_at > _moment("new_after"),
                   User.created_at <= _moment("new_until")))


def _new_without_participation(rows) -> int:
    """How many new youth did not check in during their first 30 days."""
    return sum(1 for joined, first in rows if first is None or first > joined + FIRST_DAYS)


def follow_up(viewer: User, location_ids=None) -> list:
    """``new_without_participation`` of the viewer's municipality; each look is audited."""
    rows = new_without_participation(viewer.municipality_id, location_ids)
    record(viewer, "participation.follow_up.view", viewer.municipality_id, count=len(rows))
    return rows


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
