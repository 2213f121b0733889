"""Contacts: presenting, ranking, writing, "my people" and coverage."""

import re
from collections import defaultdict

from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.authz import is_admin, municipality_scope
from meedoen.contacts import screening
from meedoen.contacts.links import reach_links
from meedoen.contacts.models import KIND_LABELS, Assignment, Contact, ContactKind, ContactText
from meedoen.contacts.policy import assignments_in_scope, can_edit, can_manage, visible_contacts
from meedoen.contacts.texts import FIELDS, base_language, editor_statuses, pick_text
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.i18n.texts import snapshot, stamp_after_edit
from meedoen.places.models import Municipality
from meedoen.translation.service import machine_suggestion
from meedoen.translation.subjects import request_translation

SIMPLE_FIELDS = ("name", "organisation", "lived_experience", "phone", "whatsapp", "email",
                 "website", "address", "opening_hours", "original_language", "active")
REACH_FIELDS = ("phone", "whatsapp", "email", "website", "address", "opening_hours")
LOAD_OPTIONS = (selectinload(Contact.language_rows), selectinload(Contact.topic_rows),
                selectinload(Contact.texts), selectinload(Contact.municipality))
MAX_RANKED = 2000
LIKE_SPECIALS = re.compile(r"[\\%_]")
PEOPLE_ENOUGH = 3


def home_languages(languages: list[str]) -> set[str]:
    """The languages that count as "their language": all but Dutch, unless Dutch is all."""
    bases = {base_language(code) for code in languages}
    return (bases - {"nl"}) or bases


def speaks_any(contact: Contact, bases: set[str]) -> bool:
    return any(base_language(code) in bases for code in contact.languages)


def present(contact: Contact, viewer, bases: set[str] = frozenset(),
            assigned: bool = False, with_original: bool = False) -> dict:
    """A contact for the viewer; ``with_original`` where a single contact's card is shown:
    the original "how I can help" behind a machine translation comes along."""
    rows = {t.language: t for t in contact.texts}
    data = {
        "id": contact.id, "kind": contact.kind.value, "kind_label": str(KIND_LABELS[contact.kind]),
        "name": contact.name, "organisation": contact.organisation,
        "municipality": contact.municipality, "national": contact.is_national,
        "languages": contact.languages, "topics": contact.topics,
        "lived_experience": contact.lived_experience,
        "reach": {**{name: getattr(contact, name) for name in REACH_FIELDS},
                  "links": reach_links(contact)},
        "help": pick_text(rows, contact.original_language, with_original),
        "can_receive_questions": (contact.user_id is not None
                                  and screening.can_receive_questions(contact)),
        "checked_by_municipality": screening.is_checked(contact),
        "speaks_your_language": speaks_any(contact, bases), "assigned": assigned,
        "active": contact.active, "can_edit": can_edit(viewer, contact),
        "can_manage": can_manage(viewer, contact),
    }
    if data["can_edit"]:
        data.update(user_id=contact.user_id, original_language=contact.original_language,
                    help_texts={t.language: t.help_text for t in contact.texts},
                    help_translations=editor_statuses(rows, contact.original_language),
                    screening=screening.present_for_staff(contact, data["can_manage"]))
    return data


def rank(contacts: list[Contact], bases: set[str]) -> list[Contact]:
    """Those who speak the language first, then lived experience, then the rest."""
    return sorted(contacts, key=lambda c: (not speaks_any(c, bases), not c.lived_experience,
                                           c.is_national, c.name.lower(), c.id))


def ranking_languages(viewer, args: dict) -> set[str]:
    if "language" in args:
        return {base_language(args["language"])}
    return home_languages(viewer.languages)


def contact_query(viewer, args: dict):
    query = select(Contact).where(visible_contacts(viewer)).options(*LOAD_OPTIONS)
    if "municipality_id" in args and is_admin(viewer):
        query = query.where(or_(Contact.municipality_id == args["municipality_id"],
                                Contact.municipality_id.is_(None)))
    if "topic" in args:
        query = query.where(Contact.topic_rows.any(topic=args["topic"]))
    if "kind" in args:
        query = query.where(Contact.kind == ContactKind(args["kind"]))
    if args.get("q"):
        pattern = "%" + LIKE_SPECIALS.sub(r"\\\g<0>", args["q"].lower()) + "%"
        query = query.where(or_(func.lower(Contact.name).like(pattern, escape="\\"),
                                func.lower(Contact.organisation).like(pattern, escape="\\")))
    if args.get("mine"):
        query = query.where(Contact.user_id == viewer.id)
    if args.get("active_only"):
        query = query.where(Contact.active)
    return query.limit(MAX_RANKED)


