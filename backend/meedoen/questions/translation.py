"""Questions and their answers and replies as something the translation feature translates
(meedoen.translation), both ways: the question and the young person's replies into the app
languages of the people it was sent to, an answer into the asker's.

Everything here is personal: written by a minor, or written to one in a private conversation.
It goes only to a provider allowed to see personal texts (worker.py), is never cached, and its
translations go with the question.
"""

from meedoen.extensions import db
from meedoen.i18n.texts import OriginalText
from meedoen.questions.models import Question, QuestionMessage, QuestionMessageText, QuestionText
from meedoen.questions.policy import current_recipients
from meedoen.translation.audience import app_languages
from meedoen.translation.subjects import Subject, row_adder, rows_by_language

FIELDS = ("body",)


def question_rows(question: Question) -> dict:
    """Every language of the question: the original (kept on the question) and translations."""
    return {**rows_by_language(question.texts),
            question.language: OriginalText(question.language, body=question.body)}


def message_rows(message: QuestionMessage) -> dict:
    rows = rows_by_language(message.texts)
    if message.language:  # messages from before translation do not say their language
        rows[message.language] = OriginalText(message.language, body=message.body)
    return rows


def readers(question: Question, kind: str) -> list[int]:
    """Who reads a text of this kind: an answer is for the asker; the question and the
    asker's replies are for the people it was sent to."""
    if kind == "answer":
        return [question.asker_id]
    return current_recipients(question)


QUESTION = Subject(
    name="question", model=Question, fields=FIELDS, rows=question_rows,
    add_row=row_adder("texts", QuestionText, body=""), personal=True,
    original_language=lambda question: question.language,
    target_languages=lambda question: app_languages(readers(question, "question")))


def _message_targets(message: QuestionMessage) -> set[str]:
    question = db.session.get(Question, message.question_id)
    return app_languages(readers(question, message.kind)) if question else set()


QUESTION_MESSAGE = Subject(
    name="question_message", model=QuestionMessage, fields=FIELDS, rows=message_rows,
    add_row=row_adder("texts", QuestionMessageText, body=""), personal=True,
    original_language=lambda message: message.language or "",
    target_languages=_message_targets)
