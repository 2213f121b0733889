"""Posting and managing activities: validation, sanitising, series, single occurrences."""

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from meedoen.activities.models import Activity, ActivitySeries, ActivityText
from meedoen.auth.models import Role
from meedoen.events.models import Event
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.activities.helpers import activity_body, make_activity, soon

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Series in March 2027 are in the allowed window only while the clock stands before them.
pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def town(factory):
    return factory.municipality("Tilburg")


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town)


def test_youth_worker_posts_activity_with_everything(client, worker, town):
    client.login_as(worker)
    body = activity_body(
        venue_address="Hoevenseweg 2, Tilburg", latitude=51.56, longitude=5.08, cost_cents=250,
        support_note="Het jeugdfonds betaalt", transport="pick_up", capacity=12,
        languages=["nl", "ar", "ti"], beginner_friendly=True, min_age=16, max_age=21,
        organiser="Jongerenwerk", contact_name="Rachid", contact_phone="+31 6 1234 5678",
        texts={"nl": {"title": "Kookavond", "description": "Samen koken"},
               "ar": {"title": "أمسية طبخ", "description": "نطبخ معًا"}})
    response = client.post("/api/v1/activities", json=body)
    assert response.status_code == 201, response.get_json()
    [shown] = response.get_json()["items"]
    assert shown["municipality_id"] == town.id and shown["status"] == "published"
    assert shown["free"] is False and shown["cost_cents"] == 250
    assert shown["transport"] == "pick_up" and shown["spots_left"] == 12
    assert shown["languages"] == ["nl", "ar", "ti"]
    assert shown["contact_name"] == "Rachid" and shown["texts"]["ar"]["title"] == "أمسية طبخ"
    assert shown["text"] == {"title": "Kookavond", "description": "Samen koken",
                             "language": "nl", "fallback": False, "original_language": "nl",
                             "available_languages": ["ar", "nl"], "translation": "original"}


def test_description_html_is_sanitised_with_a_short_allowlist(client, worker):
    client.login_as(worker)
    dirty = ('<p onclick="x()">Meer <a href="https://example.nl/info" style="color:red">info'
             '</a> <a href="javascript:alert(1)">klik</a><img src="https://tracker.example/p.gif">'
             '<script>alert(1)</script><iframe src="https://x.nl"></iframe><strong>!</strong></p>')
    body = activity_body(texts={"nl": {"title": "Titel <b>vet</b>", "description": dirty}})
    response = client.post("/api/v1/activities", json=body)
    description = response.get_json()["items"][0]["text"]["description"]
    assert "<img" not in description and "script" not in description
    assert "iframe" not in description and "onclick" not in description
    assert "style" not in description and "javascript" not in description
    assert '<a href="https://example.nl/info" rel="noopener noreferrer nofollow">' in description
    assert "<strong>!</strong>" in description
    # A title is plain text: stored as given, the client escapes it.
    assert response.get_json()["items"][0]["text"]["title"] == "Titel <b>vet</b>"


@pytest.mark.parametrize(("field", "value"), [
    ("category", "wizardry"), ("category", None), ("venue_name", ""), ("venue_name", "x" * 121),
    ("venue_name", "Zaal\x00"), ("texts", {}), ("texts", {"nl": {"title": "A\x00"}}),
    ("texts", {"nl": {"title": "x" * 121}}), ("texts", {"klingon-x": {"title": "Hallo"}}),
    ("texts", {"nl": {"title": "Titel", "extra": 1}}), ("original_language", "ar"),
    ("capacity", 0), ("capacity", 10_001), ("capacity", "12"), ("cost_cents", -1),
    ("latitude", 200), ("languages", ["xx-nope"]), ("languages", "nl"),
    ("min_age", 5), ("status", "deleted"), ("transport", "helicopter"),
    ("starts_at", "2026-12-01T18:00:00"), ("starts_at", "morgen"),
    ("starts_at", "9999-12-31T23:00:00+00:00"), ("ends_at", "2020-01-01T10:00:00+00:00"),
    ("contact_phone", "<script>"), ("repeat", {"every_weeks": 3, "until": "2027-01-01"}),
    ("repeat", {"every_weeks": 1, "until": "2030-01-01"}), ("municipality_id", 2**40),
    ("surprise", True),
])
def test_invalid_input_is_refused_without_writing(client, worker, field, value):
    client.login_as(worker)
    body = activity_body(**{field: value})
    if field == "min_age":
        body["max_age"] = 4
    response = client.post("/api/v1/activities", json=body)
    assert response.status_code in (403, 422), response.get_json()
    if response.status_code == 422:
        assert response.get_json()["code"] == "invalid_input"
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0


