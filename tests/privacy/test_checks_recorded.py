"""The VOG checks a staff member recorded are in their export once: screening_checks_recorded
(screenings_recorded held the same rows under another key and is gone)."""

from datetime import date

from meedoen.auth.models import Role
from meedoen.extensions import db

from tests.contacts.helpers import make_contact


def test_a_recorded_check_is_exported_once(client, factory):
    town = factory.municipality()
    worker = factory.user(Role.YOUTH_WORKER, town)
    buddy = make_contact(town, "Buddy")
    buddy.screening_checked_by_id = worker.id
    buddy.screening_checked_on, buddy.screening_valid_until = date(2026, 3, 9), date(2029, 3, 9)
    db.session.commit()
    export = client.login_as(worker).get("/api/v1/me/export").get_json()
    assert export["screening_checks_recorded"] == [{
        "contact_id": buddy.id, "contact": "Buddy", "checked_on": "2026-03-09",
        "valid_until": "2029-03-09"}]
    assert "screenings_recorded" not in export
