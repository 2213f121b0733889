"""Screening (VOG) of contacts who meet youth: recorded by staff, audited, required for some
kinds before they receive questions, shown to youth as a badge, reminded a month ahead."""

from datetime import UTC, date, datetime, timedelta

import pytest
from flask_babel import force_locale
from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role, User
from meedoen.contacts import screening
from meedoen.contacts.models import Contact, ContactKind
from meedoen.core.errors import ApiError, error_payload
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from meedoen.questions.services import recipients_for
from sqlalchemy import select

from tests.conftest import FROZEN_NOW
from tests.contacts.helpers import login, make_contact

TODAY = date(2026, 11, 30)  # FROZEN_NOW in the Netherlands
CHECK = {"checked_on": "2026-06-01", "valid_until": "2029-06-01"}


@pytest.fixture
def town(factory):
    return factory.municipality("Zwolle")


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town, display_name="Jongerenwerker Els")


def buddy(factory, town, name="Buddy Yonas", checked_on=None, valid_until=None, **kwargs):
    entry = make_contact(town, name, user=factory.user(Role.CONTACT, town), topics=["work"],
                         kind=kwargs.pop("kind", ContactKind.BUDDY), **kwargs)
    entry.screening_checked_on, entry.screening_valid_until = checked_on, valid_until
    db.session.commit()
    return entry


def test_default_kinds_are_buddies_and_community_organisations(app):
    assert screening.required_kinds(app.config) == {ContactKind.BUDDY,
                                                    ContactKind.COMMUNITY_ORGANISATION}
    assert screening.parse_kinds(" buddy , sports_coach,") == {ContactKind.BUDDY,
                                                                ContactKind.SPORTS_COACH}
    with pytest.raises(RuntimeError, match="wizard"):
        screening.parse_kinds("buddy,wizard")


def test_staff_record_a_check_and_every_change_is_audited(client, clock, factory, town, worker):
    entry = buddy(factory, town)
    login(client, worker)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={"screening": CHECK})
    assert response.status_code == 200, response.get_json()
    shown = response.get_json()["screening"]
    assert shown == {"required": True, "status": "checked", "needed": False, "ends_soon": False,
                     "checked_on": "2026-06-01", "valid_until": "2029-06-01",
                     "checked_by": {"id": worker.id, "name": "Jongerenwerker Els"}}
    assert response.get_json()["checked_by_municipality"] is True
    assert client.patch(f"/api/v1/contacts/{entry.id}", json={"screening": None}).status_code == 200
    rows = db.session.scalars(select(AuditLog).where(AuditLog.action == "contact.screening")
                              .order_by(AuditLog.id)).all()
    assert [(r.actor_id, r.details) for r in rows] == [
        (worker.id, {"contact_id": entry.id, "checked_on": "2026-06-01",
                     "valid_until": "2029-06-01"}),
        (worker.id, {"contact_id": entry.id, "checked_on": None, "valid_until": None})]
    db.session.expire_all()
    assert db.session.get(Contact, entry.id).screening_checked_by_id is None


def test_a_check_can_be_recorded_when_adding_a_contact(client, clock, town, worker):
    login(client, worker)
    response = client.post("/api/v1/contacts", json={"kind": "buddy", "name": "Buddy Amina",
                                                     "screening": CHECK})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["screening"]["status"] == "checked"
    assert db.session.scalar(select(AuditLog.details["contact_id"].as_integer())
                             .where(AuditLog.action == "contact.screening")) == \
        response.get_json()["id"]


@pytest.mark.parametrize(("check", "field"), [
    ({"checked_on": "2026-12-01", "valid_until": "2029-12-01"}, "checked_on"),  # future
    ({"checked_on": "2026-06-01", "valid_until": "2026-05-31"}, "valid_until"),
    ({"checked_on": "2026-06-01"}, "valid_until"),
    ({"checked_on": "gisteren", "valid_until": "2029-06-01"}, "checked_on"),
    ({"checked_on": "2026-06-01", "valid_until": "2029-06-01", "by": "me"}, "by"),
])
def test_bad_checks_are_refused_without_writing(client, clock, factory, town, worker, check,
                                                field):
    entry = buddy(factory, town)
    login(client, worker)
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={"screening": check})
    assert response.status_code == 422, response.get_json()
    assert field in response.get_json()["fields"]["screening"]
    db.session.expire_all()
    assert db.session.get(Contact, entry.id).screening_checked_on is None
    assert db.session.scalar(select(AuditLog.id)) is None


