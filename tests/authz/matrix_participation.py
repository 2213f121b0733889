"""Participation: check-in, the door list, turnout, my year, statements and figures."""

from datetime import timedelta

from meedoen.activities.models import Signup, SignupStatus
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.participation import codes, year

from tests.activities.helpers import make_activity
from tests.authz import Case, by_role, maker

ORGANISER_LIST = {
    "own": by_role(200, anonymous=401, youth=403),
    "same": by_role(200, anonymous=401, youth=403, contact=403),
    "other": by_role(404, anonymous=401, youth=403, admin=200),
}
_running = {}


def _signed_up_youth(world, scope, actor):
    return world.owner(scope, actor if actor and actor.role == Role.YOUTH else None)


@maker("running")
def make_running(world, scope, actor):
    """An activity going on now, its organiser the acting staff member (own), with one
    signed-up young person (the actor when a youth and own)."""
    creator = (actor if scope == "own" and actor is not None and actor.role != Role.YOUTH
               else world.owner("same" if scope == "own" else scope, None, Role.YOUTH_WORKER))
    start = utcnow() - timedelta(minutes=30)
    activity = make_activity(world.municipality(scope), starts_at=start, capacity=10,
                             created_by_id=creator.id)
    youth = _signed_up_youth(world, scope, actor)
    db.session.add(Signup(activity_id=activity.id, user_id=youth.id,
                          status=SignupStatus.CONFIRMED))
    activity.taken = 1
    db.session.commit()
    _running[id(world)] = (activity, youth)
    return activity.id


def checkin_body(world, scope, actor):
    """Youth send the activity's code, staff the signed-up young person."""
    activity, youth = _running[id(world)]
    if actor is not None and actor.role == Role.YOUTH:
        return {"code": codes.short_code(activity)}
    return {"user_id": youth.id}


@maker("statement")
def make_statement(world, scope, actor):
    youth = world.owner(scope, actor if actor and actor.role == Role.YOUTH else None)
    return year._serializer().dumps({"u": youth.id, "y": 2026, "n": 3, "h": 2.0,
                                     "d": "2026-11-30"})


@maker("forged_statement")
def make_forged_statement(world, scope, actor):
    return make_statement(world, scope, actor)[:-4] + "AAAA"




CASES = [
    Case("POST", "/api/v1/activities/{running}/checkins", {
        "own": by_role(200, anonymous=401),
        "same": by_role(200, anonymous=401, contact=403),
        "other": by_role(404, anonymous=401, admin=200),
    }, body=checkin_body, note="youth: walk-in with the code (same); staff: tap 'here'"),
    Case("POST", "/api/v1/checkins", by_role(403, anonymous=401, youth=422),
         body={"code": "NOPE00"}, note="a wrong code; the right one: tests/participation"),
    Case("GET", "/api/v1/activities/{running}/checkins", ORGANISER_LIST),
    Case("GET", "/api/v1/activities/{running}/checkin-code", ORGANISER_LIST),
    Case("GET", "/api/v1/activities/{running}/turnout", ORGANISER_LIST),
    Case("GET", "/api/v1/me/year", by_role(403, anonymous=401, youth=200)),
    Case("PUT", "/api/v1/me/birth-year", by_role(403, anonymous=401, youth=200),
         body={"birth_year": 2008}),
    Case("GET", "/api/v1/me/year/statement", by_role(403, anonymous=401, youth=200)),
    Case("GET", "/api/v1/me/year/statement.pdf", by_role(403, anonymous=401, youth=200),
         note="the young person's own statement only (the PDF: tests/participation)"),
    Case("GET", "/api/v1/statements/{statement}", by_role(200),
         note="public: the signed token is the permission"),
    Case("GET", "/api/v1/statements/{forged_statement}", by_role(404)),
    Case("GET", "/api/v1/figures/participation",
         by_role(403, anonymous=401, youth_worker=200, admin=422),
         note="admins name the municipality (422 without)"),
    Case("GET", "/api/v1/figures/participation/csv",
         by_role(403, anonymous=401, youth_worker=200, admin=422)),
    Case("GET", "/api/v1/figures/participation/follow-up",
         by_role(403, anonymous=401, mentor=200, youth_worker=200),
         note="names: mentors and youth workers only"),
]