def ranked_page(viewer, args: dict, only_speakers: bool = False,
                with_original: bool = False) -> list[dict]:
    bases = ranking_languages(viewer, args)
    contacts = list(db.session.scalars(contact_query(viewer, args)))
    if only_speakers:
        contacts = [c for c in contacts if speaks_any(c, bases)]
    contacts = rank(contacts, bases)
    page = contacts[args["offset"]:args["offset"] + args["limit"]]
    return [present(contact, viewer, bases, with_original=with_original) for contact in page]


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
    contact.screening_checked_by_id = actor.id if check else None
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


def my_people(youth: User, limit: int) -> list[dict]:
    """Assigned contacts first, then others here who speak the young person's language."""
    bases = home_languages(youth.languages)
    assigned = rank(list(db.session.scalars(
        select(Contact).join(Assignment, Assignment.contact_id == Contact.id)
        .where(Assignment.youth_id == youth.id, Contact.active).options(*LOAD_OPTIONS))), bases)
    assigned_ids = {c.id for c in assigned}
    speakers = [c for c in db.session.scalars(contact_query(youth, {"active_only": True}))
                if c.id not in assigned_ids and speaks_any(c, bases)]
    people = [present(c, youth, bases, assigned=True, with_original=True) for c in assigned]
    people += [present(c, youth, bases, with_original=True) for c in rank(speakers, bases)]
    return people[:limit]


def coverage(viewer, municipality_id: int | None) -> dict:
    youth = _youth_for_coverage(viewer, municipality_id)
    people = _assigned_languages([y.id for y in youth])
    available = _available_speakers({y.municipality_id for y in youth})
    rows = [_coverage_row(y, people.get(y.id, []), available) for y in youth]
    total = len(rows)
    with_three = sum(1 for row in rows if not row["fewer_than_three"])
    with_language = sum(1 for row in rows if row["speaks_language"])
    return {
        "youth_total": total, "with_three_or_more": with_three,
        "with_language_match": with_language,
        "share_three_or_more": round(with_three / total, 4) if total else None,
        "share_language_match": round(with_language / total, 4) if total else None,
        "screening_needed": _screening_needed(viewer, municipality_id),
        "needs_attention": sorted(
            (row for row in rows if row["fewer_than_three"] or not row["speaks_language"]),
            key=lambda row: (row["people"], row["speaks_language"], row["display_name"].lower())),
    }


def _screening_needed(viewer, municipality_id: int | None) -> list[dict]:
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
    return screening.needing_screening(db.session.scalars(query.order_by(Contact.name,
                                                                         Contact.id)))


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


def _coverage_row(youth: User, people: list[list[str]], available) -> dict:
    bases = home_languages(youth.languages)
    return {
        "id": youth.id, "display_name": youth.display_name, "location": youth.location,
        "languages": youth.languages, "people": len(people),
        "speaks_language": any(base_language(c) in bases for langs in people for c in langs),
        "fewer_than_three": len(people) < PEOPLE_ENOUGH,
        "available_in_language": sum(
            1 for municipality_id, spoken in available
            if municipality_id in (None, youth.municipality_id) and spoken & bases),
    }


def list_assignments(viewer, args: dict) -> list[dict]:
    query = select(Assignment).where(assignments_in_scope(viewer)).options(
        selectinload(Assignment.youth), selectinload(Assignment.contact))
    if "youth_id" in args:
        query = query.where(Assignment.youth_id == args["youth_id"])
    if "contact_id" in args:
        query = query.where(Assignment.contact_id == args["contact_id"])
    rows = db.session.scalars(query.order_by(Assignment.id)
                              .offset(args["offset"]).limit(args["limit"]))
    return [present_assignment(a) for a in rows]


def assign(youth: User, contact: Contact, actor) -> Assignment:
    assignment = Assignment(youth_id=youth.id, contact_id=contact.id, assigned_by_id=actor.id)
    try:
        with db.session.begin_nested():
            db.session.add(assignment)
    except IntegrityError:
        fail(409, "already_assigned", _("This contact is already one of their people."))
    return assignment


def present_assignment(assignment: Assignment) -> dict:
    return {"id": assignment.id, "created_at": assignment.created_at,
            "youth": {"id": assignment.youth.id, "name": assignment.youth.display_name},
            "contact": {"id": assignment.contact.id, "name": assignment.contact.name}}
