"""The OpenAPI document at /api/v1/openapi.json and GET /health's database round trip."""

import re

from meedoen.extensions import db
from sqlalchemy import event

from tests.conftest import make_app
from tests.foundation.helpers import assert_error

FOUNDATION_PATHS = {
    "/api/v1/health": {"get"}, "/api/v1/languages": {"get"}, "/api/v1/categories": {"get"},
    "/api/v1/auth/login": {"post"}, "/api/v1/auth/logout": {"post"},
    "/api/v1/auth/redeem": {"post"}, "/api/v1/me": {"get", "patch", "delete"},
    "/api/v1/me/export": {"get"}, "/api/v1/invites": {"post"}, "/api/v1/users": {"get"},
}


def test_openapi_lists_the_main_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Meedoen API"
    for path, methods in FOUNDATION_PATHS.items():
        assert path in document["paths"], path
        assert methods <= set(document["paths"][path]), path


def test_openapi_lists_every_api_route(app, client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint.startswith("api-docs"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        assert path in paths, path
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in paths[path], (method, path)


def test_openapi_documents_id_bounds(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    parameter = paths["/api/v1/users/{user_id}"]["parameters"][0]
    assert parameter["schema"] == {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}


def test_health_does_a_real_database_round_trip(app, client):
    statements = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        response = client.get("/api/v1/health")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert response.status_code == 200
    assert response.json == {"status": "ok"}
    assert "SELECT 1" in statements


def test_health_is_503_when_the_database_does_not_answer(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'no-such-folder' / 'meedoen.db'}")
    response = app.test_client().get("/api/v1/health")
    assert_error(response, 503, "unavailable")
