"""Idempotency-Key: a replayed sign-up or cancellation has its effect exactly once."""

import pytest
from meedoen.activities.models import Activity, Signup, SignupStatus
from meedoen.auth.models import Role
from meedoen.core.idempotency import IdempotencyKey
from meedoen.events.models import Event
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.activities.helpers import all_at_once, make_activity


@pytest.fixture
def town(factory):
    return factory.municipality("Tilburg")


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_replay_gets_the_first_answer(client, factory, town):
    activity = make_activity(town, capacity=1)
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    path = f"/api/v1/activities/{activity.id}/signup"
    first = client.post(path, headers={"Idempotency-Key": "offline-1"})
    again = client.post(path, headers={"Idempotency-Key": "offline-1"})
    assert first.status_code == again.status_code == 200
    assert first.get_json() == again.get_json() == {"activity_id": activity.id,
                                                    "status": "confirmed", "position": None}
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    cancel = client.delete(path, headers={"Idempotency-Key": "offline-2"})
    assert cancel.get_json()["status"] == "cancelled"
    # An old sign-up replayed after the cancel must not sign up again.
    assert client.post(path, headers={"Idempotency-Key": "offline-1"}).get_json() == \
        first.get_json()
    assert _count(Signup, Signup.status == SignupStatus.CONFIRMED) == 0


def test_same_key_for_a_different_request_is_refused(client, factory, town):
    first_activity, second_activity = make_activity(town), make_activity(town)
    client.login_as(factory.user(Role.YOUTH, town))
    headers = {"Idempotency-Key": "k-1"}
    client.post(f"/api/v1/activities/{first_activity.id}/signup", headers=headers)
    for method, activity, body in (("POST", second_activity, None),
                                   ("DELETE", first_activity, None),
                                   ("POST", first_activity, {"note": "x"})):
        response = client.open(f"/api/v1/activities/{activity.id}/signup", method=method,
                               headers=headers, json=body)
        assert response.status_code == 422, (method, body)
        assert response.get_json()["code"] == "idempotency_key_reused"
    assert _count(Signup) == 1


def test_keys_belong_to_one_user(client, factory, town):
    activity = make_activity(town)
    for user in (factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)):
        client.login_as(user)
        client.post(f"/api/v1/activities/{activity.id}/signup",
                    headers={"Idempotency-Key": "same"})
    assert _count(Signup, Signup.status == SignupStatus.CONFIRMED) == 2


@pytest.mark.parametrize("key", ["", "x" * 101, "met spatie", "ü"])
def test_malformed_keys_are_refused(client, factory, town, key):
    activity = make_activity(town)
    client.login_as(factory.user(Role.YOUTH, town))
    response = client.post(f"/api/v1/activities/{activity.id}/signup",
                           headers={"Idempotency-Key": key})
    assert response.status_code == 422
    assert _count(Signup) == 0


def test_a_failed_request_keeps_no_key(client, factory, town):
    activity = make_activity(town, status="cancelled")
    client.login_as(factory.user(Role.YOUTH, town))
    response = client.post(f"/api/v1/activities/{activity.id}/signup",
                           headers={"Idempotency-Key": "try-1"})
    assert response.status_code == 409
    assert _count(IdempotencyKey) == 0 and _count(Signup) == 0


def _replay_concurrently(make_client, user, method, path, key, times=100):
    def replay(client):
        response = client.open(path, method=method, headers={"Idempotency-Key": key})
        return response.status_code, response.get_json()

    return all_at_once(replay, [make_client().login_as(user) for _ in range(times)])


def test_100_concurrent_replays_have_one_effect(make_client, factory, town):
    activity = make_activity(town, capacity=1)
    holder, waiting = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    path = f"/api/v1/activities/{activity.id}/signup"
    answers = _replay_concurrently(make_client, holder, "POST", path, "burst-signup")
    assert len(answers) == 100 and len({str(a) for a in answers}) == 1
    assert answers[0] == (200, {"activity_id": activity.id, "status": "confirmed",
                                "position": None})
    client = make_client()
    client.login_as(waiting)
    client.post(path)
    answers = _replay_concurrently(make_client, holder, "DELETE", path, "burst-cancel")
    assert len({str(a) for a in answers}) == 1 and answers[0][1]["status"] == "cancelled"
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).taken == 1
    assert _count(Event, Event.kind == "activity.promoted") == 1
    assert _count(IdempotencyKey) == 2
