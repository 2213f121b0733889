"""Funds and requests for support (issue 15).

Scopes: a request is ``own`` when the acting young person asked it (for staff: one in their
municipality); a fund and a markable mentor belong to the scope's municipality.
"""

from meedoen.auth.models import Role

from tests.authz import Case, by_role, maker
from tests.funds.helpers import fund_body, make_fund, make_request, request_body

LOGGED_IN = by_role(200, anonymous=401)
ADMIN_ONLY = by_role(403, anonymous=401, admin=200)
HANDLERS = by_role(403, anonymous=401, youth_worker=200, admin=200)


def request_scoped(ok: int) -> dict:
    """The young person: only their own; intermediaries: their municipality; the rest: 404."""
    here = by_role(404, anonymous=401, youth_worker=ok, admin=ok)
    return {"own": {**here, "youth": ok}, "same": here,
            "other": by_role(404, anonymous=401, admin=ok)}


@maker("fund")
def make_scoped_fund(world, scope, actor):
    return make_fund(world.municipality(scope)).id


@maker("markable")
def make_markable(world, scope, actor):
    return world.owner("same" if scope == "own" else scope, None, Role.MENTOR).id


@maker("support_request")
def make_scoped_request(world, scope, actor):
    return make_request(world.owner(scope, actor, Role.YOUTH)).id


def new_fund(world, scope, actor):
    return fund_body(municipality_id=world.home.id)


CASES = [
    Case("GET", "/api/v1/funds", LOGGED_IN),
    Case("POST", "/api/v1/funds", by_role(403, anonymous=401, admin=201), body=new_fund),
    Case("PATCH", "/api/v1/funds/{fund}", ADMIN_ONLY, body={"max_cents_per_year": 40000}),
    Case("GET", "/api/v1/funds/intermediaries", ADMIN_ONLY),
    Case("PUT", "/api/v1/funds/intermediaries/{markable}", ADMIN_ONLY),
    Case("DELETE", "/api/v1/funds/intermediaries/{markable}", ADMIN_ONLY),
    Case("POST", "/api/v1/support-requests", by_role(403, anonymous=401, youth=201),
         body=request_body()),
    Case("GET", "/api/v1/support-requests", {**HANDLERS, "youth": 200}),
    Case("GET", "/api/v1/support-requests/figures", HANDLERS),
    Case("GET", "/api/v1/support-requests/{support_request}", request_scoped(200)),
    Case("POST", "/api/v1/support-requests/{support_request}/steps", request_scoped(201),
         body={"kind": "message", "body": "Kun je het lidmaatschap sturen?"}),
]
