"""Making contacts and assignments for the contacts and questions tests."""

from meedoen.contacts.models import Assignment, Contact, ContactKind, ContactText
from meedoen.extensions import db


def make_contact(municipality=None, name="Contact", *, languages=("nl",), topics=("work",),
                 lived=False, user=None, active=True, kind=ContactKind.YOUTH_WORKER,
                 texts=None, original="nl") -> Contact:
    contact = Contact(kind=kind, name=name, lived_experience=lived, active=active,
                      municipality_id=municipality.id if municipality else None,
                      user_id=user.id if user else None, original_language=original)
    contact.languages, contact.topics = list(languages), list(topics)
    contact.texts = [ContactText(language=k, help_text=v) for k, v in (texts or {}).items()]
    db.session.add(contact)
    db.session.commit()
    return contact


def assign(youth, *contacts) -> None:
    db.session.add_all(Assignment(youth_id=youth.id, contact_id=c.id) for c in contacts)
    db.session.commit()


def items(response) -> list[dict]:
    """The items of a page ({items, next_cursor})."""
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["items"]


def names(response) -> list[str]:
    return [item["name"] for item in items(response)]


def login(client, user):
    return client.login_as(user)