def test_ages_must_be_in_order(client, worker):
    client.login_as(worker)
    response = client.post("/api/v1/activities", json=activity_body(min_age=20, max_age=17))
    assert response.status_code == 422 and "max_age" in response.get_json()["fields"]


def test_weekly_series_keeps_the_amsterdam_time_across_summer_time(client, worker):
    client.login_as(worker)
    first = datetime(2027, 3, 16, 18, 30, tzinfo=AMSTERDAM)  # a Tuesday in winter time
    body = activity_body(starts_at=first, repeat={"every_weeks": 1, "until": "2027-04-06"})
    response = client.post("/api/v1/activities", json=body)
    assert response.status_code == 201, response.get_json()
    items = response.get_json()["items"]
    starts = [datetime.fromisoformat(item["starts_at"]) for item in items]
    assert [s.astimezone(AMSTERDAM).strftime("%a %d %H:%M") for s in starts] == [
        "Tue 16 18:30", "Tue 23 18:30", "Tue 30 18:30", "Tue 06 18:30"]
    assert [s.astimezone(UTC).hour for s in starts] == [17, 17, 16, 16]
    assert len({item["series_id"] for item in items}) == 1
    assert all(item["texts"]["nl"]["title"] == "Voetbaltraining" for item in items)


def test_every_other_week_series(client, worker):
    client.login_as(worker)
    first = soon(days=2)
    until = (first + timedelta(weeks=6)).date().isoformat()
    body = activity_body(starts_at=first, repeat={"every_weeks": 2, "until": until})
    items = client.post("/api/v1/activities", json=body).get_json()["items"]
    gaps = {datetime.fromisoformat(b["starts_at"]) - datetime.fromisoformat(a["starts_at"])
            for a, b in itertools.pairwise(items)}
    assert len(items) == 4 and all(timedelta(days=13) < gap < timedelta(days=15) for gap in gaps)
    assert db.session.scalar(select(ActivitySeries.every_weeks)) == 2


def _series(client, worker, weeks=4) -> list[int]:
    client.login_as(worker)
    first = soon(days=2)
    until = (first + timedelta(weeks=weeks - 1)).date().isoformat()
    body = activity_body(starts_at=first, repeat={"every_weeks": 1, "until": until})
    return [item["id"] for item in client.post("/api/v1/activities", json=body)
            .get_json()["items"]]


def test_one_occurrence_is_changed_or_cancelled_alone(client, worker):
    ids = _series(client, worker)
    new_start = soon(days=12, hour=10)
    moved = client.patch(f"/api/v1/activities/{ids[1]}",
                         json={"starts_at": new_start.isoformat(),
                               "ends_at": (new_start + timedelta(hours=1)).isoformat()})
    assert moved.status_code == 200, moved.get_json()
    assert client.patch(f"/api/v1/activities/{ids[2]}",
                        json={"status": "cancelled"}).status_code == 200
    shown = {i: client.get(f"/api/v1/activities/{i}").get_json() for i in ids}
    assert datetime.fromisoformat(shown[ids[1]]["starts_at"]) == new_start
    assert [shown[i]["status"] for i in ids] == ["published", "published", "cancelled",
                                                 "published"]
    assert datetime.fromisoformat(shown[ids[0]]["starts_at"]) != new_start


