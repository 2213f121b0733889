from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.privacy import exporter
from meedoen.questions.models import Question, QuestionMessage
from meedoen.questions.translation import message_rows, question_rows


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


@exporter("questions_asked")
def export_questions(user: User) -> list[dict]:
    rows = db.session.scalars(select(Question).where(Question.asker_id == user.id)
                              .order_by(Question.id))
    return [{"topic": q.topic, "language": q.language, "body": q.body, "helped": q.helped,
             "created_at": q.created_at.isoformat(),
             "texts": texts_of(question_rows(q), q.language),
             "messages": [_message(m) for m in q.messages]} for q in rows]


@exporter("answers_written")
def export_answers(user: User) -> list[dict]:
    rows = db.session.scalars(select(QuestionMessage).where(QuestionMessage.author_id == user.id,
                                                            QuestionMessage.kind == "answer")
                              .order_by(QuestionMessage.id))
    return [{"question_id": m.question_id, "language": m.language, "body": m.body,
             "at": m.created_at.isoformat(), "texts": texts_of(message_rows(m), m.language)}
            for m in rows]
