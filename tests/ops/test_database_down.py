"""The database down or overloaded: every API route answers 503 in the JSON error shape, in
the user's language, with Retry-After and a request id; nothing half-written; recovery on
its own. With a PostgreSQL server of the test's own that is really stopped and started."""

import re
import socket
import threading
import uuid

import pytest
import requests
from flask_babel import force_locale
from meedoen.activities.models import Activity, Signup
from meedoen.extensions import db
from meedoen.ops.unavailable import message
from sqlalchemy import create_engine, func, select, text

from tests.activities.helpers import make_activity
from tests.activities.server import gunicorn, session_cookie
from tests.conftest import ApiClient, make_app
from tests.factories import Factory
from tests.ops.pg import create_database, drop_database, own_postgres, wait_for  # noqa: F401

ALWAYS_UP = {("GET", "/api/v1/health/live")}  # answers without the database
NO_DATABASE = {("GET", "/api/v1/openapi.json")}  # a document built from the code


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nothing listens there


def _example_path(rule: str) -> str:
    path = re.sub(r"<int:[^>]+>", "1", rule)
    return re.sub(r"<[^>]+>", "x", path)


def _assert_unavailable(response, language: str, app) -> None:
    assert response.status_code == 503, (response.status_code, response.get_data(as_text=True))
    assert response.headers["Retry-After"] == str(app.config["UNAVAILABLE_RETRY_AFTER"])
    assert response.mimetype == "application/json"
    body = response.get_json()
    with app.test_request_context(), force_locale(language):
        expected = str(message())
    assert body["status"] == 503 and body["code"] == "unavailable"
    assert body["message"] == expected
    assert body["request_id"] == response.headers["X-Request-ID"]


def test_every_api_route_answers_503_when_the_database_does_not_answer():
    url = f"postgresql://postgres@127.0.0.1:{_dead_port()}/meedoen"
    app = make_app(url, UNAVAILABLE_RETRY_AFTER=7)
    app.test_client_class = ApiClient
    client = app.test_client()
    # Logged in: the user is loaded from the database before anything else.
    with client.session_transaction() as session:
        session.update({"_user_id": "a-session-token", "_fresh": True, "iat": 0, "seen": 0})
    with app.test_request_context(), force_locale("ar"):
        assert str(message()) != message.__doc__  # translated (the docstring is the English)
    tried = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            path = _example_path(rule.rule)
            response = client.open(path, method=method, headers={"Accept-Language": "ar"},
                                   json={} if method != "GET" else None)
            tried += 1
            if (method, rule.rule) in ALWAYS_UP | NO_DATABASE:
                assert response.status_code in {200, 503}, (method, path)
                continue
            _assert_unavailable(response, "ar", app)
    assert tried > 60
    # Not logged in: routes that need the database say so too (?lang= chooses the language).
    anonymous = app.test_client()
    _assert_unavailable(anonymous.get("/api/v1/health?lang=ti"), "ti", app)
    _assert_unavailable(anonymous.post("/api/v1/auth/login?lang=fa", json={
        "username": "someone", "password": "a long password"},
        headers={"X-Requested-With": "fetch"}), "fa", app)
    assert anonymous.get("/api/v1/health/live").status_code == 200


@pytest.fixture
def own_database(own_postgres):  # noqa: F811
    name = f"meedoen_ops_{uuid.uuid4().hex[:8]}"
    url = create_database(own_postgres, name)
    app = make_app(url)
    with app.app_context():
        db.create_all()
    yield own_postgres, url, app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if not own_postgres_is_up(own_postgres):
        own_postgres.start()
    drop_database(own_postgres, name)


def own_postgres_is_up(server) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=1):
            return True
    except OSError:
        return False


def _signups(url: str, activity_id: int) -> int:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Signup.__table__)
                               .where(Signup.activity_id == activity_id))
    finally:
        engine.dispose()


def test_postgres_stopped_and_started_under_gunicorn(own_database, monkeypatch):
    server, url, app = own_database
    with app.app_context():
        factory = Factory()
        town = factory.municipality()
        youth = factory.user("youth", town, ui_language="ti")
        activity = make_activity(town, capacity=5)
        cookie = session_cookie(app, youth)
        activity_id = activity.id
    monkeypatch.setenv("DATABASE_CONNECT_TIMEOUT", "2")
    monkeypatch.setenv("UNAVAILABLE_RETRY_AFTER", "3")
    headers = {"Cookie": f"meedoen_session={cookie}", "X-Requested-With": "fetch",
               "Accept-Language": "so"}
    with gunicorn(url, app.config["SECRET_KEY"], workers=2, threads=4) as base:
        assert requests.get(f"{base}/api/v1/activities", headers=headers,
                            timeout=10).status_code == 200
        server.stop()
        answers = [requests.get(f"{base}/api/v1/activities", headers=headers, timeout=10),
                   requests.get(f"{base}/api/v1/me", headers=headers, timeout=10),
                   requests.post(f"{base}/api/v1/activities/{activity_id}/signup",
                                 headers=headers, timeout=10),
                   requests.get(f"{base}/api/v1/languages", headers=headers, timeout=10),
                   requests.get(f"{base}/api/v1/health", timeout=10)]
        for response in answers:
            assert response.status_code == 503, response.text
            assert response.headers["Content-Type"].startswith("application/json")
            assert response.headers["Retry-After"] == "3"
            body = response.json()
            assert body["code"] == "unavailable"
            assert body["request_id"] == response.headers["X-Request-ID"]
        with app.test_request_context(), force_locale("so"):
            assert answers[0].json()["message"] == str(message())
        ready = requests.get(f"{base}/api/v1/health/ready", timeout=10)
        assert ready.status_code == 503
        assert "database" in ready.json()["failing"]
        assert ready.json()["checks"]["database"] == {"ok": False, "reason": "unreachable",
                                                      "required": True}
        assert requests.get(f"{base}/api/v1/health/live", timeout=10).json() == {"status": "ok"}

        server.start()
        recovered = wait_for(lambda: requests.get(f"{base}/api/v1/activities", headers=headers,
                                                  timeout=10).status_code == 200, timeout=5)
        assert recovered, "the app did not recover within 5 s of PostgreSQL coming back"
        # Nothing half-written during the outage; the sign-up works now.
        assert _signups(url, activity_id) == 0
        signup = requests.post(f"{base}/api/v1/activities/{activity_id}/signup",
                               headers=headers, timeout=10)
        assert signup.status_code == 200, signup.text
        assert _signups(url, activity_id) == 1


