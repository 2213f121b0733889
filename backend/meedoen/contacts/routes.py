from flask_login import current_user

from meedoen.audit.models import record
from meedoen.auth.models import Role
from meedoen.authz import MANAGERS, STAFF, roles_required
from meedoen.contacts import policy, present, ranking, services
from meedoen.contacts.models import Contact
from meedoen.contacts.schemas import (
    AssignmentCreateSchema,
    AssignmentQuerySchema,
    AssignmentSchema,
    ContactCreateSchema,
    ContactQuerySchema,
    ContactSchema,
    ContactWriteSchema,
    CoverageQuerySchema,
    CoverageSchema,
    KindSchema,
    LangQuerySchema,
    RankQuerySchema,
)
from meedoen.contacts.texts import home_languages
from meedoen.core.api import QUERY, Blueprint
from meedoen.core.errors import fail
from meedoen.core.pagination import PageArgsSchema, page_schema
from meedoen.extensions import db
from meedoen.topics import get_topic

blp = Blueprint("contacts", __name__, url_prefix="/api/v1/contacts",
                description="People and organisations who help")
people_blp = Blueprint("people", __name__, url_prefix="/api/v1",
                       description="My people, and who is assigned to whom")


@blp.route("")
@roles_required()
@blp.arguments(ContactQuerySchema, **QUERY)
@blp.response(200, page_schema(ContactSchema))
def list_contacts(args):
    """Contacts here and national ones: those who speak my language first, then lived
    experience, local before national, by name; a page at a time (``next_cursor``)."""
    return ranking.ranked_page(current_user, args, "contacts", only_speakers="language" in args)


@blp.route("", methods=["POST"])
@roles_required(*MANAGERS)
@blp.arguments(ContactCreateSchema)
@blp.response(201, ContactSchema)
def post_contact(data):
    municipality_id = policy.creation_municipality(current_user, data)
    services.validate_municipality(municipality_id)
    contact = Contact(municipality_id=municipality_id, created_by_id=current_user.id,
                      original_language=data.get("original_language", current_user.ui_language))
    policy.check_linked_user(current_user, contact, data.get("user_id"))
    policy.check_changes_allowed(current_user, contact, data)
    services.apply_changes(contact, data)
    db.session.add(contact)
    db.session.flush()
    if data.get("screening"):
        services.apply_screening(contact, data["screening"], current_user)
    services.texts_saved(contact, data)
    record(current_user, "contact.create", municipality_id, contact_id=contact.id)
    return present.present_contact(contact, current_user, with_original=True)


@blp.route("/<int:contact_id>")
@roles_required()
@blp.arguments(LangQuerySchema, **QUERY)
@blp.response(200, ContactSchema)
def get_contact(args, contact_id):
    contact = policy.get_visible_contact(current_user, contact_id)
    bases = home_languages(current_user.languages)
    return present.present_contact(contact, current_user, bases, with_original=True)


@blp.route("/<int:contact_id>", methods=["PATCH"])
@roles_required(*STAFF)
@blp.arguments(ContactWriteSchema)
@blp.response(200, ContactSchema)
def patch_contact(data, contact_id):
    contact = policy.get_editable_contact(current_user, contact_id)
    policy.check_changes_allowed(current_user, contact, data)
    if "user_id" in data:
        policy.check_linked_user(current_user, contact, data["user_id"])
    services.apply_changes(contact, data)
    if "screening" in data:
        services.apply_screening(contact, data["screening"], current_user)
    db.session.flush()
    services.texts_saved(contact, data)
    record(current_user, "contact.update", contact.municipality_id, contact_id=contact.id,
           changed=sorted(data))
    return present.present_contact(contact, current_user, with_original=True)


@blp.route("/<int:contact_id>", methods=["DELETE"])
@roles_required(*MANAGERS)
@blp.response(204)
def delete_contact(contact_id):
    contact = policy.get_visible_contact(current_user, contact_id)
    if not policy.can_delete(current_user, contact):
        fail(403)
    record(current_user, "contact.delete", contact.municipality_id, contact_id=contact.id)
    db.session.delete(contact)


@blp.route("/kinds")
@roles_required(*MANAGERS)
@blp.arguments(LangQuerySchema, **QUERY)
@blp.response(200, KindSchema(many=True))
def list_kinds(args):
    """The kinds of contact, translated: for the form that adds or changes one."""
    return present.present_kinds()


@blp.route("/coverage")
@roles_required(*MANAGERS)
@blp.arguments(CoverageQuerySchema, **QUERY)
@blp.response(200, CoverageSchema)
def get_coverage(args):
    """Youth with fewer than three people or nobody who speaks their language, and the shares."""
    return services.coverage(current_user, args.get("municipality_id"))


@people_blp.route("/topics/<string:slug>/contacts")
@roles_required()
@people_blp.arguments(RankQuerySchema, **QUERY)
@people_blp.response(200, page_schema(ContactSchema))
def topic_contacts(args, slug):
    """Who helps with this topic here and nationally: my languages first, then lived
    experience, then the rest; a page at a time."""
    if get_topic(slug) is None:
        fail(404)
    return ranking.ranked_page(current_user, {**args, "topic": slug, "active_only": True},
                               "topic_contacts", with_original=True)


@people_blp.route("/me/people")
@roles_required(Role.YOUTH)
@people_blp.arguments(PageArgsSchema, **QUERY)
@people_blp.response(200, page_schema(ContactSchema))
def get_my_people(args):
    """The contacts assigned to me first, then others here who speak my language."""
    return ranking.my_people(current_user, args)


@people_blp.route("/assignments")
@roles_required(*MANAGERS)
@people_blp.arguments(AssignmentQuerySchema, **QUERY)
@people_blp.response(200, page_schema(AssignmentSchema))
def list_assignments(args):
    """Who is whose person, oldest first, a page at a time."""
    return services.list_assignments(current_user, args)


@people_blp.route("/assignments", methods=["POST"])
@roles_required(*MANAGERS)
@people_blp.arguments(AssignmentCreateSchema)
@people_blp.response(201, AssignmentSchema)
def post_assignment(data):
    youth = policy.youth_in_scope(current_user, data["youth_id"])
    contact = policy.contact_assignable_to(current_user, youth, data["contact_id"])
    assignment = services.assign(youth, contact, current_user)
    record(current_user, "assignment.create", youth.municipality_id, youth_id=youth.id,
           contact_id=contact.id)
    return present.present_assignment(assignment)


@people_blp.route("/assignments/<int:assignment_id>", methods=["DELETE"])
@roles_required(*MANAGERS)
@people_blp.response(204)
def delete_assignment(assignment_id):
    assignment = policy.get_scoped_assignment(current_user, assignment_id)
    record(current_user, "assignment.delete", assignment.youth.municipality_id,
           youth_id=assignment.youth_id,
           contact_id=assignment.contact_id)
    db.session.delete(assignment)
