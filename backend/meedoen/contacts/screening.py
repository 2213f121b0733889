"""Screening (VOG, the Dutch Certificate of Conduct) of contacts who meet youth.

Staff record when a contact's VOG was checked and until when the check counts; the staff
member who records it is stored as the one who checked. A contact of a kind that needs a check
(``SCREENING_REQUIRED_KINDS``) whose check is missing or has ended receives no questions in the
app and is flagged for staff. Youth workers of the municipality (national contacts:
administrators) get an inbox notice a month before a check ends, once per check.
"""

import os
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, or_, select, update

from meedoen.auth.models import Role, User
from meedoen.contacts.models import Contact, ContactKind
from meedoen.core.models import utcnow
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n import format_date

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEFAULT_REQUIRED_KINDS = "buddy,community_organisation"
REMIND_AHEAD = timedelta(days=30)
REMINDER_KIND = "contact.screening_ends"

NOT_REQUIRED, CHECKED, MISSING, EXPIRED = "not_required", "checked", "missing", "expired"


def parse_kinds(value) -> frozenset[ContactKind]:
    """``"buddy, community_organisation"`` or a list -> kinds; an unknown kind is an error."""
    names = value.split(",") if isinstance(value, str) else list(value)
    kinds = set()
    for name in (n.strip() for n in names):
        if not name:
            continue
        try:
            kinds.add(ContactKind(name))
        except ValueError:
            raise RuntimeError(f"SCREENING_REQUIRED_KINDS: unknown contact kind {name!r} "
                               f"(known: {', '.join(k.value for k in ContactKind)})") from None
    return frozenset(kinds)


def configure(app) -> None:
    """``SCREENING_REQUIRED_KINDS`` from the app's config, else the environment, else buddies
    and community organisations; an unknown kind stops the app at start."""
    app.config.setdefault("SCREENING_REQUIRED_KINDS", os.environ.get(
        "SCREENING_REQUIRED_KINDS", DEFAULT_REQUIRED_KINDS))
    required_kinds(app.config)


def required_kinds(config=None) -> frozenset[ContactKind]:
    config = config if config is not None else current_app.config
    return parse_kinds(config.get("SCREENING_REQUIRED_KINDS", DEFAULT_REQUIRED_KINDS))


def today(now: datetime | None = None) -> date:
    """The date in the Netherlands (a check counts up to and including its last day)."""
    return (now or utcnow()).astimezone(AMSTERDAM).date()


def is_required(contact: Contact) -> bool:
    return contact.kind in required_kinds()


def is_checked(contact: Contact, on: date | None = None) -> bool:
    """A check is recorded and has not ended."""
    return (contact.screening_checked_on is not None
            and contact.screening_valid_until is not None
            and contact.screening_valid_until >= (on or today()))


def status(contact: Contact, on: date | None = None) -> str:
    if is_checked(contact, on):
        return CHECKED
    if not is_required(contact):
        return NOT_REQUIRED
    return EXPIRED if contact.screening_valid_until is not None else MISSING


def needs_screening(contact: Contact, on: date | None = None) -> bool:
    return status(contact, on) in (MISSING, EXPIRED)


def checked_clause(on: date | None = None) -> ColumnElement[bool]:
    return and_(Contact.screening_checked_on.is_not(None),
                Contact.screening_valid_until >= (on or today()))


def receives_questions(on: date | None = None) -> ColumnElement[bool]:
    """Contacts that may receive questions in the app (SQL): active and, where their kind
    needs it, with a check that has not ended."""
    kinds = [kind.value for kind in required_kinds()]
    return and_(Contact.active, or_(Contact.kind.not_in(kinds), checked_clause(on)))


def can_receive_questions(contact: Contact, on: date | None = None) -> bool:
    return contact.active and (not is_required(contact) or is_checked(contact, on))


def needing_screening(contacts, on: date) -> list[Contact]:
    """Active contacts of a kind that needs a check whose check is missing or ended ``on``."""
    return [c for c in contacts if c.active and needs_screening(c, on)]


# -- reminders --------------------------------------------------------------------------------

def make_due_screening_reminders(now: datetime) -> int:
    """A month before a check ends: an inbox notice to the municipality's youth workers
    (national contacts: administrators). Once per check: the end date it was sent for is kept,
    and a renewed check (a new end date) is reminded again."""
    on = today(now)
    due = db.session.execute(
        select(Contact.id, Contact.municipality_id, Contact.screening_valid_until)
        .where(Contact.active, Contact.screening_checked_on.is_not(None),
               Contact.screening_valid_until >= on,
               Contact.screening_valid_until <= on + REMIND_AHEAD,
               or_(Contact.screening_reminded_for.is_(None),
                   Contact.screening_reminded_for != Contact.screening_valid_until))
    ).all()
    made = 0
    for contact_id, municipality_id, ends in due:
        claimed = db.session.execute(
            update(Contact).where(Contact.id == contact_id,
                                  Contact.screening_valid_until == ends,
                                  or_(Contact.screening_reminded_for.is_(None),
                                      Contact.screening_reminded_for != ends))
            .values(screening_reminded_for=ends)
            .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            continue  # another worker sent this one just now
        notify(REMINDER_KIND, _reminded_staff(municipality_id), contact_id=contact_id)
        made += 1
    db.session.flush()
    return made  # run_due_work commits (due work only flushes)


def _reminded_staff(municipality_id: int | None) -> list[int]:
    if municipality_id is None:
        where = User.role == Role.ADMIN
    else:
        where = and_(User.role == Role.YOUTH_WORKER, User.municipality_id == municipality_id)
    return list(db.session.scalars(select(User.id).where(where, User.is_active_account)
                                   .order_by(User.id)))


def render_reminder(event) -> dict | None:
    contact = db.session.get(Contact, event.data.get("contact_id"))
    if contact is None or contact.screening_valid_until is None:
        return None
    return {"title": _("A VOG check ends soon"),
            "body": _("The VOG check of %(name)s ends on %(date)s. Ask for a new VOG and "
                      "record the new check.", name=contact.name,
                      date=format_date(contact.screening_valid_until, "day_month_year")),
            "url": f"/staff/contacts/{contact.id}/edit"}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    REMINDER_KIND: render_reminder,
}
