"""Automatic messages: events in the recipient's language, opt-out, and quiet hours (the
day-before reminder: tests/activities/test_reminders.py)."""

from datetime import UTC, datetime, time

import pytest
from flask_babel import get_locale
from meedoen import events
from meedoen.events import notify
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from meedoen.notifications.quiet import AMSTERDAM, quiet_hours_end
from sqlalchemy import select


def _render_hello(event):
    return {"title": f"hello in {get_locale()}", "body": str(event.data["n"]),
            "url": "/activities/1"}


def _render_broken(event):
    raise RuntimeError("broken renderer")


@pytest.fixture(autouse=True)
def _test_renderers(monkeypatch):
    """Two renderers of this test's own, only while it runs."""
    monkeypatch.setitem(events._renderers, "test.hello", _render_hello)
    monkeypatch.setitem(events._renderers, "test.broken", _render_broken)


def items():
    db.session.expire_all()
    return db.session.scalars(select(InboxItem).order_by(InboxItem.id)).all()


def test_events_become_inbox_items_and_pushes_in_the_recipients_language(people, push_service):
    arabic, dutch = people.youth(ui_language="ar"), people.youth(ui_language="nl")
    notify("test.hello", [arabic.id, dutch.id], n=7)
    db.session.commit()
    assert run_due_work()["events"] == 2
    assert {(i.user_id, i.title, i.lang) for i in items()} == {
        (arabic.id, "hello in ar", "ar"), (dutch.id, "hello in nl", "nl")}
    [message] = push_service.messages(arabic.endpoints[0])
    assert message.json()["title"] == "hello in ar" and message.json()["dir"] == "rtl"
    assert message.json()["url"] == "/activities/1"
    assert message.headers["Topic"] == "test-7"
    run_due_work()
    assert len(items()) == 2 and len(push_service.messages()) == 2  # each event once
    assert all(e.handled_at for e in db.session.scalars(select(Event)))


def test_a_broken_renderer_does_not_stop_the_others(people):
    user = people.youth(devices=0)
    notify("test.broken", [user.id])
    notify("test.hello", [user.id], n=1)
    notify("unknown.kind", [user.id])
    db.session.commit()
    run_due_work()
    assert [i.kind for i in items()] == ["test.hello"]


def test_turned_off_groups_are_not_delivered(people, client):
    user = people.youth(devices=0)
    client.login_as(user)
    settings = client.get("/api/v1/me/notification-settings").get_json()["settings"]
    assert all(s["enabled"] for s in settings) and {"ideas", "activity_reminder"} <= {
        s["group"] for s in settings}
    changed = client.patch("/api/v1/me/notification-settings",
                           json={"settings": {"ideas": False, "answers": False}})
    assert {s["group"]: s["enabled"] for s in changed.get_json()["settings"]}["ideas"] is False
    assert client.patch("/api/v1/me/notification-settings",
                        json={"settings": {"nonsense": False}}).status_code == 422
    notify("idea.status_changed", [user.id], idea_id=1)
    notify("question.answered", [user.id], question_id=1)
    notify("test.hello", [user.id], n=2)
    db.session.commit()
    run_due_work()
    assert [i.kind for i in items()] == ["test.hello"]
    client.patch("/api/v1/me/notification-settings", json={"settings": {"ideas": True}})
    assert client.get("/api/v1/me/export").get_json()["notification_settings"] == {
        "turned_off": ["answers"]}


def test_the_groups_features_declare_in_the_order_of_the_settings_screen(people, client):
    client.login_as(people.youth(devices=0))
    settings = client.get("/api/v1/me/notification-settings?lang=nl").get_json()["settings"]
    assert [(s["group"], s["label"]) for s in settings] == [
        ("activity_reminder", "Herinnering de dag voor een activiteit"),
        ("activity_changed", "Een activiteit waarvoor ik me heb aangemeld heeft een andere "
                             "tijd of plaats"),
        ("activity_cancelled", "Een activiteit waarvoor ik me heb aangemeld gaat niet door"),
        ("waiting_list", "Ik heb een plek gekregen van de wachtlijst"),
        ("answers", "Vragen en antwoorden"),
        ("ideas", "Nieuws over ideeën")]


# -- quiet hours ---------------------------------------------------------------------------

def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=AMSTERDAM).astimezone(UTC)


def test_quiet_hours_end():
    night = (time(22), time(7))
    assert quiet_hours_end(at(1, 23), *night) == at(2, 7)
    assert quiet_hours_end(at(2, 3), *night) == at(2, 7)
    assert quiet_hours_end(at(2, 12), *night) is None
    assert quiet_hours_end(at(2, 7), *night) is None
    assert quiet_hours_end(at(2, 13), time(12), time(14)) == at(2, 14)
    assert quiet_hours_end(at(2, 15), time(12), time(14)) is None
    assert quiet_hours_end(at(2, 15), None, None) is None
    # Across the change to summer time (29 March 2026): 07:00 local is 05:00 UTC.
    spring = datetime(2026, 3, 28, 23, 30, tzinfo=AMSTERDAM)
    assert quiet_hours_end(spring, *night) == datetime(2026, 3, 29, 5, 0, tzinfo=UTC)


def test_quiet_hours_delay_non_urgent_pushes_but_not_urgent_ones(people, push_service, client,
                                                                  clock):
    # The clock stands before the night of 1 December: a send_at in the past means "now".
    sleeper = people.youth(quiet_from=time(22), quiet_until=time(7))
    awake = people.youth()
    night = at(1, 23, 30)
    client.login_as(people.worker)
    for urgent in (False, True):
        response = people.send([{"lang": "nl", "title": f"urgent={urgent}", "body": "x"}],
                               urgent=urgent, send_at=night.isoformat(),
                               **({"urgent_reason": "De training gaat niet door."}
                                  if urgent else {}))
        assert response.status_code == 202
    run_due_work(night)
    titles = {u.id: [m.json()["title"] for m in push_service.messages(u.endpoints[0])]
              for u in (sleeper, awake)}
    assert titles[awake.id] == ["urgent=False", "urgent=True"] or sorted(
        titles[awake.id]) == ["urgent=False", "urgent=True"]
    assert titles[sleeper.id] == ["urgent=True"]
    assert len([i for i in items() if i.user_id == sleeper.id]) == 2  # inbox at once
    run_due_work(at(2, 6, 59))
    assert len(push_service.messages(sleeper.endpoints[0])) == 1
    run_due_work(at(2, 7, 0))
    assert [m.json()["title"] for m in push_service.messages(sleeper.endpoints[0])] == [
        "urgent=True", "urgent=False"]
    assert [m.headers["Urgency"] for m in push_service.messages(sleeper.endpoints[0])] == [
        "high", "normal"]
