"""Suggested wordings of the app's texts (issue 17).

The reviewer role is not a user role but a grant per language: for ``/suggestions/{suggestion}``
the scope says how the actor relates to a Tigrinya suggestion: ``own``: they review Tigrinya;
``same``: they review another language (the suggestion does not exist for them); ``other``:
they review nothing. Suggestions and reviewers belong to no municipality.
"""

from meedoen.auth.models import Role

from tests.authz import Case, by_role, maker
from tests.wording.helpers import make_reviewer, make_suggestion, suggestion_body

LOGGED_IN = by_role(200, anonymous=401)
ADMINS = by_role(403, anonymous=401, admin=200)


@maker("suggestion")
def make_scoped_suggestion(world, scope, actor):
    suggestion = make_suggestion(world.owner("same", None, Role.YOUTH), msgid="Ideas",
                                 text="ሓሳባትና")
    if actor is not None and scope != "other":
        make_reviewer(actor, "ti" if scope == "own" else "am")
    return suggestion.id


@maker("reviewer")
def make_scoped_reviewer(world, scope, actor):
    return make_reviewer(world.owner(scope, actor, Role.YOUTH), "ti").id


def as_tigrinya_reviewer(world, scope, actor):
    """No body; the actor reviews Tigrinya, so the queue is theirs to see."""
    if actor is not None:
        make_reviewer(actor, "ti")


def grant_to_myself(world, scope, actor):
    return {"username": actor.username if actor else "nobody", "language": "ti"}


CASES = [
    Case("GET", "/api/v1/ui-texts", by_role(422, anonymous=401),
         note="?language= is required (the matrix sends no query)"),
    Case("GET", "/api/v1/ui-texts/review-languages", LOGGED_IN),
    Case("POST", "/api/v1/ui-texts/suggestions", by_role(201, anonymous=401),
         body=suggestion_body()),
    Case("GET", "/api/v1/ui-texts/suggestions", LOGGED_IN, body=as_tigrinya_reviewer),
    Case("PATCH", "/api/v1/ui-texts/suggestions/{suggestion}", {
        "own": by_role(200, anonymous=401),
        "same": by_role(404, anonymous=401),
        "other": by_role(403, anonymous=401),
    }, body={"status": "accepted"}),
    Case("GET", "/api/v1/ui-texts/reviewers", ADMINS),
    Case("POST", "/api/v1/ui-texts/reviewers", by_role(403, anonymous=401, admin=201),
         body=grant_to_myself),
    Case("DELETE", "/api/v1/ui-texts/reviewers/{reviewer}",
         by_role(403, anonymous=401, admin=204)),
]
