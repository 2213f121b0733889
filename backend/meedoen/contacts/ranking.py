"""Contacts in the order people look for them, ranked by the database.

Those who speak one of the ranking languages first, then those with lived experience, then
local before national, then by name (``Contact.name_key``, the same order on SQLite and
PostgreSQL), then by id: one ``ORDER BY``, paged with the one pagination
(``meedoen.core.pagination``). "My people" puts the young person's assigned contacts before
all of that.

The ranking languages are the viewer's own (``home_languages``: all but Dutch, unless Dutch is
all), or the one asked for with ``?language=``. Each rank is a labelled column beside the
contact, so that the cursor carries it; the cursor is bound to the ranking languages, so a
cursor of another ranking starts the list again (400) instead of skipping people.
"""

import re

from sqlalchemy import ColumnElement, case, exists, false, func, or_, select
from sqlalchemy.orm import selectinload

from meedoen.authz import is_admin
from meedoen.contacts import present
from meedoen.contacts.models import Assignment, Contact, ContactKind, ContactLanguage
from meedoen.contacts.policy import visible_contacts
from meedoen.contacts.texts import base_language, home_languages
from meedoen.core.pagination import keyset_page
from meedoen.extensions import db

LOAD_OPTIONS = (selectinload(Contact.language_rows), selectinload(Contact.topic_rows),
                selectinload(Contact.texts), selectinload(Contact.municipality),
                selectinload(Contact.screening_checked_by))
LIKE_SPECIALS = re.compile(r"[\\%_]")


def speaking_codes(bases: set[str]) -> list[str]:
    """The spoken codes stored for contacts whose speakers speak one of ``bases`` (Dari counts
    as Persian): decided by the same Python rule as everywhere (``base_language``), for every
    code in the table, so that a region variant (``ti_ER``) counts too. One small query on the
    code's index."""
    if not bases:
        return []
    stored = db.session.scalars(select(ContactLanguage.code).distinct())
    return sorted(code for code in stored if base_language(code) in bases)


def speaks(bases: set[str]) -> ColumnElement[bool]:
    """The contact speaks one of ``bases`` (SQL)."""
    codes = speaking_codes(bases)
    if not codes:
        return false()
    return exists().where(ContactLanguage.contact_id == Contact.id,
                          ContactLanguage.code.in_(codes))


def _first(condition, name: str):
    """0 where the condition holds, else 1: ascending, those come first."""
    return case((condition, 0), else_=1).label(name)


def order(speaking: ColumnElement[bool]) -> tuple:
    """The ranking: language (``speaks(bases)``), lived experience, local before national,
    name, id."""
    return (_first(speaking, "language_rank"),
            _first(Contact.lived_experience, "experience_rank"),
            _first(Contact.municipality_id.is_not(None), "local_rank"),
            Contact.name_key, Contact.id)


def ranking_languages(viewer, args: dict) -> set[str]:
    if "language" in args:
        return {base_language(args["language"])}
    return home_languages(viewer.languages)


def _list_name(name: str, bases: set[str]) -> str:
    return ".".join((name, *sorted(bases)))


def _ranked(query, sort: tuple, args: dict, list_name: str):
    """One page of contacts in ``sort`` order; the rows carry the rank columns."""
    return keyset_page(query.add_columns(*sort).options(*LOAD_OPTIONS), sort, args, list_name)


def filtered(viewer, args: dict):
    """The contacts the viewer sees, with the list's filters."""
    query = select(Contact).where(visible_contacts(viewer))
    if "municipality_id" in args and is_admin(viewer):
        query = query.where(or_(Contact.municipality_id == args["municipality_id"],
                                Contact.municipality_id.is_(None)))
    if "topic" in args:
        query = query.where(Contact.topic_rows.any(topic=args["topic"]))
    if "kind" in args:
        query = query.where(Contact.kind == ContactKind(args["kind"]))
    if args.get("q"):
        # name_key is lowered by Python: "émile" finds "Émile" on SQLite too.
        pattern = "%" + LIKE_SPECIALS.sub(r"\\\g<0>", args["q"].lower()) + "%"
        query = query.where(or_(Contact.name_key.like(pattern, escape="\\"),
                                func.lower(Contact.organisation).like(pattern, escape="\\")))
    if args.get("mine"):
        query = query.where(Contact.user_id == viewer.id)
    if args.get("active_only"):
        query = query.where(Contact.active)
    return query


def ranked_page(viewer, args: dict, list_name: str, *, only_speakers: bool = False,
                with_original: bool = False) -> dict:
    """A page of the directory (or a topic's contacts), those who speak the ranking
    languages first; ``only_speakers``: nobody else."""
    bases = ranking_languages(viewer, args)
    speaking = speaks(bases)
    query = filtered(viewer, args)
    if only_speakers:
        query = query.where(speaking)
    page = _ranked(query, order(speaking), args, _list_name(list_name, bases))
    page["items"] = [present.present_contact(row[0], viewer, bases, with_original=with_original)
                     for row in page["items"]]
    return page


def my_people(youth, args: dict) -> dict:
    """The contacts assigned to the young person first (in the ranking's order), then the
    others here who speak their language."""
    bases = home_languages(youth.languages)
    speaking = speaks(bases)
    assigned = exists().where(Assignment.youth_id == youth.id,
                              Assignment.contact_id == Contact.id)
    query = select(Contact).where(Contact.active, or_(
        assigned, visible_contacts(youth) & speaking))
    page = _ranked(query, (_first(assigned, "assigned_rank"), *order(speaking)), args,
                   _list_name("my_people", bases))
    page["items"] = [present.present_contact(row[0], youth, bases,
                                             assigned=row.assigned_rank == 0, with_original=True)
                     for row in page["items"]]
    return page
