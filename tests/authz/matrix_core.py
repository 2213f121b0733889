"""Foundation routes: health, languages, auth, me, users, invites, places."""

from tests.authz import Case, by_role, maker

ANY = by_role(200)
LOGGED_IN = by_role(200, anonymous=401)
MANAGERS = by_role(403, anonymous=401, mentor=200, youth_worker=200, admin=200)
STAFF = by_role(200, anonymous=401, youth=403)
ADMIN_ONLY = by_role(403, anonymous=401, admin=200)


@maker("user")
def make_user(world, scope, actor):
    return world.owner(scope, actor).id


def invite_body(world, scope, actor):
    return {"role": "youth", "municipality_id": world.home.id}


CASES = [
    Case("GET", "/api/v1/health", ANY),
    Case("GET", "/api/v1/languages", ANY),
    Case("GET", "/api/v1/categories", ANY),
    Case("POST", "/api/v1/auth/login", by_role(422), body={}),
    Case("POST", "/api/v1/auth/logout", by_role(204)),
    Case("POST", "/api/v1/auth/redeem", by_role(422), body={"code": "AAAA-BBBB"}),
    Case("GET", "/api/v1/me", LOGGED_IN),
    Case("PATCH", "/api/v1/me", LOGGED_IN, body={"display_name": "Nieuw"}),
    # The world's one admin is the last admin, who may not leave (test_last_admin.py).
    Case("DELETE", "/api/v1/me", by_role(204, anonymous=401, admin=409)),
    Case("GET", "/api/v1/me/export", LOGGED_IN),
    Case("POST", "/api/v1/invites",
         by_role(403, anonymous=401, mentor=201, youth_worker=201, admin=201), body=invite_body),
    Case("GET", "/api/v1/users", MANAGERS),
    Case("PATCH", "/api/v1/users/{user}", {
        "own": ADMIN_ONLY, "same": ADMIN_ONLY, "other": ADMIN_ONLY,
    }, body={"active": True}),
    Case("GET", "/api/v1/municipalities", STAFF),
    Case("POST", "/api/v1/municipalities", by_role(403, anonymous=401, admin=201),
         body={"name": "Nieuwe Gemeente"}),
    Case("GET", "/api/v1/locations", STAFF),
    Case("POST", "/api/v1/locations", by_role(403, anonymous=401, admin=201),
         body=lambda world, scope, actor: {"municipality_id": world.home.id, "name": "Huis",
                                           "kind": "KWE"}),
]
