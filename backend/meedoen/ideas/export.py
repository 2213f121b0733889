"""What the ideas feature holds about a person: their export, and what their erasure removes
beyond the database's ON DELETE.
"""

from sqlalchemy import Connection, and_, delete, or_, select

from meedoen.auth.models import User
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaAnswer, IdeaReport, IdeaSupport
from meedoen.ideas.notices import idea_url
from meedoen.ideas.schemas import IdeaTextOutSchema
from meedoen.notifications.models import InboxItem
from meedoen.privacy import PersonalData, iso, moment
from meedoen.translation.models import TranslationJob


class IdeaTextExportSchema(IdeaTextOutSchema):
    """One stored language of an idea: what the reader's view adds about languages is left out
    (every language is in the export)."""

    class Meta(IdeaTextOutSchema.Meta):
        exclude = ("language", "fallback", "original_language", "available_languages",
                   "original")


class IdeaExportSchema(Schema):
    id = fields.Integer()
    category = fields.String(allow_none=True)
    status = fields.String()
    will_help_organise = fields.Boolean()
    created_at = moment()
    hidden_reason = fields.String(allow_none=True)
    original_language = fields.String(allow_none=True)
    texts = fields.Dict(keys=fields.String(), values=fields.Nested(IdeaTextExportSchema))


class SupportExportSchema(Schema):
    idea_id = fields.Integer()
    kind = fields.String()
    at = moment()


class ReportExportSchema(Schema):
    idea_id = fields.Integer()
    reason = fields.String()
    note = fields.String(allow_none=True)
    at = moment()


class IdeaAnswerExportSchema(Schema):
    idea_id = fields.Integer()
    status = fields.String()
    at = moment()
    messages = fields.Dict(keys=fields.String(), values=fields.String(allow_none=True))


class HiddenExportSchema(Schema):
    idea_id = fields.Integer()
    at = moment(allow_none=True)
    reason = fields.String(allow_none=True)


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("ideas", covers=[Idea.author_id],
                   schema=fields.List(fields.Nested(IdeaExportSchema)))
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


@personal.exporter("idea_supports", covers=[IdeaSupport.user_id],
                   schema=fields.List(fields.Nested(SupportExportSchema)))
def export_supports(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaSupport).where(IdeaSupport.user_id == user.id)
                              .order_by(IdeaSupport.created_at, IdeaSupport.idea_id))
    return [{"idea_id": s.idea_id, "kind": s.kind.value, "at": s.created_at.isoformat()}
            for s in rows]


@personal.exporter("idea_reports", covers=[IdeaReport.reporter_id],
                   schema=fields.List(fields.Nested(ReportExportSchema)))
def export_reports(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaReport).where(IdeaReport.reporter_id == user.id)
                              .order_by(IdeaReport.created_at, IdeaReport.idea_id))
    return [{"idea_id": r.idea_id, "reason": r.reason.value, "note": r.note,
             "at": r.created_at.isoformat()} for r in rows]


@personal.exporter("idea_answers_written", covers=[IdeaAnswer.author_id],
                   schema=fields.List(fields.Nested(IdeaAnswerExportSchema)))
def export_answers(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdeaAnswer).where(IdeaAnswer.author_id == user.id)
                              .order_by(IdeaAnswer.id))
    return [{"idea_id": a.idea_id, "status": a.status.value, "at": a.created_at.isoformat(),
             "messages": {t.language: t.message for t in a.texts}} for a in rows]


@personal.exporter("ideas_hidden", covers=[Idea.hidden_by_id],
                   schema=fields.List(fields.Nested(HiddenExportSchema)))
def export_hidden(user: User) -> list[dict]:
    """Staff: the ideas I hid, with my reason."""
    rows = db.session.scalars(select(Idea).where(Idea.hidden_by_id == user.id)
                              .order_by(Idea.id))
    return [{"idea_id": i.id, "at": iso(i.hidden_at),
             "reason": i.hidden_reason} for i in rows]


# -- erasure ---------------------------------------------------------------------------------

@personal.owned_ids("idea_id")
def authored_ideas(connection: Connection, user_id: int) -> list[int]:
    return list(connection.scalars(select(Idea.id).where(Idea.author_id == user_id)))


@personal.eraser("ideas", covers=["inbox_item.url", "event.data", "translation_job.subject_id"])
def forget_ideas(connection: Connection, user_id: int) -> None:
    """The person's ideas go with them (CASCADE); so do the messages *others* got about them
    (a supporter's "“<title>” is now: Planned", in any language), the pending events that
    would make such messages, and queued translations of the idea and its answers."""
    ideas = authored_ideas(connection, user_id)
    if not ideas:
        return
    connection.execute(delete(InboxItem).where(
        InboxItem.url.in_([idea_url(i) for i in ideas]), InboxItem.user_id != user_id))
    connection.execute(delete(Event).where(Event.data["idea_id"].as_integer().in_(ideas)))
    answers = select(IdeaAnswer.id).where(IdeaAnswer.idea_id.in_(ideas)).scalar_subquery()
    connection.execute(delete(TranslationJob).where(or_(
        and_(TranslationJob.subject == "idea", TranslationJob.subject_id.in_(ideas)),
        and_(TranslationJob.subject == "idea_answer", TranslationJob.subject_id.in_(answers)))))
