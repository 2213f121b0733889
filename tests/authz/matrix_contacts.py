"""Contacts, topics, my people, assignments, coverage and questions."""

from meedoen.auth.models import Role
from meedoen.contacts.models import Assignment, Contact, ContactKind
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionRecipient

from tests.authz import Case, by_role, maker

ANY = by_role(200)
LOGGED_IN = by_role(200, anonymous=401)
MANAGERS_OK = by_role(403, anonymous=401, mentor=200, youth_worker=200, admin=200)
MANAGERS_CREATE = by_role(403, anonymous=401, mentor=201, youth_worker=201, admin=201)
NOT_FOUND = by_role(404, anonymous=401)


def new_contact(municipality, user=None, topics=("work",)) -> Contact:
    contact = Contact(kind=ContactKind.YOUTH_WORKER, name="Contactpersoon",
                      municipality_id=municipality.id if municipality else None,
                      user_id=user.id if user else None)
    contact.topics, contact.languages = list(topics), ["nl"]
    db.session.add(contact)
    db.session.commit()
    return contact


def own_contact(world, actor) -> Contact:
    """The entry linked to the acting staff member (admins: a national one)."""
    where = None if actor.role == Role.ADMIN else world.home
    return new_contact(where, actor)


def scoped_contact(world, scope, actor) -> Contact:
    if scope == "own" and actor is not None and actor.is_staff:
        return own_contact(world, actor)
    staff = world.factory.user(Role.CONTACT, world.municipality(scope))
    return new_contact(world.municipality(scope), staff)


@maker("contact")
def make_contact(world, scope, actor):
    return scoped_contact(world, scope, actor).id


@maker("slug")
def make_slug(world, scope, actor):
    return "work"


@maker("assignment")
def make_assignment(world, scope, actor):
    youth = world.owner(scope, actor, Role.YOUTH)
    contact = scoped_contact(world, scope, actor)
    assignment = Assignment(youth_id=youth.id, contact_id=contact.id)
    db.session.add(assignment)
    db.session.commit()
    return assignment.id


@maker("question")
def make_question(world, scope, actor):
    """own: asked by the acting youth, or sent to the acting staff member's entry."""
    youth = world.owner(scope, actor, Role.YOUTH)
    contact = scoped_contact(world, scope, actor)
    question = Question(asker_id=youth.id, municipality_id=youth.municipality_id, topic="work",
                        language="nl", body="Hoe vind ik een bijbaan?", contact_id=contact.id)
    question.recipients = [QuestionRecipient(user_id=contact.user_id, contact_id=contact.id,
                                             contact_name=contact.name)]
    db.session.add(question)
    db.session.commit()
    return question.id


def assignment_body(world, scope, actor):
    youth = world.owner("same", actor, Role.YOUTH)
    return {"youth_id": youth.id, "contact_id": new_contact(world.home).id}


def question_body(world, scope, actor):
    new_contact(world.home, world.factory.user(Role.CONTACT, world.home))
    return {"topic": "work", "body": "Hoe schrijf ik een cv?"}


def per_scope(own, same, other=None):
    return {"own": own, "same": same, "other": other or same}


EDIT_CONTACT = per_scope(
    own=by_role(200, anonymous=401, youth=403),
    same=by_role(200, anonymous=401, youth=403, contact=403),
    other=by_role(404, anonymous=401, youth=403, admin=200))
# Who it is, what it helps with, whether it is on, its screening and the link stay with staff:
# the linked person (role contact) changes only their own texts, reach and opening hours.
EDIT_STAFF_FIELDS = per_scope(
    own=by_role(200, anonymous=401, youth=403, contact=403),
    same=by_role(200, anonymous=401, youth=403, contact=403),
    other=by_role(404, anonymous=401, youth=403, admin=200))
# Nobody records their own VOG check (own: the entry linked to the acting staff member).
EDIT_SCREENING = per_scope(
    own=by_role(403, anonymous=401),
    same=by_role(200, anonymous=401, youth=403, contact=403),
    other=by_role(404, anonymous=401, youth=403, admin=200))
DELETE_CONTACT = per_scope(
    own=by_role(204, anonymous=401, youth=403, contact=403),
    same=by_role(204, anonymous=401, youth=403, contact=403),
    other=by_role(404, anonymous=401, youth=403, contact=403, admin=204))
DELETE_ASSIGNMENT = per_scope(
    own=by_role(403, anonymous=401, mentor=204, youth_worker=204, admin=204),
    same=by_role(403, anonymous=401, mentor=204, youth_worker=204, admin=204),
    other=by_role(403, anonymous=401, mentor=404, youth_worker=404, admin=204))

CASES = [
    Case("GET", "/api/v1/contacts", LOGGED_IN),
    Case("POST", "/api/v1/contacts", MANAGERS_CREATE,
         body={"kind": "job_coach", "name": "Nieuwe coach", "languages": ["ar"]}),
    Case("GET", "/api/v1/contacts/{contact}",
         per_scope(LOGGED_IN, LOGGED_IN, by_role(404, anonymous=401, admin=200))),
    Case("PATCH", "/api/v1/contacts/{contact}", EDIT_CONTACT,
         body={"help_texts": {"nl": "Ik help met werk."}, "phone": "", "opening_hours": "ma"}),
    Case("PATCH", "/api/v1/contacts/{contact}", EDIT_STAFF_FIELDS, body={"name": "Nieuwe naam"}),
    Case("PATCH", "/api/v1/contacts/{contact}", EDIT_STAFF_FIELDS, body={"active": True}),
    Case("PATCH", "/api/v1/contacts/{contact}", EDIT_STAFF_FIELDS,
         body={"kind": "guardian", "topics": ["work", "money", "health"]}),
    Case("PATCH", "/api/v1/contacts/{contact}", EDIT_SCREENING,
         body={"screening": {"checked_on": "2026-01-05", "valid_until": "2029-01-05"}}),
    Case("DELETE", "/api/v1/contacts/{contact}", DELETE_CONTACT),
    Case("GET", "/api/v1/contacts/coverage", MANAGERS_OK),
    Case("GET", "/api/v1/contacts/kinds", MANAGERS_OK),
    Case("GET", "/api/v1/me/people", by_role(403, anonymous=401, youth=200)),
    Case("GET", "/api/v1/assignments", MANAGERS_OK),
    Case("POST", "/api/v1/assignments", MANAGERS_CREATE, body=assignment_body),
    Case("DELETE", "/api/v1/assignments/{assignment}", DELETE_ASSIGNMENT),
    Case("GET", "/api/v1/topics", ANY),
    Case("GET", "/api/v1/topics/{slug}/contacts", LOGGED_IN),
    Case("POST", "/api/v1/questions", by_role(403, anonymous=401, youth=201), body=question_body),
    Case("GET", "/api/v1/questions", LOGGED_IN),
    Case("GET", "/api/v1/questions/{question}", per_scope(LOGGED_IN, NOT_FOUND)),
    Case("POST", "/api/v1/questions/{question}/answers",
         per_scope(by_role(201, anonymous=401, youth=403), NOT_FOUND), body={"body": "Zo!"}),
    Case("POST", "/api/v1/questions/{question}/replies",
         per_scope(by_role(403, anonymous=401, youth=201), NOT_FOUND), body={"body": "Dank"}),
    Case("POST", "/api/v1/questions/{question}/helped",
         per_scope(by_role(403, anonymous=401, youth=200), NOT_FOUND), body={"helped": True}),
]