def test_change_applied_to_the_rest_of_a_series(client, worker):
    ids = _series(client, worker)
    response = client.patch(f"/api/v1/activities/{ids[1]}",
                            json={"venue_name": "Nieuwe sporthal", "apply_to": "series",
                                  "texts": {"ar": {"title": "كرة القدم"}}})
    assert response.status_code == 200
    assert [item["id"] for item in response.get_json()["items"]] == ids[1:]
    venues = [client.get(f"/api/v1/activities/{i}").get_json()["venue_name"] for i in ids]
    assert venues == ["Sporthal De Hoeven"] + ["Nieuwe sporthal"] * 3
    arabic = db.session.scalar(select(func.count()).select_from(ActivityText)
                               .where(ActivityText.language == "ar"))
    assert arabic == 3


def test_new_time_for_the_rest_of_a_series_keeps_local_time_across_summer_time(
        client, worker, factory, town):
    client.login_as(worker)
    first = datetime(2027, 3, 16, 18, 30, tzinfo=AMSTERDAM)  # summer time starts on 28 March
    body = activity_body(starts_at=first, repeat={"every_weeks": 1, "until": "2027-04-06"})
    ids = [item["id"] for item in client.post("/api/v1/activities", json=body)
           .get_json()["items"]]
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    assert client.post(f"/api/v1/activities/{ids[2]}/signup").status_code == 200
    client.login_as(worker)
    new_start = datetime(2027, 3, 23, 19, 0, tzinfo=AMSTERDAM)
    response = client.patch(f"/api/v1/activities/{ids[1]}", json={
        "starts_at": new_start.isoformat(), "apply_to": "series",
        "ends_at": (new_start + timedelta(minutes=90)).isoformat()})
    assert response.status_code == 200, response.get_json()
    shown = [client.get(f"/api/v1/activities/{i}").get_json() for i in ids]
    local = [(datetime.fromisoformat(a["starts_at"]).astimezone(AMSTERDAM).strftime("%d %H:%M"),
              datetime.fromisoformat(a["ends_at"]).astimezone(AMSTERDAM).strftime("%H:%M"))
             for a in shown]
    assert local == [("16 18:30", "20:30"), ("23 19:00", "20:30"), ("30 19:00", "20:30"),
                     ("06 19:00", "20:30")]
    told = db.session.scalars(select(Event).where(Event.kind == "activity.changed")).all()
    assert [(e.user_id, e.data["activity_id"]) for e in told] == [(youth.id, ids[2])]


def test_translation_added_later_and_shown_with_fallback(client, factory, worker, town):
    client.login_as(worker)
    activity_id = client.post("/api/v1/activities", json=activity_body()).get_json()[
        "items"][0]["id"]
    client.patch(f"/api/v1/activities/{activity_id}",
                 json={"texts": {"ar": {"title": "تدريب كرة القدم", "description": "تعال"}}})
    client.login_as(factory.user(Role.YOUTH, town))
    arabic = client.get(f"/api/v1/activities/{activity_id}?lang=ar").get_json()["text"]
    assert arabic == {"title": "تدريب كرة القدم", "description": "تعال", "language": "ar",
                      "fallback": False, "original_language": "nl",
                      "available_languages": ["ar", "nl"], "translation": "human"}
    tigrinya = client.get(f"/api/v1/activities/{activity_id}?lang=ti").get_json()["text"]
    assert tigrinya["language"] == "nl" and tigrinya["fallback"] is True
    assert tigrinya["title"] == "Voetbaltraining"
    listed = client.get("/api/v1/activities?lang=ar").get_json()["items"][0]["text"]
    assert listed["language"] == "ar" and listed["available_languages"] == ["ar", "nl"]


