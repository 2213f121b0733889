"""Who may see and manage contacts and assignments.

Everyone logged in sees the active contacts of their municipality and the national
ones. Mentors and youth workers manage contacts and assignments in their
municipality, admins everywhere (national contacts: admins only). The account linked to a
contact edits only that entry's own public texts (OWN_FIELDS): who it is, what it helps with,
where it works, whether it is on, its screening and the link stay with staff.
"""

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, or_, select, true

from meedoen.auth.models import Role, User
from meedoen.authz import MANAGERS, is_admin, municipality_scope, one_or_404
from meedoen.contacts.models import Assignment, Contact
from meedoen.core.errors import fail
from meedoen.extensions import db


def is_manager(user) -> bool:
    return user.role in MANAGERS


def visible_contacts(user) -> ColumnElement[bool]:
    """Contacts of the user's municipality and national ones (admins: all)."""
    if is_admin(user):
        return true()
    here = or_(Contact.municipality_id == user.municipality_id, Contact.municipality_id.is_(None))
    if is_manager(user):
        return here
    return here & (Contact.active | (Contact.user_id == user.id))


def get_visible_contact(user, contact_id: int) -> Contact:
    return one_or_404(Contact, contact_id, visible_contacts(user))


def can_edit(user, contact: Contact) -> bool:
    """Staff of its municipality, or the linked person (own texts only, OWN_FIELDS)."""
    return (contact.user_id is not None and contact.user_id == user.id) or can_manage(user, contact)


def get_editable_contact(user, contact_id: int) -> Contact:
    contact = get_visible_contact(user, contact_id)
    if not can_edit(user, contact):
        fail(403)
    return contact


# What the person linked to a contact may change on their own entry.
OWN_FIELDS = frozenset({"help_texts", "original_language", "languages", "phone", "whatsapp",
                        "email", "website", "address", "opening_hours"})


def can_manage(user, contact: Contact) -> bool:
    """Staff rights over the whole entry (not just being the linked person)."""
    if is_admin(user):
        return True
    return (is_manager(user) and not contact.is_national
            and contact.municipality_id == user.municipality_id)


def check_changes_allowed(user, contact: Contact, data: dict) -> None:
    """The linked person changes only OWN_FIELDS (403 naming the others, before any write);
    nobody records their own screening."""
    linked_id = data.get("user_id", contact.user_id)
    if "screening" in data and linked_id == user.id:
        fail(403, "own_screening", _("Someone else on the staff records your own VOG check."))
    if can_manage(user, contact):
        return
    refused = sorted(set(data) - OWN_FIELDS)
    if refused:
        fail(403, "staff_only", _("Only a mentor, youth worker or administrator can change "
                                  "this. You can change your texts, how to reach you and "
                                  "your opening hours."),
             fields={name: [_("Only staff can change this.")] for name in refused})


def can_delete(user, contact: Contact) -> bool:
    return can_manage(user, contact)


def creation_municipality(user, data: dict) -> int | None:
    """Where a new contact belongs: admins choose (None = national), others: their own."""
    if is_admin(user):
        return data.get("municipality_id")
    if data.get("municipality_id", user.municipality_id) != user.municipality_id:
        fail(403, message=_("Only an administrator can add contacts elsewhere or nationally."))
    return user.municipality_id


def check_linked_user(user, contact: Contact, user_id: int | None) -> None:
    """A contact is linked to a staff account of its municipality (national: any staff)."""
    if user_id is None or user_id == contact.user_id:
        return
    if not is_manager(user):
        fail(403, message=_("Only a mentor, youth worker or administrator can link accounts."))
    linked = db.session.get(User, user_id)
    same_place = linked is not None and (contact.is_national
                                         or linked.municipality_id == contact.municipality_id)
    if not same_place or not linked.is_staff:
        fail(422, fields={"user_id": [_("Choose a staff account of this municipality.")]})
    taken = db.session.scalar(select(Contact.id).where(Contact.user_id == user_id,
                                                       Contact.id != contact.id))
    if taken:
        fail(409, "already_linked", _("This account is already linked to another contact."))


def youth_in_scope(user, youth_id: int) -> User:
    youth = db.session.scalar(select(User).where(
        User.id == youth_id, User.role == Role.YOUTH,
        municipality_scope(user, User.municipality_id)))
    if youth is None:
        fail(404)
    return youth


def assignments_in_scope(user) -> ColumnElement[bool]:
    youth_here = select(User.id).where(municipality_scope(user, User.municipality_id))
    return Assignment.youth_id.in_(youth_here.scalar_subquery())


def get_scoped_assignment(user, assignment_id: int) -> Assignment:
    return one_or_404(Assignment, assignment_id, assignments_in_scope(user))


def contact_assignable_to(user, youth: User, contact_id: int) -> Contact:
    contact = get_visible_contact(user, contact_id)
    if not (contact.is_national or contact.municipality_id == youth.municipality_id):
        fail(422, fields={"contact_id": [_("This contact does not work in this municipality.")]})
    return contact


def message_link(contact_id: int, municipality_id: int) -> str | None:
    """Where a message to the youth of a municipality may point: the contact, if it is in
    that municipality or for every one (registered with notifications from the contacts'
    init_app)."""
    found = db.session.get(Contact, contact_id)
    if found is None or found.municipality_id not in (municipality_id, None):
        return None
    return f"/contacts/{contact_id}"
