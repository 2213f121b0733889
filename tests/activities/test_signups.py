"""Signing up, cancelling, the waiting list, and what signed-up youth are told."""

import pytest
from flask_babel import force_locale
from meedoen.activities.models import Activity, ActivityStatus, Signup
from meedoen.auth.models import Role
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from sqlalchemy import select

from tests.activities.helpers import make_activity, soon


@pytest.fixture
def town(factory):
    return factory.municipality("Amsterdam")


@pytest.fixture
def youths(factory, town):
    return [factory.user(Role.YOUTH, town, display_name=f"Jongere {n}") for n in range(4)]


def _sign_up(client, user, activity):
    client.login_as(user)
    return client.post(f"/api/v1/activities/{activity.id}/signup")


def _cancel(client, user, activity):
    client.login_as(user)
    return client.delete(f"/api/v1/activities/{activity.id}/signup")


def _statuses(activity) -> dict[int, str]:
    db.session.expire_all()
    return {s.user_id: s.status.value for s in db.session.scalars(
        select(Signup).where(Signup.activity_id == activity.id))}


def _events(kind: str) -> list[Event]:
    return list(db.session.scalars(select(Event).where(Event.kind == kind)))


def test_waiting_list_and_promotion(client, town, youths):
    activity = make_activity(town, capacity=2)
    answers = [_sign_up(client, user, activity).get_json() for user in youths[:3]]
    assert [(a["status"], a["position"]) for a in answers] == [
        ("confirmed", None), ("confirmed", None), ("waitlisted", 1)]
    assert _sign_up(client, youths[3], activity).get_json()["position"] == 2
    again = _sign_up(client, youths[0], activity)
    assert again.status_code == 200 and again.get_json()["status"] == "confirmed"
    cancelled = _cancel(client, youths[0], activity)
    assert cancelled.status_code == 200 and cancelled.get_json()["status"] == "cancelled"
    assert _statuses(activity) == {youths[0].id: "cancelled", youths[1].id: "confirmed",
                                   youths[2].id: "confirmed", youths[3].id: "waitlisted"}
    assert db.session.get(Activity, activity.id).taken == 2
    [promoted] = _events("activity.promoted")
    assert promoted.user_id == youths[2].id and promoted.data == {"activity_id": activity.id}
    # Signing up again after cancelling: at the back of the queue.
    assert _sign_up(client, youths[0], activity).get_json() == {
        "activity_id": activity.id, "status": "waitlisted", "position": 2}


def test_leaving_the_waiting_list_frees_no_place(client, town, youths):
    activity = make_activity(town, capacity=1)
    for user in youths[:3]:
        _sign_up(client, user, activity)
    assert _cancel(client, youths[1], activity).get_json()["status"] == "cancelled"
    assert _statuses(activity)[youths[2].id] == "waitlisted"
    assert db.session.get(Activity, activity.id).taken == 1 and not _events("activity.promoted")
    assert _cancel(client, youths[1], activity).get_json()["status"] == "cancelled"


def test_last_one_out_returns_the_place(client, town, youths):
    activity = make_activity(town, capacity=3)
    _sign_up(client, youths[0], activity)
    _cancel(client, youths[0], activity)
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).taken == 0
    assert _cancel(client, youths[1], activity).status_code == 404


def test_unlimited_activity_confirms_everyone(client, town, youths):
    activity = make_activity(town, capacity=None)
    assert {_sign_up(client, u, activity).get_json()["status"] for u in youths} == {"confirmed"}


@pytest.mark.parametrize(("status", "starts_in_days", "expected"), [
    (ActivityStatus.CANCELLED, 3, 409), (ActivityStatus.DRAFT, 3, 404),
    (ActivityStatus.PUBLISHED, -2, 409),
])
def test_no_sign_up_for_closed_activities(client, town, youths, status, starts_in_days,
                                          expected):
    activity = make_activity(town, status=status, starts_at=soon(days=starts_in_days))
    response = _sign_up(client, youths[0], activity)
    assert response.status_code == expected
    assert db.session.scalars(select(Signup)).all() == []


def test_staff_cannot_sign_up_and_other_municipalities_are_not_found(client, factory, town):
    activity = make_activity(town)
    assert _sign_up(client, factory.user(Role.MENTOR, town), activity).status_code == 403
    stranger = factory.user(Role.YOUTH, factory.municipality())
    assert _sign_up(client, stranger, activity).status_code == 404


