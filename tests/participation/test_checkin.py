"""Check-in rules: the time window, capacity for walk-ins, twice, another activity's code,
an expired or forged QR, the organiser's taps, and the offline replay."""

from datetime import timedelta

import pytest
from meedoen.activities.models import Activity, Signup
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.participation import codes
from meedoen.participation.models import Checkin
from sqlalchemy import func, select

from tests.activities.helpers import make_activity
from tests.participation.helpers import running_activity, sign_up


@pytest.fixture
def town(factory):
    return factory.municipality("Tilburg")


def _count(*where) -> int:
    return db.session.scalar(select(func.count()).select_from(Checkin).where(*where))


def _code(client, staff, activity) -> dict:
    client.login_as(staff)
    return client.get(f"/api/v1/activities/{activity.id}/checkin-code").get_json()


def _check_in(client, youth, activity, code, key=None):
    client.login_as(youth)
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(f"/api/v1/activities/{activity.id}/checkins", json={"code": code},
                       headers=headers)


def test_youth_checks_in_with_the_qr_text_and_with_the_short_code(client, factory, town,
                                                                    clock):
    activity = running_activity(town, capacity=10)
    first, second = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    sign_up(activity, first, second)
    code = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)
    assert len(code["code"]) == 6 and code["qr"].startswith(f"meedoen:checkin:{activity.id}:")
    by_qr = _check_in(client, first, activity, code["qr"])
    by_typing = _check_in(client, second, activity, f" {code['code'].lower()} ")
    assert by_qr.status_code == by_typing.status_code == 200
    assert by_qr.get_json() | {"checked_in_at": None} == {
        "activity_id": activity.id, "user_id": first.id, "method": "code", "walk_in": False,
        "helped": False, "already": False, "checked_in_at": None}
    assert _count() == 2


def test_twice_is_one_check_in(client, factory, town, clock):
    activity = running_activity(town)
    youth = factory.user(Role.YOUTH, town)
    sign_up(activity, youth)
    code = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)["code"]
    assert _check_in(client, youth, activity, code).get_json()["already"] is False
    again = _check_in(client, youth, activity, code)
    assert again.status_code == 200 and again.get_json()["already"] is True
    assert _count() == 1


@pytest.mark.parametrize(("moved", "status", "error"), [
    (timedelta(minutes=-31), 409, "checkin_not_open"),
    (timedelta(minutes=-29), 200, None),
    (timedelta(minutes=119), 200, None),
    (timedelta(minutes=121), 409, "checkin_closed"),
])
def test_the_time_window(client, factory, town, clock, moved, status, error):
    activity = running_activity(town)
    youth = factory.user(Role.YOUTH, town)
    sign_up(activity, youth)
    code = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)["code"]
    clock.move_to(activity.starts_at + moved)
    response = _check_in(client, youth, activity, code)
    assert response.status_code == status
    assert (response.get_json().get("code") if error else None) == error


def test_forged_expired_and_other_activities_codes_are_refused(client, factory, town, clock):
    activity, other = running_activity(town), running_activity(town)
    youth = factory.user(Role.YOUTH, town)
    sign_up(activity, youth)
    staff = factory.user(Role.YOUTH_WORKER, town)
    real = _code(client, staff, activity)["qr"]
    forged = real[:-3] + ("AAA" if not real.endswith("AAA") else "BBB")
    _, _, activity_id, expires, signature = real.split(":")
    later = f"meedoen:checkin:{activity_id}:{int(expires) + 3600}:{signature}"
    cases = {forged: "invalid_code", later: "invalid_code", "ZZZZZZ": "invalid_code",
             "meedoen:checkin:1:2": "invalid_code",
             _code(client, staff, other)["qr"]: "other_activity",
             _code(client, staff, other)["code"]: "invalid_code"}
    for code, expected in cases.items():
        response = _check_in(client, youth, activity, code)
        assert (response.status_code, response.get_json()["code"]) == (422, expected), code
    clock.move_to(activity.ends_at + timedelta(minutes=1))
    expired = _check_in(client, youth, activity, real)
    assert (expired.status_code, expired.get_json()["code"]) == (409, "checkin_closed")
    assert _count() == 0


def test_a_code_from_before_the_activity_moved_no_longer_works(client, factory, town, clock):
    activity = running_activity(town)
    youth = factory.user(Role.YOUTH, town)
    sign_up(activity, youth)
    old = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)
    activity.ends_at += timedelta(hours=1)
    db.session.commit()
    for code in (old["qr"], old["code"]):
        assert _check_in(client, youth, activity, code).status_code in (409, 422)
    assert _count() == 0


def test_walk_ins_take_a_free_place_and_are_refused_when_full(client, factory, town, clock):
    activity = running_activity(town, capacity=2)
    going = factory.user(Role.YOUTH, town)
    sign_up(activity, going)
    code = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)["code"]
    walk_in, too_many = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    first = _check_in(client, walk_in, activity, code)
    assert first.status_code == 200 and first.get_json()["walk_in"] is True
    full = _check_in(client, too_many, activity, code)
    assert (full.status_code, full.get_json()["code"]) == (409, "activity_full")
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).taken == 2
    assert db.session.scalar(select(func.count()).select_from(Signup)
                             .where(Signup.user_id == too_many.id)) == 0
    assert _count() == 1


