"""Export, erasure and the demo programme."""

from meedoen.activities.models import (
    Activity,
    ActivityText,
    CalendarFeed,
    Signup,
    SignupStatus,
)
from meedoen.auth.models import Role
from meedoen.core.idempotency import IdempotencyKey
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.activities.helpers import activity_body, make_activity, soon


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_export_and_erasure(client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    activity = make_activity(town)
    client.login_as(youth)
    client.post(f"/api/v1/activities/{activity.id}/signup", headers={"Idempotency-Key": "k"})
    client.get("/api/v1/me/calendar-feed")
    exported = client.get("/api/v1/me/export").get_json()["activities"]
    assert exported["signups"][0]["activity_id"] == activity.id
    assert exported["signups"][0]["status"] == "confirmed"
    assert exported["calendar_feed"] is True and exported["activities_posted"] == []
    user_id = youth.id
    assert client.delete("/api/v1/me").status_code == 204
    for model, column in ((Signup, Signup.user_id), (CalendarFeed, CalendarFeed.user_id),
                          (IdempotencyKey, IdempotencyKey.user_id)):
        assert _count(model, column == user_id) == 0, model


def test_an_erased_youths_place_goes_to_the_waiting_list(make_client, factory):
    town = factory.municipality()
    leaving, waiting = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    activity = make_activity(town, capacity=1)
    past = make_activity(town, capacity=1, starts_at=soon(days=-2))
    db.session.add(Signup(activity_id=past.id, user_id=leaving.id, status="confirmed"))
    past.taken = 1
    db.session.commit()
    for user in (leaving, waiting):
        make_client().login_as(user).post(f"/api/v1/activities/{activity.id}/signup")
    assert make_client().login_as(leaving).delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert db.session.scalars(select(Signup.status).where(
        Signup.user_id == waiting.id)).one() == SignupStatus.CONFIRMED
    assert db.session.get(Activity, activity.id).taken == 1
    assert db.session.get(Activity, past.id).taken == 1  # the past is left as it was


def test_a_posted_activity_stays_when_its_author_leaves(client, factory):
    town = factory.municipality()
    worker = factory.user(Role.YOUTH_WORKER, town)
    client.login_as(worker)
    activity_id = client.post("/api/v1/activities", json=activity_body()).get_json()[
        "items"][0]["id"]
    assert client.get("/api/v1/me/export").get_json()["activities"]["activities_posted"] == [
        activity_id]
    client.patch(f"/api/v1/activities/{activity_id}", json={"texts": {"ar": {"title": "رياضة"}}})
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    activity = db.session.get(Activity, activity_id)
    assert activity.created_by_id is None
    assert {t.translated_by_id for t in activity.texts} == {None}


def test_demo_programme_is_realistic_multilingual_and_idempotent(app, app_ctx):
    runner = app.test_cli_runner()
    for _ in range(2):
        result = runner.invoke(args=["demo", "--password", "demo-password-42"])
        assert result.exit_code == 0, result.output
    db.session.expire_all()
    titles = set(db.session.scalars(select(ActivityText.title).where(ActivityText.language
                                                                     == "nl")))
    assert {"Voetbaltraining", "Volleybal voor beginners", "Talentenshow",
            "Cultuuravond: laat je cultuur zien", "Kookavond",
            "Provinciaal voetbaltoernooi"} <= titles
    languages = set(db.session.scalars(select(ActivityText.language)))
    assert {"nl", "ar", "ti", "fa", "so", "en"} <= languages
    municipalities = db.session.scalar(select(func.count(func.distinct(
        Activity.municipality_id))))
    assert municipalities == 5
    football = db.session.scalars(select(Activity).join(ActivityText).where(
        ActivityText.title == "Voetbaltraining")).all()
    assert len(football) == 9 and len({a.series_id for a in football}) == 1
    assert _count(Signup) >= 4
