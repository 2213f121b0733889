"""Sending a question to the right contacts, answering, replying and forgetting old ones."""

from collections import defaultdict
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from meedoen.auth.models import User, UserLanguage
from meedoen.contacts.models import Contact, ContactLanguage
from meedoen.contacts.policy import get_visible_contact
from meedoen.contacts.screening import can_receive_questions, receives_questions
from meedoen.core.errors import fail
from meedoen.core.languages import speech_family
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.core.ratelimit import check_per_person
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n import current_language
from meedoen.questions.models import Question, QuestionMessage, QuestionRecipient
from meedoen.questions.policy import current_recipients, readable_by
from meedoen.translation.audience import base
from meedoen.translation.subjects import request_translation


def question_language(data: dict) -> str:
    """The language a question or message is written in: as the writer's app says, else the
    request's language (the writer's app language)."""
    return data.get("language") or current_language()


def recipients_for(asker, data: dict) -> list[Contact]:
    """The one chosen contact, or every contact here with an account for the topic: those who
    speak the language the question is written in first, then those who speak another of the
    asker's languages (the order of the list and of the notifications)."""
    if data.get("contact_id") is not None:
        contact = get_visible_contact(asker, data["contact_id"])
        if (not can_receive_questions(contact)
                or contact.user_id not in active_accounts([contact.user_id])):
            fail(422, fields={"contact_id": [_("This contact cannot receive questions in the "
                                               "app. Please call, message or visit them.")]})
        return [contact]
    contacts = list(db.session.scalars(select(Contact).where(
        Contact.municipality_id == asker.municipality_id, receives_questions(),
        Contact.user_id.is_not(None), Contact.topic_rows.any(topic=data["topic"]))
        .options(selectinload(Contact.language_rows)).order_by(Contact.id)))
    reachable = active_accounts([c.user_id for c in contacts])
    written_in, spoken = base(question_language(data)), {base(code) for code in asker.languages}
    contacts = sorted((c for c in contacts if c.user_id in reachable),
                      key=lambda c: (language_rank(c.languages, written_in, spoken), c.id))
    if not contacts:
        fail(422, "no_one_to_ask", _("No one here can receive questions on this topic in the app "
                                     "yet. Look at the contacts for this topic to call or visit "
                                     "someone."))
    return contacts


def language_rank(languages, written_in: str, spoken: set[str]) -> tuple[bool, bool]:
    """Sorts first who speaks the language of the question, then who speaks another of the
    asker's languages. Dari and Persian speakers understand each other."""
    codes = {speech_family(code) for code in languages}
    return (speech_family(written_in) not in codes,
            not codes & {speech_family(code) for code in spoken})


def active_accounts(user_ids: list[int | None]) -> set[int]:
    """Questions only go to accounts that can still log in."""
    return set(db.session.scalars(select(User.id).where(User.id.in_(
        [i for i in user_ids if i is not None]), User.is_active_account)))


def check_question_limit(asker) -> None:
    """QUESTION_LIMITS per young person: each question reaches several helpers."""
    check_per_person(asker, Question.created_at, [Question.asker_id == asker.id],
                     "QUESTION_LIMITS", "too_many_questions",
                     _("You have asked many questions in a short time. Please wait a while "
                       "before you ask another one."))


def check_reply_limit(author) -> None:
    """REPLY_LIMITS per young person, over all their questions."""
    check_per_person(author, QuestionMessage.created_at,
                     [QuestionMessage.author_id == author.id, QuestionMessage.kind == "reply"],
                     "REPLY_LIMITS", "too_many_replies",
                     _("You have sent many messages in a short time. Please wait a while "
                       "before you send another one."))


def ask(asker, data: dict) -> Question:
    check_question_limit(asker)
    contacts = recipients_for(asker, data)
    question = Question(asker_id=asker.id, municipality_id=asker.municipality_id,
                        topic=data["topic"], body=data["body"], contact_id=data.get("contact_id"),
                        to_everyone=data.get("contact_id") is None,
                        language=question_language(data))
    question.recipients = [QuestionRecipient(user_id=c.user_id, contact_id=c.id,
                                             contact_name=c.name) for c in contacts]
    db.session.add(question)
    db.session.flush()
    request_translation("question", question.id)
    notify("question.asked", [c.user_id for c in contacts], question_id=question.id)
    return question


def add_message(question: Question, author, kind: str, data: dict) -> QuestionMessage:
    """An answer (kind "answer") or the asker's reply ("reply"), in the language it is written
    in; the other side reads it in their own language soon after (questions/translation.py)."""
    if kind == "reply":
        check_reply_limit(author)
    message = QuestionMessage(question_id=question.id, author_id=author.id, kind=kind,
                              body=data["body"], language=question_language(data))
    question.messages.append(message)
    question.last_activity_at = utcnow()
    db.session.flush()
    request_translation("question_message", message.id)
    if kind == "answer":
        notify("question.answered", [question.asker_id], question_id=question.id)
    else:
        notify("question.replied", current_recipients(question), question_id=question.id)
    return message


def list_for(user, args: dict) -> dict:
    """A page (``keyset_page``) of the questions ``user`` may read, latest activity first.
    A question answered while someone pages moves to the top: a fresh start shows it there."""
    return keyset_page(
        select(Question).where(readable_by(user))
        .options(selectinload(Question.recipients), selectinload(Question.texts),
                 selectinload(Question.messages).selectinload(QuestionMessage.texts),
                 selectinload(Question.asker)),
        (Question.last_activity_at.desc(), Question.id.desc()), args, "questions")


def recipient_ranks(questions: list[Question]) -> dict[tuple[int, int], tuple]:
    """``language_rank`` of each (question id, contact id): ``sent_to`` names the recipients in
    the order they were asked. Two queries for a page."""
    contact_ids = {r.contact_id for q in questions for r in q.recipients if r.contact_id}
    if not contact_ids:
        return {}
    spoken = defaultdict(set)
    for contact_id, code in db.session.execute(
            select(ContactLanguage.contact_id, ContactLanguage.code)
            .where(ContactLanguage.contact_id.in_(contact_ids))):
        spoken[contact_id].add(code)
    asker_speaks = defaultdict(set)
    for user_id, code in db.session.execute(
            select(UserLanguage.user_id, UserLanguage.code)
            .where(UserLanguage.user_id.in_({q.asker_id for q in questions}))):
        asker_speaks[user_id].add(base(code))
    return {(q.id, r.contact_id): language_rank(spoken.get(r.contact_id, ()), base(q.language),
                                                asker_speaks[q.asker_id])
            for q in questions for r in q.recipients}


def purge_old_questions(now=None) -> int:
    """Delete questions whose last message is older than the retention period."""
    retention: timedelta = current_app.config["QUESTION_RETENTION"]
    cutoff = (now or utcnow()) - retention
    result = db.session.execute(delete(Question).where(Question.last_activity_at < cutoff))
    return result.rowcount
