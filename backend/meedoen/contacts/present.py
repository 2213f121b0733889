"""Contacts, assignments, coverage and kinds as the API shows them (one module shapes every
answer of this feature; services only read and write)."""

from datetime import date

from meedoen.contacts import screening
from meedoen.contacts.links import reach_links
from meedoen.contacts.models import KIND_LABELS, Assignment, Contact, ContactKind
from meedoen.contacts.policy import can_edit, can_manage
from meedoen.contacts.texts import (
    base_language,
    editor_statuses,
    home_languages,
    pick_text,
    speaks_any,
)

PEOPLE_ENOUGH = 3
REACH_FIELDS = ("phone", "whatsapp", "email", "website", "address", "opening_hours")


def present_contact(contact: Contact, viewer, bases: set[str] = frozenset(),
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
                    screening=present_screening(contact, data["can_manage"]))
    return data


def present_screening(contact: Contact, viewer_is_manager: bool) -> dict:
    """What staff see of a VOG check; ``checked_by`` only for mentors, youth workers and
    admins."""
    ends = contact.screening_valid_until
    state = screening.status(contact)
    data = {"required": screening.is_required(contact), "status": state,
            "needed": state in (screening.MISSING, screening.EXPIRED),
            "checked_on": contact.screening_checked_on, "valid_until": ends,
            "ends_soon": (state == screening.CHECKED and ends is not None
                          and ends - screening.today() <= screening.REMIND_AHEAD)}
    if viewer_is_manager:
        by = contact.screening_checked_by
        data["checked_by"] = {"id": by.id, "name": by.display_name} if by else None
    return data


def screening_needed(contacts: list[Contact], on: date) -> list[dict]:
    """The contacts that need a VOG check recorded, with their status ``on`` that day."""
    return [{"id": c.id, "name": c.name, "kind": c.kind.value,
             "status": screening.status(c, on), "valid_until": c.screening_valid_until}
            for c in contacts]


def present_assignment(assignment: Assignment) -> dict:
    return {"id": assignment.id, "created_at": assignment.created_at,
            "youth": {"id": assignment.youth.id, "name": assignment.youth.display_name},
            "contact": {"id": assignment.contact.id, "name": assignment.contact.name}}


def present_kinds() -> list[dict]:
    return [{"slug": kind.value, "label": str(KIND_LABELS[kind])} for kind in ContactKind]


def present_coverage(rows: list[dict], screening_needed: list[dict]) -> dict:
    """The shares of youth with three or more people and with someone who speaks their
    language; those who need attention first (fewest people, no language match)."""
    total = len(rows)
    with_three = sum(1 for row in rows if not row["fewer_than_three"])
    with_language = sum(1 for row in rows if row["speaks_language"])
    return {
        "youth_total": total, "with_three_or_more": with_three,
        "with_language_match": with_language,
        "share_three_or_more": round(with_three / total, 4) if total else None,
        "share_language_match": round(with_language / total, 4) if total else None,
        "screening_needed": screening_needed,
        "needs_attention": sorted(
            (row for row in rows if row["fewer_than_three"] or not row["speaks_language"]),
            key=lambda row: (row["people"], row["speaks_language"], row["display_name"].lower())),
    }


def coverage_row(youth, people: list[list[str]],
                 available: list[tuple[int | None, set[str]]]) -> dict:
    """One young person: ``people``, the languages of each of their people; ``available``,
    (municipality or None for national, base languages) of every active contact there."""
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
