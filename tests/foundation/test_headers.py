"""Security headers on every response (API and PWA); no-store on authenticated API responses."""

import pytest

from tests.conftest import ApiClient, make_app


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_security_headers(response):
    csp = directives(response.headers["Content-Security-Policy"])
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert not [s for s in scripts if s in {"*", "data:", "http:", "https:"}]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"no-referrer", "same-origin",
                                                   "strict-origin-when-cross-origin"}


@pytest.fixture
def pwa_app(database_url, tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<!doctype html><script type="module" '
                                         'src="/assets/app.js"></script>')
    (tmp_path / "assets" / "app.js").write_text("console.log('hi')")
    app = make_app(database_url, PWA_DIST=str(tmp_path))
    app.test_client_class = ApiClient
    return app


API_REQUESTS = [
    ("GET", "/api/v1/health", None, 200),
    ("GET", "/api/v1/languages", None, 200),
    ("GET", "/api/v1/openapi.json", None, 200),
    ("GET", "/api/v1/me", None, 401),
    ("GET", "/api/v1/nothing", None, 404),
    ("PUT", "/api/v1/me", {}, 405),
    ("POST", "/api/v1/auth/login", {}, 422),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), API_REQUESTS)
def test_api_responses_carry_the_security_headers(client, method, path, body, status):
    response = client.open(path, method=method, json=body)
    assert response.status_code == status
    assert_security_headers(response)


@pytest.mark.parametrize(("path", "cache"), [
    ("/", "no-cache"), ("/activities/12", "no-cache"), ("/assets/app.js", "immutable")])
def test_pwa_responses_carry_the_security_headers(pwa_app, path, cache):
    response = pwa_app.test_client().get(path)
    assert response.status_code == 200
    assert_security_headers(response)
    assert cache in response.headers["Cache-Control"]


def test_pwa_not_built_still_has_the_headers(database_url, tmp_path):
    app = make_app(database_url, PWA_DIST=str(tmp_path / "missing"))
    response = app.test_client().get("/")
    assert response.status_code == 503
    assert_security_headers(response)


def test_authenticated_api_responses_are_not_stored(factory, client):
    user = factory.user("youth", factory.municipality())
    client.login_as(user)
    for response in (client.get("/api/v1/me"), client.get("/api/v1/languages"),
                     client.patch("/api/v1/me", json={"display_name": "X"}),
                     client.patch("/api/v1/me", json={"bogus": 1}),
                     client.get("/api/v1/me/export")):
        assert response.headers["Cache-Control"] == "no-store", response.request.path
        assert "Cookie" in response.headers.get("Vary", "")
        assert_security_headers(response)


def test_login_response_is_not_stored(factory, client):
    user = factory.user("youth", factory.municipality())
    response = client.post("/api/v1/auth/login",
                           json={"username": user.username, "password": "correct-horse-42"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
