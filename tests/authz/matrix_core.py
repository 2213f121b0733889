"""Foundation routes: health, languages, auth, me, users, invites, places."""

from meedoen.audit.models import AuditLog
from meedoen.extensions import db

from tests.authz import Case, by_role, maker
from tests.foundation.rows import build_row

ANY = by_role(200)
LOGGED_IN = by_role(200, anonymous=401)
MANAGERS = by_role(403, anonymous=401, mentor=200, youth_worker=200, admin=200)
STAFF = by_role(200, anonymous=401, youth=403)
ADMIN_ONLY = by_role(403, anonymous=401, admin=200)


@maker("user")
def make_user(world, scope, actor):
    return world.owner(scope, actor).id


# Columns an exporter reads as more than plain text.
REAL_VALUES = {"push_subscription": {"endpoint": "https://fcm.googleapis.com/fcm/send/e1"}}


def personal_data(world, scope, actor):
    """The actor has a row in every table that points at users (built from the metadata, so
    a new feature's table is in it), and an audit row about them: every export section has
    data (tests/privacy/test_export_schema.py checks it)."""
    if actor is None:
        return
    someone = world.owner("same", actor, "mentor")
    db.session.commit()
    connection = db.session.connection()
    users = db.metadata.tables["user"]
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is users:
                build_row(connection, table, actor.id,
                          {fk.parent.name: actor.id, **REAL_VALUES.get(table.name, {})})
    # A reply in someone else's question (answers_written: not in my own questions).
    question = build_row(connection, db.metadata.tables["question"], someone.id)
    build_row(connection, db.metadata.tables["question_message"], someone.id,
              {"question_id": question["id"], "author_id": actor.id})
    db.session.add(AuditLog(actor_id=someone.id, action="test.about",
                            details={"user_id": actor.id}))
    db.session.commit()


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
    Case("GET", "/api/v1/me/export", LOGGED_IN, setup=personal_data),
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
