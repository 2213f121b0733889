from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.privacy import exporter
from meedoen.questions.models import Question, QuestionMessage


@exporter("questions_asked")
def export_questions(user: User) -> list[dict]:
    rows = db.session.scalars(select(Question).where(Question.asker_id == user.id))
    return [{"topic": q.topic, "language": q.language, "body": q.body, "helped": q.helped,
             "created_at": q.created_at.isoformat(),
             "messages": [{"kind": m.kind, "body": m.body, "at": m.created_at.isoformat()}
                          for m in q.messages]} for q in rows]


@exporter("answers_written")
def export_answers(user: User) -> list[dict]:
    rows = db.session.scalars(select(QuestionMessage).where(QuestionMessage.author_id == user.id,
                                                            QuestionMessage.kind == "answer"))
    return [{"question_id": m.question_id, "body": m.body, "at": m.created_at.isoformat()}
            for m in rows]
