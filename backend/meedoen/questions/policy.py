"""Only the asker and the accounts a question was sent to can read it; anyone else gets 404.

An account reads a question sent to it only while it is still linked to the contact entry
it was sent through and that entry is switched on: unlinking or switching off ends reading,
answering and listing (404), and switching it on again gives it back. A contact entry that is
deleted ends it too.
"""

from sqlalchemy import ColumnElement, or_, select

from meedoen.authz import one_or_404
from meedoen.contacts.models import Contact
from meedoen.core.errors import fail
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionRecipient


def readable_by(user) -> ColumnElement[bool]:
    still_theirs = select(Contact.id).where(Contact.user_id == user.id, Contact.active)
    sent_to_user = select(QuestionRecipient.question_id).where(
        QuestionRecipient.user_id == user.id,
        QuestionRecipient.contact_id.in_(still_theirs.scalar_subquery()))
    return or_(Question.asker_id == user.id, Question.id.in_(sent_to_user.scalar_subquery()))


def current_recipients(question: Question) -> list[int]:
    """The accounts the question was sent to that may still read it (same rule as above)."""
    contact_ids = {recipient.contact_id for recipient in question.recipients}
    linked = {tuple(row) for row in db.session.execute(select(Contact.id, Contact.user_id).where(
        Contact.id.in_(contact_ids), Contact.active))}
    return [recipient.user_id for recipient in question.recipients
            if (recipient.contact_id, recipient.user_id) in linked]


def get_readable_question(user, question_id: int) -> Question:
    return one_or_404(Question, question_id, readable_by(user))


def is_asker(user, question: Question) -> bool:
    return question.asker_id == user.id


def get_question_to_answer(user, question_id: int) -> Question:
    question = get_readable_question(user, question_id)
    if is_asker(user, question):
        fail(403)
    return question


def get_own_question(user, question_id: int) -> Question:
    question = get_readable_question(user, question_id)
    if not is_asker(user, question):
        fail(403)
    return question