def test_youth_see_only_the_badge(client, clock, factory, town):
    checked = buddy(factory, town, "Checked", date(2026, 6, 1), date(2029, 6, 1))
    ended = buddy(factory, town, "Ended", date(2023, 6, 1), date(2026, 11, 29))
    never = buddy(factory, town, "Never")
    coach = buddy(factory, town, "Coach", kind=ContactKind.JOB_COACH)
    login(client, factory.user(Role.YOUTH, town))
    badges = {}
    for entry in (checked, ended, never, coach):
        body = client.get(f"/api/v1/contacts/{entry.id}").get_json()
        assert "screening" not in body
        badges[body["name"]] = (body["checked_by_municipality"], body["can_receive_questions"])
    assert badges == {"Checked": (True, True), "Ended": (False, False),
                      "Never": (False, False), "Coach": (False, True)}
    listed = client.get("/api/v1/contacts").get_json()["items"]
    assert all("screening" not in item for item in listed)


def test_unchecked_contacts_of_required_kinds_receive_no_questions(app, clock, factory, town):
    checked = buddy(factory, town, "Checked", date(2026, 6, 1), date(2029, 6, 1))
    last_day = buddy(factory, town, "Last day", date(2023, 6, 1), TODAY)
    ended = buddy(factory, town, "Ended", date(2023, 6, 1), date(2026, 11, 29))
    never = buddy(factory, town, "Never", kind=ContactKind.COMMUNITY_ORGANISATION)
    coach = buddy(factory, town, "Coach", kind=ContactKind.JOB_COACH)
    youth = factory.user(Role.YOUTH, town)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        for entry in (ended, never):
            with pytest.raises(ApiError) as refused:
                recipients_for(youth, {"topic": "work", "contact_id": entry.id})
            payload = error_payload(refused.value)[0]
            assert payload["status"] == 422
            assert payload["fields"]["contact_id"] == [
                "This contact cannot receive questions in the app. Please call, message or "
                "visit them."]
        assert recipients_for(youth, {"topic": "work", "contact_id": checked.id}) == [checked]
        assert screening_recipients(youth) == {checked.user_id, last_day.user_id, coach.user_id}


def screening_recipients(youth) -> set[int]:
    """Who "whoever helps with work here" would reach (the routing itself, without the
    question limits of the questions feature)."""
    return {c.user_id for c in recipients_for(youth, {"topic": "work", "language": "nl"})}


def test_required_kinds_follow_the_setting(app, clock, factory, town, monkeypatch):
    never = buddy(factory, town, "Never")
    buddy(factory, town, "Coach", kind=ContactKind.JOB_COACH)
    youth = factory.user(Role.YOUTH, town)
    with app.test_request_context():
        assert never.user_id not in screening_recipients(youth)
        monkeypatch.setitem(app.config, "SCREENING_REQUIRED_KINDS", "community_organisation")
        assert never.user_id in screening_recipients(youth)


def test_staff_see_who_needs_a_check(client, clock, factory, town, worker):
    buddy(factory, town, "Checked", date(2026, 6, 1), date(2029, 6, 1))
    ended = buddy(factory, town, "Ended", date(2023, 6, 1), date(2026, 11, 29))
    never = buddy(factory, town, "Never", kind=ContactKind.COMMUNITY_ORGANISATION)
    buddy(factory, town, "Off", active=False)
    buddy(factory, town, "Coach", kind=ContactKind.JOB_COACH)
    buddy(factory, factory.municipality(), "Elsewhere")
    login(client, worker)
    coverage = client.get("/api/v1/contacts/coverage").get_json()
    assert coverage["screening_needed"] == [
        {"id": ended.id, "name": "Ended", "kind": "buddy", "status": "expired",
         "valid_until": "2026-11-29"},
        {"id": never.id, "name": "Never", "kind": "community_organisation",
         "status": "missing", "valid_until": None}]
    detail = client.get(f"/api/v1/contacts/{never.id}").get_json()["screening"]
    assert detail["needed"] is True and detail["status"] == "missing"