def test_organiser_sees_display_names(client, factory, town, youths):
    activity = make_activity(town, capacity=1)
    for user in youths[:2]:
        _sign_up(client, user, activity)
    _sign_up(client, youths[2], activity)
    _cancel(client, youths[2], activity)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    listed = client.get(f"/api/v1/activities/{activity.id}/signups").get_json()
    assert [(s["display_name"], s["status"]) for s in listed] == [
        ("Jongere 0", "confirmed"), ("Jongere 1", "waitlisted")]


def test_my_activities(client, town, youths):
    going = make_activity(town, {"nl": ("Gaat door", "")}, capacity=1)
    make_activity(town, {"nl": ("Niet ingeschreven", "")})
    left = make_activity(town, {"nl": ("Afgemeld", "")})
    full = make_activity(town, {"nl": ("Vol", "")}, capacity=1, starts_at=soon(days=5))
    _sign_up(client, youths[1], full)
    for activity in (going, left, full):
        _sign_up(client, youths[0], activity)
    _cancel(client, youths[0], left)
    client.login_as(youths[0])
    mine = client.get("/api/v1/me/activities?lang=en").get_json()
    assert [(m["text"]["title"], m["signup_status"]) for m in mine] == [
        ("Gaat door", "confirmed"), ("Vol", "waitlisted")]
    assert mine[0]["text"]["fallback"] is True


def test_more_places_promote_the_waiting_list(client, factory, town, youths):
    activity = make_activity(town, capacity=1)
    for user in youths[:3]:
        _sign_up(client, user, activity)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    assert client.patch(f"/api/v1/activities/{activity.id}",
                        json={"capacity": 2}).status_code == 200
    assert sorted(_statuses(activity).values()) == ["confirmed", "confirmed", "waitlisted"]
    assert client.patch(f"/api/v1/activities/{activity.id}",
                        json={"capacity": 1}).status_code == 422
    assert client.patch(f"/api/v1/activities/{activity.id}",
                        json={"capacity": None}).status_code == 200
    assert set(_statuses(activity).values()) == {"confirmed"}
    assert db.session.get(Activity, activity.id).taken == 3
    assert len(_events("activity.promoted")) == 2
    assert client.patch(f"/api/v1/activities/{activity.id}",
                        json={"status": "draft"}).status_code == 422


def test_changes_that_matter_are_told_to_signed_up_youth(client, factory, town, youths):
    activity = make_activity(town, {"nl": ("Voetbal", ""), "ar": ("كرة القدم", "")}, capacity=1)
    for user in youths[:2]:
        _sign_up(client, user, activity)
    _sign_up(client, youths[2], activity)
    _cancel(client, youths[2], activity)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    client.patch(f"/api/v1/activities/{activity.id}", json={"organiser": "Iemand anders"})
    assert _events("activity.changed") == []  # not a change that matters
    new_start = soon(days=6, hour=17)
    client.patch(f"/api/v1/activities/{activity.id}",
                 json={"starts_at": new_start.isoformat(), "venue_name": "Andere zaal",
                       "ends_at": soon(days=6, hour=19).isoformat()})
    changed = _events("activity.changed")
    assert sorted(e.user_id for e in changed) == [youths[0].id, youths[1].id]
    assert changed[0].data == {"activity_id": activity.id, "changes": ["time", "place"]}
    client.patch(f"/api/v1/activities/{activity.id}", json={"status": "cancelled"})
    cancelled = _events("activity.cancelled")
    db.session.expire_all()  # the requests ran in their own sessions
    assert sorted(e.user_id for e in cancelled) == [youths[0].id, youths[1].id]
    with force_locale("ar"):
        shown = render(cancelled[0])
    assert "كرة القدم" in shown["title"] and shown["url"] == f"/activities/{activity.id}"
    with force_locale("nl"):
        told = render(changed[0])
    assert "Voetbal" in told["title"] and "Andere zaal" in told["body"]
    with force_locale("en"):
        assert "Voetbal" in render(changed[0])["title"]


def test_promotion_message_in_the_recipients_language(client, town, youths):
    activity = make_activity(town, {"nl": ("Koken", ""), "ti": ("ምግቢ ምስራሕ", "")}, capacity=1)
    for user in youths[:2]:
        _sign_up(client, user, activity)
    _cancel(client, youths[0], activity)
    [event] = _events("activity.promoted")
    with force_locale("ti"):
        shown = render(event)
    assert "ምግቢ ምስራሕ" in shown["title"] and shown["body"]
    with force_locale("nl"):
        assert "Koken" in render(event)["title"]
