"""Contacts' "how I can help" as something the translation feature translates
(meedoen.translation): a staff text written for publication, made readable in the languages
of the contact's municipality (a national contact: the whole country's)."""

from sqlalchemy import select

from meedoen.contacts.models import Contact, ContactText
from meedoen.contacts.texts import FIELDS
from meedoen.extensions import db
from meedoen.translation.subjects import Subject, row_adder, rows_by_language


def _rows(contact: Contact) -> dict:
    return rows_by_language(contact.texts)


def _published(municipality_id: int | None):
    """The active contacts of a municipality (``None``: the national ones)."""
    return db.session.scalars(
        select(Contact).where(Contact.municipality_id == municipality_id, Contact.active)
        .order_by(Contact.name, Contact.id).limit(200))


def _label(contact: Contact) -> str:
    return contact.name


CONTACT = Subject(
    name="contact", model=Contact, fields=FIELDS, rows=_rows,
    add_row=row_adder("texts", ContactText, help_text=""), published=_published, label=_label)
