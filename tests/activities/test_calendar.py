"""Calendar files: one activity, and the personal feed at a secret, revocable URL."""

import pytest
from icalendar import Calendar
from meedoen.activities.models import ActivityStatus
from meedoen.auth.models import Role
from meedoen.extensions import db

from tests.activities.helpers import make_activity, soon


@pytest.fixture
def town(factory):
    return factory.municipality("Schouwen-Duiveland")


def _events(response) -> list:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.data).walk("VEVENT")


def test_ics_for_one_activity_in_the_asked_language(client, factory, town):
    activity = make_activity(town, {"nl": ("Kookavond", "<p>Samen <a href='https://x.nl'>koken"
                                                        "</a></p>"),
                                    "ar": ("أمسية طبخ", "")},
                             venue_name="Buurthuis", venue_address="Havenpark 12")
    client.login_as(factory.user(Role.YOUTH, town))
    [event] = _events(client.get(f"/api/v1/activities/{activity.id}/ics?lang=ar"))
    assert str(event["SUMMARY"]) == "أمسية طبخ"
    assert event.decoded("DTSTART") == activity.starts_at
    assert str(event["LOCATION"]) == "Buurthuis, Havenpark 12"
    [dutch] = _events(client.get(f"/api/v1/activities/{activity.id}/ics?lang=nl"))
    assert str(dutch["DESCRIPTION"]) == "Samen koken" and str(dutch["STATUS"]) == "CONFIRMED"


def test_feed_lists_my_confirmed_sign_ups_without_login(client, make_client, factory, town):
    youth = factory.user(Role.YOUTH, town, ui_language="ti")
    going = make_activity(town, {"nl": ("Voetbal", ""), "ti": ("ኩዖ እግሪ", "")})
    cancelled = make_activity(town, {"nl": ("Afgelast", "")}, starts_at=soon(days=5))
    waiting = make_activity(town, {"nl": ("Vol", "")}, capacity=1, taken=1)
    make_activity(town, {"nl": ("Niet voor mij", "")})
    client.login_as(youth)
    for activity in (going, cancelled, waiting):
        client.post(f"/api/v1/activities/{activity.id}/signup")
    cancelled.status = ActivityStatus.CANCELLED
    db.session.commit()
    url = client.get("/api/v1/me/calendar-feed").get_json()["url"]
    assert client.get("/api/v1/me/calendar-feed").get_json()["url"] == url
    path = url.removeprefix("http://localhost")
    phone = make_client()  # a calendar app: no cookie, no header
    events = _events(phone.get(path))
    assert sorted((str(e["SUMMARY"]), str(e["STATUS"])) for e in events) == [
        ("Afgelast", "CANCELLED"), ("ኩዖ እግሪ", "CONFIRMED")]

    client.delete("/api/v1/me/calendar-feed")
    assert phone.get(path).status_code == 404
    new_url = client.get("/api/v1/me/calendar-feed").get_json()["url"]
    assert new_url != url and phone.get(new_url.removeprefix("http://localhost")).status_code \
        == 200


@pytest.mark.parametrize("token", ["1.abc", "nope", "99999999999999999999.x", "1", "١.abc",
                                   "1.", ".abc"])
def test_wrong_feed_tokens_are_not_found(client, factory, town, token):
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    client.get("/api/v1/me/calendar-feed")
    assert client.get(f"/api/v1/calendar/{token}.ics").status_code == 404


def test_a_deactivated_users_feed_stops(client, factory, town):
    youth = factory.user(Role.YOUTH, town)
    client.login_as(youth)
    path = client.get("/api/v1/me/calendar-feed").get_json()["url"].removeprefix(
        "http://localhost")
    youth.is_active_account = False
    db.session.commit()
    assert client.get(path).status_code == 404
