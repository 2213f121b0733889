"""A fixed small municipality for the participation tests (all dates relative to the
frozen clock, 2026-11-30 12:00 UTC)."""

from datetime import UTC, datetime, timedelta

from meedoen.activities.models import Signup, SignupStatus
from meedoen.auth.models import MentorLocation, Role
from meedoen.extensions import db
from meedoen.participation.models import BirthYear, Checkin, CheckinMethod

from tests.activities.helpers import make_activity
from tests.conftest import FROZEN_NOW


def running_activity(municipality, **fields):
    """Started 30 minutes ago, ends in 90 minutes."""
    start = FROZEN_NOW - timedelta(minutes=30)
    return make_activity(municipality, starts_at=start, ends_at=start + timedelta(hours=2),
                         **fields)


def sign_up(activity, *youth):
    for person in youth:
        db.session.add(Signup(activity_id=activity.id, user_id=person.id,
                              status=SignupStatus.CONFIRMED))
    activity.taken += len(youth)
    db.session.commit()


def visit(activity, person, walk_in=False, helped=False, at=None):
    db.session.add(Checkin(activity_id=activity.id, user_id=person.id,
                           method=CheckinMethod.ORGANISER, walk_in=walk_in, helped=helped,
                           created_at=at or activity.starts_at))
    db.session.commit()


def on(day: int, month: int = 11, hour: int = 15) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


class Town:
    """13 youth in three houses: A (6, Tigrinya), B (5, Arabic), C (2, Arabic); a youth worker,
    a mentor of house C. November: sport (6 there, one a walk-in, one no-show), cooking
    (3 there), volunteering (2 there, 3 hours); October: a trip."""

    def __init__(self, factory):
        self.town = factory.municipality("Tilburg")
        self.house_a = self.town.locations[0]
        self.house_b, self.house_c = factory.location(self.town), factory.location(self.town)
        self.a = [self._youth(factory, self.house_a, "ti") for _ in range(6)]
        self.b = [self._youth(factory, self.house_b, "ar") for _ in range(5)]
        self.c = [self._youth(factory, self.house_c, "ar") for _ in range(2)]
        self.worker = factory.user(Role.YOUTH_WORKER, self.town)
        self.mentor_c = factory.user(Role.MENTOR, self.town)
        self.mentor_c.mentor_location_rows = [MentorLocation(location_id=self.house_c.id)]
        self._activities()
        self._birth_years()
        self._newcomers()
        db.session.commit()

    def _youth(self, factory, house, language):
        return factory.user(Role.YOUTH, self.town, location_id=house.id, ui_language=language)

    def _activities(self):
        a, b, c = self.a, self.b, self.c
        self.sport = make_activity(self.town, starts_at=on(10))
        sign_up(self.sport, *a[:5], b[0])
        for person in (*a[:4], b[0]):
            visit(self.sport, person)
        visit(self.sport, b[1], walk_in=True)
        self.cooking = make_activity(self.town, category="cooking", starts_at=on(20))
        for person in (a[0], b[0], c[0]):
            visit(self.cooking, person, helped=person is a[0])
        self.volunteering = make_activity(self.town, category="volunteering",
                                          starts_at=on(25), ends_at=on(25, hour=18))
        visit(self.volunteering, a[1])
        visit(self.volunteering, b[2])
        self.trip = make_activity(self.town, category="trip", starts_at=on(15, month=10))
        visit(self.trip, a[5], at=on(15, month=10))

    def _birth_years(self):
        """House A: 18 (born 2008). Others: 17, 17, 16, 21, not given, not given, not given."""
        born = [(p, 2008) for p in self.a]
        born += list(zip(self.b[:4], (2009, 2009, 2010, 2005), strict=True))
        db.session.add_all([BirthYear(user_id=p.id, year=year) for p, year in born])

    def _newcomers(self):
        """c[1] joined 40 days ago and never came; a[5] joined 60 days ago, came in Oct."""
        self.c[1].created_at = FROZEN_NOW - timedelta(days=40)
        self.a[5].created_at = FROZEN_NOW - timedelta(days=60)