def test_the_linked_person_cannot_record_their_own_check(client, clock, factory, town):
    entry = buddy(factory, town)
    login(client, db.session.get(User, entry.user_id))
    response = client.patch(f"/api/v1/contacts/{entry.id}", json={"screening": CHECK})
    assert response.status_code == 403
    assert db.session.scalar(select(AuditLog.id)) is None


# -- reminders --------------------------------------------------------------------------------

def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def reminders() -> list[tuple[int, int]]:
    return [(e.user_id, e.data["contact_id"]) for e in db.session.scalars(
        select(Event).where(Event.kind == screening.REMINDER_KIND).order_by(Event.id))]


def test_youth_workers_are_reminded_a_month_before_a_check_ends_once(factory, town, worker):
    ends = date(2027, 3, 31)
    entry = buddy(factory, town, "Buddy Yonas", date(2024, 3, 31), ends)
    second_worker = factory.user(Role.YOUTH_WORKER, town)
    factory.user(Role.MENTOR, town)
    factory.user(Role.YOUTH_WORKER, factory.municipality())
    factory.user(Role.YOUTH_WORKER, town, is_active_account=False)
    assert screening.make_due_screening_reminders(at(ends - timedelta(days=31))) == 0
    assert screening.make_due_screening_reminders(at(ends - timedelta(days=30))) == 1
    assert reminders() == [(worker.id, entry.id), (second_worker.id, entry.id)]
    assert screening.make_due_screening_reminders(at(ends - timedelta(days=29))) == 0
    assert screening.make_due_screening_reminders(at(ends)) == 0
    # A renewed check is reminded again before it ends.
    entry.screening_checked_on, entry.screening_valid_until = date(2027, 3, 1), date(2030, 3, 1)
    db.session.commit()
    assert screening.make_due_screening_reminders(at(date(2030, 2, 1))) == 1
    assert len(reminders()) == 4


def test_no_reminder_for_ended_or_switched_off_checks(factory, town, worker):
    buddy(factory, town, "Ended", date(2023, 1, 1), date(2026, 1, 1))
    buddy(factory, town, "Off", date(2024, 1, 1), date(2027, 1, 10), active=False)
    assert screening.make_due_screening_reminders(at(date(2026, 12, 20))) == 0


def test_national_contacts_remind_administrators(factory, worker):
    admin = factory.user(Role.ADMIN)
    entry = make_contact(None, "Landelijke buddy", kind=ContactKind.BUDDY)
    entry.screening_checked_on, entry.screening_valid_until = date(2024, 1, 1), date(2027, 1, 1)
    db.session.commit()
    assert screening.make_due_screening_reminders(at(date(2026, 12, 15))) == 1
    assert reminders() == [(admin.id, entry.id)]


def test_the_reminder_reaches_the_inbox_in_the_staff_members_language(factory, town, worker):
    entry = buddy(factory, town, "Buddy Yonas", date(2024, 1, 1), date(2027, 1, 1))
    run_due_work(at(date(2026, 12, 10)))
    item = db.session.scalar(select(InboxItem).where(InboxItem.user_id == worker.id))
    assert item is not None
    event = db.session.scalar(select(Event).where(Event.kind == screening.REMINDER_KIND))
    with force_locale("nl"):
        shown = render(event)
    assert "Buddy Yonas" in shown["body"] and "1 januari 2027" in shown["body"]
    assert shown["url"] == f"/staff/contacts/{entry.id}/edit"
    with force_locale("en"):
        assert render(event)["title"] == "A VOG check ends soon"


def test_frozen_moment_is_the_expected_day():
    assert screening.today(FROZEN_NOW) == TODAY
