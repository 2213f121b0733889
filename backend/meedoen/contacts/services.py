"""Contacts: writing, assignments and coverage (lists ranked in ranking.py, answers shaped
in present.py)."""

from collections import defaultdict
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.authz import is_admin, municipality_scope
from meedoen.contacts import present, screening
from meedoen.contacts.models import Assignment, Contact, ContactKind, ContactText
from meedoen.contacts.policy import assignments_in_scope
from meedoen.contacts.texts import FIELDS, base_language
from meedoen.core.errors import fail
from meedoen.core.pagination import keyset_page
from meedoen.extensions import db
from meedoen.i18n.texts import snapshot, stamp_after_edit
from meedoen.places.models import Municipality
from meedoen.translation.service import machine_suggestion
from meedoen.translation.subjects import request_translation

SIMPLE_FIELDS = ("name", "organisation", "lived_experience", "phone", "whatsapp", "email",
                 "website", "address", "opening_hours", "original_language", "active")


def validate_municipality(municipality_id: int | None) -> None:
    if municipality_id is not None and db.session.get(Municipality, municipality_id) is None:
        fail(422, fields={"municipality_id": [_("This municipality does not exist.")]})


def apply_changes(contact: Contact, data: dict) -> None:
    """Write validated fields onto the contact (all checks are done before this)."""
    for name in SIMPLE_FIELDS:
        if name in data:
            setattr(contact, name, data[name])
    if "kind" in data:
        contact.kind = ContactKind(data["kind"])
    if "languages" in data:
        contact.languages = data["languages"]
    if "topics" in data:
        contact.topics = data["topics"]
    if "user_id" in data:
        contact.user_id = data["user_id"]
    if "help_texts" in data or "original_language" in data:
        _merge_texts(contact, data.get("help_texts", {}))


def apply_screening(contact: Contact, check: dict | None, actor) -> None:
    """Record (or with None remove) the VOG check; the actor is stored as the one who checked,
    and every change is audited (dates only)."""
    checked_on = check["checked_on"] if check else None
    valid_until = check["valid_until"] if check else None
    if (checked_on, valid_until) == (contact.screening_checked_on, contact.screening_valid_until):
        return
    contact.screening_checked_on, contact.screening_valid_until = checked_on, valid_until
    contact.screening_checked_by = actor if check else None
    record(actor, "contact.screening", contact.municipality_id, contact_id=contact.id,
           checked_on=checked_on.isoformat() if checked_on else None,
           valid_until=valid_until.isoformat() if valid_until else None)


def _merge_texts(contact: Contact, changes: dict) -> None:
    """Staff's texts: what they changed is theirs (``human``), what they sent back unchanged
    keeps its status, and the machine fills the rest soon after (contacts/translation.py)."""
    texts = {t.language: t for t in contact.texts}
    before = snapshot(texts, FIELDS)
    for language, text in changes.items():
        if not text:
            texts.pop(language, None)
        elif language in texts:
            texts[language].help_text = text
        else:
            texts[language] = ContactText(language=language, help_text=text)
    contact.texts = [texts[language] for language in sorted(texts)]
    if contact.original_language in texts:
        stamp_after_edit(texts, contact.original_language, FIELDS, before,
                         suggestion=machine_suggestion("contact"))


def texts_saved(contact: Contact, data: dict) -> None:
    """After a save (flushed, so the contact has its id): translate what changed."""
    if "help_texts" in data or "original_language" in data:
        request_translation("contact", contact.id)


def coverage(viewer, municipality_id: int | None) -> dict:
    youth = _youth_for_coverage(viewer, municipality_id)
    people = _assigned_languages([y.id for y in youth])
    available = _available_speakers({y.municipality_id for y in youth})
    rows = [present.coverage_row(y, people.get(y.id, []), available) for y in youth]
    on = screening.today()
    return present.present_coverage(
        rows, present.screening_needed(_screening_needed(viewer, municipality_id, on), on))


def _screening_needed(viewer, municipality_id: int | None, on: date) -> list[Contact]:
    """Contacts of the viewer's municipality (admins: all, or the one asked for) that need a
    VOG check recorded; national ones for admins."""
    query = select(Contact).where(Contact.active, Contact.kind.in_(
        [kind.value for kind in screening.required_kinds()]))
    if is_admin(viewer):
        if municipality_id is not None:
            query = query.where(or_(Contact.municipality_id == municipality_id,
                                    Contact.municipality_id.is_(None)))
    else:
        query = query.where(Contact.municipality_id == viewer.municipality_id)
    return screening.needing_screening(
        db.session.scalars(query.order_by(Contact.name_key, Contact.id)), on)


def _youth_for_coverage(viewer, municipality_id: int | None) -> list[User]:
    query = select(User).where(User.role == Role.YOUTH, User.is_active_account,
                               municipality_scope(viewer, User.municipality_id))
    if municipality_id is not None and is_admin(viewer):
        query = query.where(User.municipality_id == municipality_id)
    return list(db.session.scalars(query.options(selectinload(User.language_rows),
                                                 selectinload(User.location))))


def _assigned_languages(youth_ids: list[int]) -> dict[int, list[list[str]]]:
    """youth id -> the languages of each of their (active) people."""
    rows = db.session.execute(
        select(Assignment.youth_id, Contact)
        .join(Contact, Assignment.contact_id == Contact.id)
        .where(Assignment.youth_id.in_(youth_ids), Contact.active)
        .options(selectinload(Contact.language_rows))).all()
    people = defaultdict(list)
    for youth_id, contact in rows:
        people[youth_id].append(contact.languages)
    return people


def _available_speakers(municipality_ids: set[int]) -> list[tuple[int | None, set[str]]]:
    """(municipality or None for national, base languages) of every active contact there."""
    contacts = db.session.scalars(
        select(Contact).where(Contact.active, or_(Contact.municipality_id.in_(municipality_ids),
                                                  Contact.municipality_id.is_(None)))
        .options(selectinload(Contact.language_rows)))
    return [(c.municipality_id, {base_language(code) for code in c.languages}) for c in contacts]


def list_assignments(viewer, args: dict) -> dict:
    """A page of assignments, oldest first."""
    query = select(Assignment).where(assignments_in_scope(viewer)).options(
        selectinload(Assignment.youth), selectinload(Assignment.contact))
    if "youth_id" in args:
        query = query.where(Assignment.youth_id == args["youth_id"])
    if "contact_id" in args:
        query = query.where(Assignment.contact_id == args["contact_id"])
    page = keyset_page(query, (Assignment.id,), args, "assignments")
    page["items"] = [present.present_assignment(a) for a in page["items"]]
    return page


def assign(youth: User, contact: Contact, actor) -> Assignment:
    assignment = Assignment(youth_id=youth.id, contact_id=contact.id, assigned_by_id=actor.id)
    try:
        with db.session.begin_nested():
            db.session.add(assignment)
    except IntegrityError:
        fail(409, "already_assigned", _("This contact is already one of their people."))
    return assignment

