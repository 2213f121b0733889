from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.contacts.models import Assignment, Contact
from meedoen.contacts.schemas import RefSchema, ScreeningSchema
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.privacy import PersonalData, iso, moment


class PersonExportSchema(Schema):
    contact = fields.String()
    since = moment()


class ScreeningExportSchema(ScreeningSchema):
    """The check's two dates; the answer's other keys follow from them or name who checked."""

    class Meta(ScreeningSchema.Meta):
        exclude = ("required", "status", "needed", "ends_soon", "checked_by")


class ContactEntryExportSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    name = fields.String()
    organisation = fields.String(allow_none=True)
    languages = fields.List(fields.String())
    topics = fields.List(fields.String())
    lived_experience = fields.Boolean(allow_none=True)
    phone = fields.String(allow_none=True)
    whatsapp = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    opening_hours = fields.String(allow_none=True)
    help_texts = fields.Dict(keys=fields.String(), values=fields.String())
    screening = fields.Nested(ScreeningExportSchema)


class CheckRecordedExportSchema(ScreeningExportSchema):
    contact_id = fields.Integer()
    contact = fields.String()


class AssignmentMadeExportSchema(Schema):
    contact = fields.String()
    at = moment()


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("my_people", covers=[Assignment.youth_id],
                   schema=fields.List(fields.Nested(PersonExportSchema)))
def export_people(user: User) -> list[dict]:
    rows = db.session.scalars(select(Assignment).where(Assignment.youth_id == user.id)
                              .order_by(Assignment.id))
    return [{"contact": a.contact.name, "since": a.created_at.isoformat()} for a in rows]


@personal.exporter("contact_entry", covers=[Contact.user_id],
                   schema=fields.Nested(ContactEntryExportSchema, allow_none=True))
def export_contact_entry(user: User) -> dict | None:
    contact = db.session.scalar(select(Contact).where(Contact.user_id == user.id))
    if contact is None:
        return None
    return {"id": contact.id, "kind": contact.kind.value, "name": contact.name,
            "organisation": contact.organisation, "languages": contact.languages,
            "topics": contact.topics, "lived_experience": contact.lived_experience,
            "phone": contact.phone, "whatsapp": contact.whatsapp, "email": contact.email,
            "website": contact.website, "address": contact.address,
            "opening_hours": contact.opening_hours,
            "help_texts": {t.language: t.help_text for t in contact.texts},
            "screening": {"checked_on": iso(contact.screening_checked_on),
                          "valid_until": iso(contact.screening_valid_until)}}


@personal.exporter("screening_checks_recorded", covers=[Contact.screening_checked_by_id],
                   schema=fields.List(fields.Nested(CheckRecordedExportSchema)))
def export_checks_recorded(user: User) -> list[dict]:
    """The VOG checks this staff member recorded (they are named as the one who checked)."""
    rows = db.session.scalars(select(Contact).where(Contact.screening_checked_by_id == user.id)
                              .order_by(Contact.id))
    return [{"contact_id": c.id, "contact": c.name, "checked_on": iso(c.screening_checked_on),
             "valid_until": iso(c.screening_valid_until)} for c in rows]


@personal.exporter("contacts_created", covers=[Contact.created_by_id],
                   schema=fields.List(fields.Nested(RefSchema)))
def export_contacts_created(user: User) -> list[dict]:
    rows = db.session.scalars(select(Contact).where(Contact.created_by_id == user.id)
                              .order_by(Contact.id))
    return [{"id": c.id, "name": c.name} for c in rows]


@personal.exporter("assignments_made", covers=[Assignment.assigned_by_id],
                   schema=fields.List(fields.Nested(AssignmentMadeExportSchema)))
def export_assignments_made(user: User) -> list[dict]:
    """Staff: when I made someone one of a young person's people (not who the young person
    is: that is their data)."""
    rows = db.session.scalars(select(Assignment).where(Assignment.assigned_by_id == user.id)
                              .order_by(Assignment.id))
    return [{"contact": a.contact.name, "at": a.created_at.isoformat()} for a in rows]
