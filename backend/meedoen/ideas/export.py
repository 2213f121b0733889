"""What the ideas feature holds about a person, for their export.

Feedback on activities is stored without the person, so the export can only say which
activities they gave feedback on, not what they said.
"""

from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.ideas.models import FeedbackGiven, Idea, IdeaAnswer, IdeaReport, IdeaSupport
from meedoen.privacy import exporter


@exporter("ideas")
def export_ideas(user: User) -> list[dict]:
    ideas = db.session.scalars(select(Idea).where(Idea.author_id == user.id).order_by(Idea.id))
    return [{"id": idea.id, "category": idea.category, "status": idea.status.value,
             "will_help_organise": idea.will_help_organise,
             "created_at": idea.created_at.isoformat(),
             "hidden_reason": idea.hidden_reason,
             "original_language": idea.original_language,
             # Every language it exists in: as written, typed by staff, machine translated.
             "texts": {t.language: {"title": t.title, "description": t.description,
                                    "translation": _made_by(t, idea.original_language)}
                       for t in idea.texts}} for idea in ideas]


def _made_by(text, original_language: str) -> str:
    return "original" if text.language == original_language else text.origin


@exporter("idea_supports")
def export_supports(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaSupport).where(IdeaSupport.user_id == user.id))
    return [{"idea_id": s.idea_id, "kind": s.kind.value, "at": s.created_at.isoformat()}
            for s in rows]


@exporter("idea_reports")
def export_reports(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaReport).where(IdeaReport.reporter_id == user.id))
    return [{"idea_id": r.idea_id, "reason": r.reason.value, "note": r.note,
             "at": r.created_at.isoformat()} for r in rows]


@exporter("activity_feedback_given")
def export_feedback_given(user: User) -> list[int]:
    return list(db.session.scalars(select(FeedbackGiven.activity_id)
                                   .where(FeedbackGiven.user_id == user.id)
                                   .order_by(FeedbackGiven.activity_id)))


@exporter("idea_answers_written")
def export_answers(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaAnswer).where(IdeaAnswer.author_id == user.id)
                              .order_by(IdeaAnswer.id))
    return [{"idea_id": a.idea_id, "status": a.status.value, "at": a.created_at.isoformat(),
             "messages": {t.language: t.message for t in a.texts}} for a in rows]
