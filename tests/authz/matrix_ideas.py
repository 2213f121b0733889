"""Ideas (youth voice) and the feedback after an activity.

Scopes: an idea is ``own`` when the acting young person proposed it (for staff: one in their
municipality); an ended activity is ``own`` when the acting young person went to it or the
acting staff member posted it.
"""

from meedoen.auth.models import Role

from tests.authz import Case, by_role, maker
from tests.ideas.helpers import finished_activity, idea_body, make_idea, sign_up

LOGGED_IN = by_role(200, anonymous=401)


def staff_only(ok: int, other: int = 404) -> dict:
    """Mentors, youth workers and admins; in another municipality only admins find it."""
    here = by_role(403, anonymous=401, mentor=ok, youth_worker=ok, admin=ok)
    there = by_role(403, anonymous=401, mentor=other, youth_worker=other, admin=ok)
    return {"own": here, "same": here, "other": there}


def youth_only(own: int, same: int) -> dict:
    return {"own": by_role(403, anonymous=401, youth=own),
            "same": by_role(403, anonymous=401, youth=same),
            "other": by_role(403, anonymous=401, youth=404)}


def everyone(ok: int) -> dict:
    return {"own": by_role(ok, anonymous=401), "same": by_role(ok, anonymous=401),
            "other": by_role(404, anonymous=401, admin=ok)}


@maker("idea")
def make_scoped_idea(world, scope, actor):
    return make_idea(world.owner(scope, actor, Role.YOUTH)).id


@maker("idea_language")
def make_idea_language(world, scope, actor):
    return "ar"


@maker("ended_activity")
def make_ended_activity(world, scope, actor):
    own = scope == "own" and actor is not None
    posted_by = actor.id if own and actor.is_staff else None
    activity = finished_activity(world.municipality(scope), created_by_id=posted_by)
    if own and actor.role == Role.YOUTH:
        sign_up(actor, activity)
    return activity.id


CASES = [
    Case("GET", "/api/v1/ideas", LOGGED_IN),
    Case("POST", "/api/v1/ideas", by_role(403, anonymous=401, youth=201), body=idea_body()),
    Case("GET", "/api/v1/ideas/stats",
         by_role(403, anonymous=401, mentor=200, youth_worker=200, admin=200)),
    Case("GET", "/api/v1/ideas/{idea}", everyone(200)),
    Case("PUT", "/api/v1/ideas/{idea}/texts/{idea_language}", staff_only(200),
         body={"title": "بطولة", "description": "مع طعام مجاني"}),
    Case("POST", "/api/v1/ideas/{idea}/support", youth_only(own=409, same=200),
         body={"kind": "help"}),
    Case("DELETE", "/api/v1/ideas/{idea}/support", youth_only(own=200, same=200)),
    Case("POST", "/api/v1/ideas/{idea}/answers", staff_only(201),
         body={"status": "being_looked_at", "message": {"nl": "We kijken ernaar."}}),
    Case("POST", "/api/v1/ideas/{idea}/report", everyone(204), body={"reason": "spam"}),
    Case("POST", "/api/v1/ideas/{idea}/hide", staff_only(200), body={"reason": "Persoonlijk"}),
    Case("DELETE", "/api/v1/ideas/{idea}/hide", staff_only(200)),
    Case("POST", "/api/v1/activities/{ended_activity}/feedback",
         youth_only(own=204, same=403), body={"liked": True}),
    Case("GET", "/api/v1/activities/{ended_activity}/feedback", {
        "own": by_role(200, anonymous=401, youth=403),
        "same": by_role(200, anonymous=401, youth=403, contact=403),
        "other": by_role(404, anonymous=401, admin=200),
    }),
    Case("GET", "/api/v1/feedback", by_role(200, anonymous=401, youth=403)),
    Case("GET", "/api/v1/me/feedback-due", LOGGED_IN),
]