def test_cancelled_activity_stays_visible_as_cancelled(client, factory, worker, town):
    activity = make_activity(town)
    client.login_as(worker)
    client.patch(f"/api/v1/activities/{activity.id}", json={"status": "cancelled"})
    client.login_as(factory.user(Role.YOUTH, town))
    [item] = client.get("/api/v1/activities").get_json()["items"]
    assert item["id"] == activity.id and item["status"] == "cancelled"
    assert db.session.get(Activity, activity.id) is not None


def test_mentor_manages_own_posts_and_those_of_their_location(client, factory, town):
    mentor = factory.user(Role.MENTOR, town)
    neighbour = factory.user(Role.YOUTH_WORKER, town)
    at_location = make_activity(town, location_id=mentor.mentor_location_ids[0],
                                created_by_id=neighbour.id)
    elsewhere = make_activity(town, created_by_id=neighbour.id)
    client.login_as(mentor)
    assert client.patch(f"/api/v1/activities/{at_location.id}",
                        json={"organiser": "Huis"}).status_code == 200
    assert client.patch(f"/api/v1/activities/{elsewhere.id}",
                        json={"organiser": "Huis"}).status_code == 403
    other_house = factory.location(town)
    refused = client.post("/api/v1/activities", json=activity_body(location_id=other_house.id))
    assert refused.status_code == 404
    posted = client.post("/api/v1/activities",
                         json=activity_body(location_id=mentor.mentor_location_ids[0]))
    assert posted.status_code == 201


def test_staff_cannot_post_in_another_municipality(client, factory, worker):
    client.login_as(worker)
    away = factory.municipality("Verweg")
    response = client.post("/api/v1/activities", json=activity_body(municipality_id=away.id))
    assert response.status_code == 403
    away_location = factory.location(away)
    response = client.post("/api/v1/activities",
                           json=activity_body(location_id=away_location.id))
    assert response.status_code == 404


def test_admin_chooses_an_existing_municipality(client, factory, town):
    client.login_as(factory.user(Role.ADMIN))
    assert client.post("/api/v1/activities", json=activity_body()).status_code == 422
    assert client.post("/api/v1/activities",
                       json=activity_body(municipality_id=999_999)).status_code == 404
    created = client.post("/api/v1/activities", json=activity_body(municipality_id=town.id))
    assert created.status_code == 201
    moved = client.patch(f"/api/v1/activities/{created.get_json()['items'][0]['id']}",
                         json={"municipality_id": factory.municipality().id})
    assert moved.status_code == 422


def test_patch_refuses_bad_input_and_keeps_the_activity(client, worker, town):
    activity = make_activity(town, venue_name="Zaal")
    client.login_as(worker)
    for body in ({"venue_name": "x\x00"}, {"ends_at": soon(days=1).isoformat()},
                 {"original_language": "fa"}, {"apply_to": "everything"}, {"repeat": None},
                 {"texts": {"nl": {"title": ""}}}, {"texts": {"fa": {"description": "x"}}},
                 {"min_age": 30, "max_age": 20}):
        response = client.patch(f"/api/v1/activities/{activity.id}", json=body)
        assert response.status_code == 422, (body, response.get_json())
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).venue_name == "Zaal"


def test_posting_and_changing_are_audited_with_the_request(client, worker):
    """The service records who did it; the request pipeline commits it with the activity."""
    from meedoen.audit.models import AuditLog

    client.login_as(worker)
    created = client.post("/api/v1/activities", json=activity_body()).get_json()["items"]
    activity_id = created[0]["id"]
    assert client.patch(f"/api/v1/activities/{activity_id}",
                        json={"venue_name": "Nieuwe zaal"}).status_code == 200
    db.session.expire_all()
    rows = db.session.execute(select(AuditLog.action, AuditLog.actor_id, AuditLog.details)
                              .where(AuditLog.action.like("activity.%"))
                              .order_by(AuditLog.id)).all()
    assert [(action, actor) for action, actor, _ in rows] == [
        ("activity.create", worker.id), ("activity.update", worker.id)]
    assert rows[0].details["activity_ids"] == [activity_id]
    assert rows[1].details["fields"] == ["venue_name"]
