from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.contacts.models import Assignment, Contact
from meedoen.extensions import db
from meedoen.privacy import exporter


@exporter("my_people")
def export_people(user: User) -> list[dict]:
    rows = db.session.scalars(select(Assignment).where(Assignment.youth_id == user.id))
    return [{"contact": a.contact.name, "since": a.created_at.isoformat()} for a in rows]


@exporter("contact_entry")
def export_contact_entry(user: User) -> dict | None:
    contact = db.session.scalar(select(Contact).where(Contact.user_id == user.id))
    if contact is None:
        return None
    return {"id": contact.id, "kind": contact.kind.value, "name": contact.name,
            "organisation": contact.organisation, "languages": contact.languages,
            "topics": contact.topics, "lived_experience": contact.lived_experience,
            "phone": contact.phone, "whatsapp": contact.whatsapp, "email": contact.email,
            "address": contact.address, "opening_hours": contact.opening_hours,
            "help_texts": {t.language: t.help_text for t in contact.texts}}