def test_a_statement_that_waits_too_long_is_cancelled_with_503(own_database):
    _server, url, _ = own_database
    app = make_app(url, DATABASE_STATEMENT_TIMEOUT_MS=700)
    app.test_client_class = ApiClient
    with app.app_context():
        assert db.session.scalar(text("SHOW statement_timeout")) == "700ms"
        factory = Factory()
        town = factory.municipality()
        youth = factory.user("youth", town)
        activity_id = make_activity(town, capacity=5).id
        client = app.test_client().login_as(youth)
        db.session.remove()
    # Another connection holds the activity's row (an overloaded or stuck database).
    holder = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    release = threading.Event()
    locked = threading.Event()

    def hold():
        with holder.begin() as conn:
            conn.execute(text("SELECT id FROM activity WHERE id = :id FOR UPDATE"),
                         {"id": activity_id})
            locked.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert locked.wait(10)
        response = client.post(f"/api/v1/activities/{activity_id}/signup")
        _assert_unavailable(response, "nl", app)
    finally:
        release.set()
        thread.join()
        holder.dispose()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Signup)) == 0
        assert db.session.get(Activity, activity_id).taken == 0
    assert client.post(f"/api/v1/activities/{activity_id}/signup").status_code == 200
    with app.app_context():
        db.engine.dispose()


def test_if_even_the_error_handler_fails_the_answer_is_still_json(database_url):
    """The last resort outside Flask: never the server's HTML page."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    app = make_app(database_url, TESTING=False)

    def broken_handler(error):
        raise OperationalError("SELECT 1", {}, psycopg.OperationalError("server closed"))

    app.error_handler_spec[None][None] = {}  # the app's handlers fail too (here: are replaced)
    app.register_error_handler(Exception, broken_handler)
    response = app.test_client().get("/api/v1/no-such-route", headers={"Accept-Language": "fa"})
    assert response.status_code == 503
    body = response.get_json()
    assert body["code"] == "unavailable"
    assert body["request_id"] == response.headers["X-Request-ID"]
    assert response.headers["Retry-After"] == str(app.config["UNAVAILABLE_RETRY_AFTER"])
    with app.test_request_context(), force_locale("fa"):
        assert body["message"] == str(message())


def _served_by_a_wsgi_server(app, path: str, language: str = "fa"):
    """The app run by wsgiref's handler, which takes start_response as PEP 3333 says (and as
    gunicorn does): a second call without the error is refused. Returns (status, headers, body)."""
    import io
    from wsgiref.handlers import SimpleHandler
    from wsgiref.util import setup_testing_defaults

    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_ACCEPT_LANGUAGE": language}
    setup_testing_defaults(environ)
    out = io.BytesIO()
    SimpleHandler(io.BytesIO(), out, io.StringIO(), environ).run(app)
    head, _, body = out.getvalue().partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def _lost_connection():
    import psycopg
    from sqlalchemy.exc import OperationalError

    return OperationalError("ROLLBACK", {}, psycopg.OperationalError("server closed"))


def test_a_failure_after_the_answer_began_is_still_the_json_503(database_url):
    """The connection dies in a teardown, after Flask called start_response (prodlike saw
    gunicorn's HTML page once in 395 requests): the last resort must pass the error along."""
    import json

    app = make_app(database_url, TESTING=False)

    @app.teardown_request
    def connection_lost_at_the_end(_error):
        raise _lost_connection()

    status, headers, body = _served_by_a_wsgi_server(app, "/api/v1/languages")
    app.teardown_request_funcs[None].remove(connection_lost_at_the_end)
    assert status == 503, body
    assert headers["Content-Type"] == "application/json"
    assert headers["Retry-After"] == str(app.config["UNAVAILABLE_RETRY_AFTER"])
    answer = json.loads(body)
    assert answer["code"] == "unavailable" and answer["request_id"] == headers["X-Request-ID"]
    with app.test_request_context(), force_locale("fa"):
        assert answer["message"] == str(message())


def test_a_session_whose_rollback_fails_at_the_end_keeps_the_finished_answer(database_url):
    """Closing the request's session on a dead connection drops the session, not the answer."""
    app = make_app(database_url, TESTING=False)
    closed = []

    @app.before_request
    def break_the_sessions_close():
        session = db.session()

        def close():
            closed.append(session)
            raise _lost_connection()

        session.close = close

    status, _, body = _served_by_a_wsgi_server(app, "/api/v1/languages")
    assert status == 200, body
    assert closed, "the session was not closed at the end of the request"
    with app.app_context():
        assert db.session() is not closed[0]  # a fresh session for the next request
