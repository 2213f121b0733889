"""Sending a question to the right contacts, answering, replying and forgetting old ones."""

from datetime import timedelta

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from meedoen.auth.models import User
from meedoen.contacts.models import Contact
from meedoen.contacts.policy import get_visible_contact
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.questions.models import Question, QuestionMessage, QuestionRecipient
from meedoen.questions.policy import readable_by
from meedoen.topics import get_topic


def recipients_for(asker, data: dict) -> list[Contact]:
    """The one chosen contact, or every contact here with an account for the topic."""
    if data.get("contact_id") is not None:
        contact = get_visible_contact(asker, data["contact_id"])
        if not contact.active or contact.user_id not in active_accounts([contact.user_id]):
            fail(422, fields={"contact_id": [_("This contact cannot receive questions in the "
                                               "app. Please call, message or visit them.")]})
        return [contact]
    contacts = list(db.session.scalars(select(Contact).where(
        Contact.municipality_id == asker.municipality_id, Contact.active,
        Contact.user_id.is_not(None), Contact.topic_rows.any(topic=data["topic"]))))
    reachable = active_accounts([c.user_id for c in contacts])
    contacts = [c for c in contacts if c.user_id in reachable]
    if not contacts:
        fail(422, "no_one_to_ask", _("No one here can receive questions on this topic in the app "
                                     "yet. Look at the contacts for this topic to call or visit "
                                     "someone."))
    return contacts


def active_accounts(user_ids: list[int | None]) -> set[int]:
    """Questions only go to accounts that can still log in."""
    return set(db.session.scalars(select(User.id).where(User.id.in_(
        [i for i in user_ids if i is not None]), User.is_active_account)))


def ask(asker, data: dict) -> Question:
    contacts = recipients_for(asker, data)
    question = Question(asker_id=asker.id, municipality_id=asker.municipality_id,
                        topic=data["topic"], body=data["body"], contact_id=data.get("contact_id"),
                        to_everyone=data.get("contact_id") is None,
                        language=data.get("language") or str(get_locale()))
    question.recipients = [QuestionRecipient(user_id=c.user_id, contact_id=c.id,
                                             contact_name=c.name) for c in contacts]
    db.session.add(question)
    db.session.flush()
    notify("question.asked", [c.user_id for c in contacts], question_id=question.id)
    return question


def add_message(question: Question, author, kind: str, body: str) -> QuestionMessage:
    message = QuestionMessage(question_id=question.id, author_id=author.id, kind=kind, body=body)
    question.messages.append(message)
    question.last_activity_at = utcnow()
    if kind == "answer":
        notify("question.answered", [question.asker_id], question_id=question.id)
    else:
        notify("question.replied", [r.user_id for r in question.recipients],
               question_id=question.id)
    return message


def list_for(user, offset: int, limit: int) -> list[Question]:
    return list(db.session.scalars(
        select(Question).where(readable_by(user))
        .options(selectinload(Question.recipients), selectinload(Question.messages),
                 selectinload(Question.asker))
        .order_by(Question.last_activity_at.desc(), Question.id.desc())
        .offset(offset).limit(limit)))


def present(question: Question, viewer, with_messages: bool = True) -> dict:
    topic = get_topic(question.topic)
    names = {r.user_id: r.contact_name for r in question.recipients}
    messages = question.messages
    data = {
        "id": question.id, "topic": question.topic,
        "topic_label": str(topic.label) if topic else question.topic,
        "language": question.language, "body": question.body,
        "asker": {"name": question.asker.display_name, "is_me": question.asker_id == viewer.id,
                  "is_asker": True},
        "sent_to": [{"contact_id": r.contact_id, "name": r.contact_name}
                    for r in question.recipients],
        "to_everyone_for_topic": question.to_everyone,
        "status": "answered" if messages and messages[-1].kind == "answer" else "waiting",
        "helped": question.helped, "message_count": len(messages),
        "created_at": question.created_at, "last_activity_at": question.last_activity_at,
    }
    if with_messages:
        data["messages"] = [_present_message(m, question, names, viewer) for m in messages]
    return data


def _present_message(message: QuestionMessage, question: Question, names: dict, viewer) -> dict:
    from_asker = message.kind == "reply"
    return {"id": message.id, "kind": message.kind, "body": message.body,
            "created_at": message.created_at,
            "author": {"name": question.asker.display_name if from_asker
                       else names.get(message.author_id),
                       "is_me": message.author_id == viewer.id, "is_asker": from_asker}}


def purge_old_questions(now=None) -> int:
    """Delete questions whose last message is older than the retention period."""
    retention: timedelta = current_app.config["QUESTION_RETENTION"]
    cutoff = (now or utcnow()) - retention
    result = db.session.execute(delete(Question).where(Question.last_activity_at < cutoff))
    return result.rowcount
