"""The day-before reminder of a confirmed sign-up (activities/reminders.py), delivered by the
notifications feature: once per sign-up, in the youth's language, and it can be turned off."""

from datetime import timedelta

from meedoen.activities.models import Activity, ActivityStatus, ActivityText, Signup, SignupStatus
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import select

# The notifications' fixtures: youth with push subscriptions on a loopback push service.
from tests.notifications.conftest import (  # noqa: F401
    people,
    push_app,
    push_service,
    server_key,
    vapid_pem,
)


def items():
    db.session.expire_all()
    return db.session.scalars(select(InboxItem).order_by(InboxItem.id)).all()


def _activity(town, starts_at, status="published"):
    activity = Activity(municipality_id=town.id, status=ActivityStatus(status),
                        category="sport", starts_at=starts_at,
                        ends_at=starts_at + timedelta(hours=2), original_language="nl",
                        venue_name="Sporthal Oost",
                        texts=[ActivityText(language="nl", title="Voetbal", description=""),
                               ActivityText(language="ar", title="كرة القدم", description="")])
    db.session.add(activity)
    db.session.commit()
    return activity


def _signup(activity, user, created_at, status="confirmed"):
    db.session.add(Signup(activity_id=activity.id, user_id=user.id,
                          status=SignupStatus(status), created_at=created_at))
    db.session.commit()


def test_day_before_reminder_once_per_sign_up(people, push_service):  # noqa: F811
    now = utcnow()
    tomorrow = _activity(people.town, now + timedelta(hours=20))
    next_week = _activity(people.town, now + timedelta(days=7))
    cancelled = _activity(people.town, now + timedelta(hours=20), status="cancelled")
    early, late, waiting = (people.youth(ui_language="ar"), people.youth(), people.youth())
    long_ago = now - timedelta(days=3)
    _signup(tomorrow, early, long_ago)
    _signup(tomorrow, late, now - timedelta(hours=1))  # signed up within the day: no reminder
    _signup(tomorrow, waiting, long_ago, status="waitlisted")
    _signup(next_week, early, long_ago)
    _signup(cancelled, early, long_ago)
    assert run_due_work()["reminders"] == 1
    [item] = items()
    assert item.user_id == early.id and item.kind == "activity.reminder"
    assert "كرة القدم" in item.title and item.url == f"/activities/{tomorrow.id}"
    assert len(push_service.messages(early.endpoints[0])) == 1
    assert run_due_work()["reminders"] == 0
    assert len(items()) == 1


def test_reminders_can_be_turned_off(people, client):  # noqa: F811
    now = utcnow()
    activity = _activity(people.town, now + timedelta(hours=20))
    user = people.youth(devices=0)
    _signup(activity, user, now - timedelta(days=3))
    client.login_as(user)
    client.patch("/api/v1/me/notification-settings",
                 json={"settings": {"activity_reminder": False}})
    run_due_work()
    assert items() == []
