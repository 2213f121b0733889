"""One place commits (meedoen.core.transaction): a request once after its view, background
work per ``committing()`` block; after-commit work runs only after a successful commit."""

import psycopg
import pytest
from flask import Blueprint, jsonify
from meedoen.core.errors import fail
from meedoen.core.transaction import after_commit, committing
from meedoen.extensions import db
from meedoen.places.models import Municipality
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.conftest import ApiClient, make_app
from tests.foundation.helpers import assert_error


def _stored() -> int:
    """Municipalities visible to another connection: what was really committed."""
    with db.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Municipality))


@pytest.fixture(scope="module")
def pipeline_app(database_url):
    app = make_app(database_url, PROPAGATE_EXCEPTIONS=False)
    app.test_client_class = ApiClient
    app.calls = []
    routes = Blueprint("transaction_test", __name__)

    def write_and_remember():
        db.session.add(Municipality(name="Tx", slug="tx"))
        db.session.flush()
        after_commit(lambda: app.calls.append(_stored()))

    @routes.post("/api/v1/_tx/ok")
    def ok():
        write_and_remember()
        return jsonify(done=True), 201

    @routes.post("/api/v1/_tx/crash")
    def crash():
        write_and_remember()
        raise RuntimeError("a bug")

    @routes.post("/api/v1/_tx/refuse")
    def refuse():
        write_and_remember()
        fail(409)

    @routes.post("/api/v1/_tx/answer-4xx")
    def answer_4xx():
        write_and_remember()
        return jsonify(status=422, code="no", message="no"), 422

    app.register_blueprint(routes)
    return app


@pytest.fixture
def tx_client(app, pipeline_app):  # `app`: the tables exist and are emptied after the test
    pipeline_app.calls.clear()
    with pipeline_app.app_context():
        yield pipeline_app.test_client()


def test_a_successful_request_commits_once_then_runs_its_after_commit_work(tx_client,
                                                                          pipeline_app):
    response = tx_client.post("/api/v1/_tx/ok", json={})
    assert response.status_code == 201
    assert _stored() == 1
    assert pipeline_app.calls == [1]  # ran once, and saw the row committed


@pytest.mark.parametrize(("path", "status"), [("crash", 500), ("refuse", 409),
                                              ("answer-4xx", 422)])
def test_an_error_or_a_4xx_writes_nothing_and_drops_the_after_commit_work(
        tx_client, pipeline_app, path, status):
    response = tx_client.post(f"/api/v1/_tx/{path}", json={})
    assert response.status_code == status
    assert _stored() == 0
    assert pipeline_app.calls == []
    assert tx_client.post("/api/v1/_tx/ok", json={}).status_code == 201  # the next one works
    assert pipeline_app.calls == [1]


def test_a_failing_commit_is_the_json_503_and_runs_no_after_commit_work(
        tx_client, pipeline_app, monkeypatch):
    def database_gone(self):
        raise OperationalError("COMMIT", {}, psycopg.OperationalError("server closed"))

    monkeypatch.setattr(Session, "commit", database_gone)
    response = tx_client.post("/api/v1/_tx/ok", json={})
    body = assert_error(response, 503, "unavailable")
    assert body["message"]
    assert response.headers["Retry-After"] == str(pipeline_app.config["UNAVAILABLE_RETRY_AFTER"])
    monkeypatch.undo()
    assert _stored() == 0
    assert pipeline_app.calls == []


def test_background_work_commits_per_committing_block(app, app_ctx):
    calls = []
    with committing():
        db.session.add(Municipality(name="Job", slug="job"))
        after_commit(lambda: calls.append(_stored()))
        assert _stored() == 0  # not before the block ends
    assert calls == [1]
    with pytest.raises(RuntimeError), committing():
        db.session.add(Municipality(name="Half", slug="half"))
        db.session.flush()
        after_commit(lambda: calls.append("never"))
        raise RuntimeError("the job failed")
    assert _stored() == 1
    assert calls == [1]


def test_the_same_after_commit_work_runs_once_per_transaction(app, app_ctx):
    calls = []

    def wake():
        calls.append("wake")

    with committing():
        after_commit(wake)
        after_commit(wake)
    assert calls == ["wake"]


def test_the_logged_in_user_is_read_once_per_request(client, factory):
    """The request's commit keeps loaded objects: the security headers after it do not read
    the user again (one SELECT on the user table, not two)."""
    from sqlalchemy import event

    town = factory.municipality()
    youth = factory.user("youth", town)
    db.session.commit()
    client.login_as(youth)
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get("/api/v1/me").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    reads_of_user = [s for s in statements if 'FROM "user"' in s or "FROM user " in s]
    assert len(reads_of_user) == 1, statements
