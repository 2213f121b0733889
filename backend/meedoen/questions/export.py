from sqlalchemy import Connection, and_, delete, or_, select

from meedoen.auth.models import User
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.privacy import PersonalData, moment
from meedoen.questions.models import Question, QuestionMessage, QuestionRecipient
from meedoen.questions.translation import message_rows, question_rows
from meedoen.translation.models import TranslationJob


def _message(message: QuestionMessage) -> dict:
    return {"kind": message.kind, "language": message.language, "body": message.body,
            "at": message.created_at.isoformat(),
            "texts": texts_of(message_rows(message), message.language)}


def texts_of(rows: dict, original_language: str | None) -> dict:
    """Every language a text exists in: as written ("original") and as translated."""
    return {language: {"body": row.body,
                       "translation": "original" if language == original_language
                       else row.origin}
            for language, row in sorted(rows.items())}


class QuestionTextExportSchema(Schema):
    body = fields.String()
    translation = fields.String(allow_none=True)  # "original", or how it was translated


class WrittenExportSchema(Schema):
    language = fields.String(allow_none=True)
    body = fields.String()
    at = moment()
    texts = fields.Dict(keys=fields.String(), values=fields.Nested(QuestionTextExportSchema))


class MessageExportSchema(WrittenExportSchema):
    kind = fields.String()


class QuestionExportSchema(Schema):
    topic = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    body = fields.String()
    helped = fields.Boolean(allow_none=True)
    created_at = moment()
    texts = fields.Dict(keys=fields.String(), values=fields.Nested(QuestionTextExportSchema))
    messages = fields.List(fields.Nested(MessageExportSchema))


class AnswerWrittenExportSchema(WrittenExportSchema):
    question_id = fields.Integer()


class ReceivedExportSchema(Schema):
    question_id = fields.Integer()
    as_ = fields.String(data_key="as", allow_none=True)
    at = moment()


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("questions_asked", covers=[Question.asker_id],
                   schema=fields.List(fields.Nested(QuestionExportSchema)))
def export_questions(user: User) -> list[dict]:
    rows = db.session.scalars(select(Question).where(Question.asker_id == user.id)
                              .order_by(Question.id))
    return [{"topic": q.topic, "language": q.language, "body": q.body, "helped": q.helped,
             "created_at": q.created_at.isoformat(),
             "texts": texts_of(question_rows(q), q.language),
             "messages": [_message(m) for m in q.messages]} for q in rows]


@personal.exporter("answers_written", covers=[QuestionMessage.author_id],
                   schema=fields.List(fields.Nested(AnswerWrittenExportSchema)))
def export_answers(user: User) -> list[dict]:
    """What I wrote in others' questions (my replies in my own are in questions_asked)."""
    rows = db.session.scalars(
        select(QuestionMessage).join(Question, Question.id == QuestionMessage.question_id)
        .where(QuestionMessage.author_id == user.id, Question.asker_id != user.id)
        .order_by(QuestionMessage.id))
    return [{"question_id": m.question_id, "language": m.language, "body": m.body,
             "at": m.created_at.isoformat(), "texts": texts_of(message_rows(m), m.language)}
            for m in rows]


@personal.exporter("questions_received", covers=[QuestionRecipient.user_id],
                   schema=fields.List(fields.Nested(ReceivedExportSchema)))
def export_received(user: User) -> list[dict]:
    """Staff: which questions were sent to me, through which entry (the question itself is
    the asker's data and in their export)."""
    rows = db.session.execute(
        select(QuestionRecipient.question_id, QuestionRecipient.contact_name, Question.created_at)
        .join(Question, Question.id == QuestionRecipient.question_id)
        .where(QuestionRecipient.user_id == user.id).order_by(QuestionRecipient.question_id))
    return [{"question_id": question_id, "as": contact_name, "at": at.isoformat()}
            for question_id, contact_name, at in rows]


@personal.eraser("questions", covers=["translation_job.subject_id"])
def forget_questions(connection: Connection, user_id: int) -> None:
    """The person's questions go with them (CASCADE); so do their queued translations."""
    asked = select(Question.id).where(Question.asker_id == user_id).scalar_subquery()
    messages = select(QuestionMessage.id).where(
        QuestionMessage.question_id.in_(asked)).scalar_subquery()
    connection.execute(delete(TranslationJob).where(or_(
        and_(TranslationJob.subject == "question", TranslationJob.subject_id.in_(asked)),
        and_(TranslationJob.subject == "question_message",
             TranslationJob.subject_id.in_(messages)))))
