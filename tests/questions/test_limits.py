"""Limits per young person on questions and replies (issue 13: 30 questions in a second each
reached three helpers): 429 with Retry-After and a message in the asker's language, counted in
the database so every app server agrees, and nothing stored for a refused question."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace

import pytest
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionMessage
from sqlalchemy import func, select

from tests.conftest import ApiClient
from tests.foundation.helpers import assert_error
from tests.questions import test_questions

people, town = test_questions.people, test_questions.town  # the same fixtures
BODY = {"topic": "work", "body": "Hoe vind ik een bijbaan naast school?"}


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_questions_are_limited_per_young_person(app, client, people, clock):
    client.login_as(people["youth"])
    statuses = [client.post("/api/v1/questions", json=BODY).status_code for _ in range(5)]
    assert statuses == [201, 201, 201, 429, 429]  # QUESTION_LIMITS: 3 per 10 minutes
    refused = client.post("/api/v1/questions?lang=ar", json=BODY)
    body = assert_error(refused, 429, "too_many_questions")
    assert 0 < int(refused.headers["Retry-After"]) <= 600
    english = assert_error(client.post("/api/v1/questions?lang=en", json=BODY), 429)
    assert body["message"] != english["message"]  # in the asker's language
    assert count(Question) == 3  # nothing stored for the refused ones
    clock.shift(timedelta(minutes=11))
    assert client.post("/api/v1/questions", json=BODY).status_code == 201
    # Someone else is not affected.
    client.login_as(people["other_youth"])
    assert client.post("/api/v1/questions", json=BODY).status_code == 201


def test_the_daily_limit_on_questions(app, client, people, clock):
    client.login_as(people["youth"])
    answers = []
    for _ in range(4):
        answers += [client.post("/api/v1/questions", json=BODY).status_code for _ in range(3)]
        clock.shift(timedelta(minutes=11))
    assert answers.count(201) == 10 and answers[-2:] == [429, 429]  # 10 per day
    refused = client.post("/api/v1/questions", json=BODY)
    assert_error(refused, 429, "too_many_questions")
    assert 3600 < int(refused.headers["Retry-After"]) <= 24 * 3600


def test_thirty_questions_at_once_do_not_get_through(app, people):
    app.test_client_class = ApiClient
    youth = SimpleNamespace(session_token=people["youth"].session_token)

    def ask(_):
        with app.app_context(), app.test_client() as client:
            client.login_as(youth)
            return client.post("/api/v1/questions", json=BODY).status_code

    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(ask, range(30)))
    assert statuses.count(201) == 3 and statuses.count(429) == 27, statuses
    assert count(Question) == 3


def test_replies_are_limited_per_young_person(app, client, people, clock, monkeypatch):
    monkeypatch.setitem(app.config, "REPLY_LIMITS", "4 per 10 minutes; 60 per day")
    client.login_as(people["youth"])
    first = client.post("/api/v1/questions", json=BODY).get_json()["id"]
    second = client.post("/api/v1/questions", json=BODY).get_json()["id"]
    reply = {"body": "Dank je!"}
    statuses = [client.post(f"/api/v1/questions/{qid}/replies", json=reply).status_code
                for qid in (first, second, first, second, first)]
    assert statuses == [201, 201, 201, 201, 429]  # over all their questions
    refused = client.post(f"/api/v1/questions/{second}/replies", json=reply)
    assert_error(refused, 429, "too_many_replies")
    assert int(refused.headers["Retry-After"]) > 0
    assert count(QuestionMessage) == 4
    # The helpers' answers are not counted against the young person.
    client.login_as(people["coach"])
    assert client.post(f"/api/v1/questions/{first}/answers",
                       json={"body": "Kom langs op dinsdag."}).status_code == 201


@pytest.mark.parametrize("setting", ["QUESTION_LIMITS", "REPLY_LIMITS"])
def test_the_limits_are_settings(app, setting):
    from limits import parse_many

    assert parse_many(app.config[setting])  # flask-limiter's notation