def test_youth_of_another_municipality_cannot_check_in(client, factory, town, clock):
    activity = running_activity(town)
    stranger = factory.user(Role.YOUTH, factory.municipality())
    response = _check_in(client, stranger, activity, codes.short_code(activity))
    assert response.status_code == 404 and _count() == 0


def test_organiser_taps_here_for_signed_up_people_only(client, factory, town, clock):
    activity = running_activity(town)
    here, not_signed_up = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    sign_up(activity, here)
    mentor = factory.user(Role.MENTOR, town)
    client.login_as(mentor)
    path = f"/api/v1/activities/{activity.id}/checkins"
    tapped = client.post(path, json={"user_id": here.id, "helped": True})
    assert tapped.status_code == 200 and tapped.get_json()["method"] == "organiser"
    assert client.post(path, json={"user_id": here.id}).get_json()["already"] is True
    refused = client.post(path, json={"user_id": not_signed_up.id})
    assert (refused.status_code, refused.get_json()["code"]) == (404, "not_signed_up")
    listed = client.get(path).get_json()
    assert [(p["display_name"], p["here"], p["helped"]) for p in listed] == [
        (here.display_name, True, True)]
    youth_tries = client.login_as(here).post(path, json={"user_id": here.id})
    assert youth_tries.status_code == 403


@pytest.mark.parametrize("body", [{}, {"code": "x", "user_id": 1}, {"user_id": "1"},
                                  {"code": "a" * 121}, {"code": "\x00"}, {"helped": True},
                                  {"user_id": 2**40}, {"extra": 1}])
def test_bad_bodies_are_422(client, factory, town, clock, body):
    activity = running_activity(town)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    response = client.post(f"/api/v1/activities/{activity.id}/checkins", json=body)
    assert response.status_code == 422 and _count() == 0


def test_offline_replay_checks_in_once(client, factory, town, clock):
    """The PWA queues a check-in made offline with an Idempotency-Key and sends it (maybe
    twice: page and service worker) when back online."""
    activity = running_activity(town)
    youth = factory.user(Role.YOUTH, town)
    code = _code(client, factory.user(Role.YOUTH_WORKER, town), activity)["qr"]
    first = _check_in(client, youth, activity, code, key="queued-1")
    again = _check_in(client, youth, activity, code, key="queued-1")
    assert first.get_json() == again.get_json() and again.get_json()["walk_in"] is True
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _count() == 1


def test_turnout_over_the_series(client, factory, town, clock):
    youth = [factory.user(Role.YOUTH, town) for _ in range(3)]
    worker = factory.user(Role.YOUTH_WORKER, town)
    week = timedelta(days=7)
    body = {"category": "sport", "venue_name": "Sporthal", "original_language": "nl",
            "starts_at": "2026-11-16T17:00:00+00:00", "ends_at": "2026-11-16T19:00:00+00:00",
            "texts": {"nl": {"title": "Voetbal"}},
            "repeat": {"every_weeks": 1, "until": "2026-12-07"}}
    clock.move_to("2026-11-10T12:00:00+00:00")
    client.login_as(worker)
    items = client.post("/api/v1/activities", json=body).get_json()["items"]
    occurrences = [db.session.get(Activity, item["id"]) for item in items]
    for occurrence in occurrences[:2]:
        sign_up(occurrence, *youth)
    clock.move_to(occurrences[0].starts_at + timedelta(minutes=5))
    client.login_as(worker)  # a fresh session after the clock jumped days
    path = f"/api/v1/activities/{occurrences[0].id}/checkins"
    for person in youth[:2]:
        client.post(path, json={"user_id": person.id})
    clock.move_to(occurrences[1].starts_at + timedelta(minutes=5))
    client.login_as(worker)
    client.post(f"/api/v1/activities/{occurrences[1].id}/checkins",
                json={"user_id": youth[0].id})
    turnout = client.get(f"/api/v1/activities/{occurrences[2].id}/turnout").get_json()
    assert [(t["signed_up"], t["here"], t["walk_ins"], t["past"]) for t in turnout] == [
        (3, 2, 0, True), (3, 1, 0, True), (0, 0, 0, False), (0, 0, 0, False)]
    assert occurrences[1].starts_at - occurrences[0].starts_at == week


def test_a_code_alone_finds_its_activity(client, factory, town, clock):
    activity, later = running_activity(town), make_activity(town)
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    for code, status in ((codes.short_code(later), 422), (codes.qr_text(later), 409),
                         (codes.short_code(activity).lower(), 200),
                         (codes.qr_text(activity), 200)):
        response = client.post("/api/v1/checkins", json={"code": code})
        assert response.status_code == status, code
    stranger = factory.user(Role.YOUTH, factory.municipality())
    client.login_as(stranger)
    for code in (codes.short_code(activity), codes.qr_text(activity)):
        assert client.post("/api/v1/checkins", json={"code": code}).status_code == 422
    assert _count() == 1
