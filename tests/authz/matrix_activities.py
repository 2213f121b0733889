"""Activities: find, post, manage, sign up, calendars."""

from meedoen.activities.calendar import feed_token, revoke_feed
from meedoen.activities.models import ActivityStatus, Signup, SignupStatus
from meedoen.activities.policy import POSTERS
from meedoen.auth.models import Role
from meedoen.extensions import db

from tests.activities.helpers import activity_body, make_activity
from tests.authz import Case, by_role, maker

LOGGED_IN = by_role(200, anonymous=401)
SEEN_IN_MUNICIPALITY = {"own": LOGGED_IN, "same": LOGGED_IN,
                        "other": by_role(404, anonymous=401, admin=200)}


def _creator(world, scope, actor):
    """own: the acting staff member; otherwise a youth worker in the scope's municipality."""
    if scope == "own" and actor is not None and actor.role in POSTERS:
        return actor
    return world.owner("same" if scope == "own" else scope, None, Role.YOUTH_WORKER)


def _activity(world, scope, actor, status=ActivityStatus.PUBLISHED):
    activity = make_activity(world.municipality(scope), status=status, capacity=10,
                             created_by_id=_creator(world, scope, actor).id)
    if scope == "own" and actor is not None and actor.role == Role.YOUTH:
        db.session.add(Signup(activity_id=activity.id, user_id=actor.id,
                              status=SignupStatus.CONFIRMED))
        activity.taken = 1
        db.session.commit()
    return activity.id


@maker("activity")
def make_published(world, scope, actor):
    return _activity(world, scope, actor)


@maker("draft")
def make_draft(world, scope, actor):
    return _activity(world, scope, actor, ActivityStatus.DRAFT)


def _feed_owner(world, scope, actor):
    return world.owner(scope, actor, actor.role if actor is not None else Role.YOUTH)


@maker("feed")
def make_feed(world, scope, actor):
    token = feed_token(_feed_owner(world, scope, actor))
    db.session.commit()  # outside a request: the test commits what a request would
    return token


@maker("revoked_feed")
def make_revoked_feed(world, scope, actor):
    token = feed_token(_feed_owner(world, scope, actor))
    revoke_feed(_feed_owner(world, scope, actor))
    db.session.commit()
    return token


def post_body(world, scope, actor):
    return activity_body(municipality_id=world.home.id)


CASES = [
    Case("GET", "/api/v1/activities", LOGGED_IN),
    Case("POST", "/api/v1/activities",
         by_role(201, anonymous=401, youth=403), body=post_body),
    Case("GET", "/api/v1/activities/{activity}", SEEN_IN_MUNICIPALITY),
    Case("GET", "/api/v1/activities/{draft}", {
        "own": by_role(200, anonymous=401, youth=404),
        "same": by_role(200, anonymous=401, youth=404),
        "other": by_role(404, anonymous=401, admin=200),
    }, note="youth never see drafts"),
    Case("PATCH", "/api/v1/activities/{activity}", {
        "own": by_role(200, anonymous=401, youth=403),
        "same": by_role(403, anonymous=401, youth_worker=200, admin=200),
        "other": by_role(404, anonymous=401, youth=403, admin=200),
    }, body={"venue_name": "Nieuwe zaal"}),
    Case("POST", "/api/v1/activities/{activity}/signup", {
        "own": by_role(403, anonymous=401, youth=200),
        "same": by_role(403, anonymous=401, youth=200),
        "other": by_role(403, anonymous=401, youth=404),
    }),
    Case("DELETE", "/api/v1/activities/{activity}/signup", {
        "own": by_role(403, anonymous=401, youth=200),
        "same": by_role(403, anonymous=401, youth=404),
        "other": by_role(403, anonymous=401, youth=404),
    }, note="same: not signed up"),
    Case("GET", "/api/v1/activities/{activity}/signups", {
        "own": by_role(200, anonymous=401, youth=403),
        "same": by_role(200, anonymous=401, youth=403, contact=403),
        "other": by_role(404, anonymous=401, youth=403, admin=200),
    }),
    Case("GET", "/api/v1/activities/{activity}/ics", SEEN_IN_MUNICIPALITY),
    Case("GET", "/api/v1/me/activities", LOGGED_IN),
    Case("GET", "/api/v1/me/calendar-feed", LOGGED_IN),
    Case("DELETE", "/api/v1/me/calendar-feed", by_role(204, anonymous=401)),
    Case("GET", "/api/v1/calendar/{feed}.ics", by_role(200),
         note="public: the secret token is the permission"),
    Case("GET", "/api/v1/calendar/{revoked_feed}.ics", by_role(404)),
]
