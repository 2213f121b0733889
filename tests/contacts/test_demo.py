"""The demo contacts: realistic, marked as examples, valid, idempotent, linked and assigned."""

from meedoen.auth.models import User
from meedoen.contacts.demo import load_contacts
from meedoen.contacts.links import check_email, check_website, normalise_phone
from meedoen.contacts.models import Assignment, Contact, ContactKind
from meedoen.contacts.services import coverage
from meedoen.demo.places import MUNICIPALITIES, load_places_and_accounts
from meedoen.extensions import db
from sqlalchemy import func, select

HASH = "not-a-real-hash"


def load_twice():
    for _ in range(2):
        load_places_and_accounts(HASH)
        load_contacts(HASH)
        db.session.commit()


def test_demo_contacts_are_complete_and_idempotent(app_ctx):
    load_twice()
    contacts = db.session.scalars(select(Contact)).all()
    assert db.session.scalar(select(func.count(Contact.id))) == len(contacts) > 70
    assert all(c.name.endswith("(voorbeeld)") for c in contacts)
    for municipality in MUNICIPALITIES:
        here = [c for c in contacts if c.municipality and c.municipality.name == municipality]
        kinds = [c.kind for c in here]
        assert kinds.count(ContactKind.YOUTH_WORKER) >= 2 and ContactKind.JOB_COACH in kinds
        spoken = {code for c in here if c.kind == ContactKind.COMMUNITY_ORGANISATION
                  for code in c.languages}
        assert {"ti", "ar", "fa", "so"} <= spoken
        assert sum(c.lived_experience and c.kind == ContactKind.BUDDY for c in here) >= 3
    assert sum(c.is_national for c in contacts) >= 3
    for contact in contacts:
        assert normalise_phone(contact.phone) == contact.phone
        assert check_email(contact.email) if contact.email else True
        assert check_website(contact.website) if contact.website else True
        assert contact.texts and contact.topics and contact.languages


def test_demo_staff_are_linked_and_demo_youth_has_people(app_ctx):
    load_twice()
    for username in ("demo-mentor", "demo-worker", "demo-contact"):
        user = db.session.scalar(select(User).where(User.username == username))
        assert db.session.scalar(select(Contact).where(Contact.user_id == user.id)) is not None
    youth = db.session.scalar(select(User).where(User.username == "demo-youth"))
    assert db.session.scalar(select(func.count(Assignment.id))
                             .where(Assignment.youth_id == youth.id)) >= 3
    admin = db.session.scalar(select(User).where(User.username == "demo-admin"))
    figures = coverage(admin, youth.municipality_id)
    assert "Yonas" not in [row["display_name"] for row in figures["needs_attention"]]
    assert "Amal" in [row["display_name"] for row in figures["needs_attention"]]
