"""A person's suggested wordings and reviewer roles in their export; what erasure removes."""

from sqlalchemy import Connection, delete, select

from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.privacy import PersonalData, iso, moment
from meedoen.wording.models import LanguageReviewer, SuggestionStatus, WordingSuggestion


class SuggestionExportSchema(Schema):
    id = fields.Integer()
    language = fields.String()
    text_in_app = fields.String()
    seen = fields.String(allow_none=True)
    suggested = fields.String()
    status = fields.String()
    at = moment(allow_none=True)
    reviewed_at = moment(allow_none=True)
    imported_at = moment(allow_none=True)


class ReviewExportSchema(Schema):
    suggestion_id = fields.Integer()
    language = fields.String()
    decision = fields.String()
    at = moment(allow_none=True)


class ReviewerRoleExportSchema(Schema):
    language = fields.String()
    since = moment(allow_none=True)


class GrantedExportSchema(Schema):
    reviewer_id = fields.Integer(metadata={
        "description": "The reviewer entry, as in DELETE /wording/reviewers/{reviewer_id}; "
                       "not the reviewer's account, which is another person's data."})
    language = fields.String()
    at = moment(allow_none=True)


class ReviewerExportSchema(Schema):
    reviews = fields.List(fields.Nested(ReviewerRoleExportSchema))
    granted = fields.List(fields.Nested(GrantedExportSchema))


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("wording_suggestions", covers=[WordingSuggestion.author_id],
                   schema=fields.List(fields.Nested(SuggestionExportSchema)))
def export_suggestions(user) -> list[dict]:
    rows = db.session.scalars(select(WordingSuggestion).where(
        WordingSuggestion.author_id == user.id).order_by(WordingSuggestion.id))
    return [{"id": s.id, "language": s.language, "text_in_app": s.msgid, "seen": s.current,
             "suggested": s.text, "status": s.status.value, "at": iso(s.created_at),
             "reviewed_at": iso(s.reviewed_at), "imported_at": iso(s.imported_at)}
            for s in rows]


@personal.exporter("wording_reviews", covers=[WordingSuggestion.reviewer_id],
                   schema=fields.List(fields.Nested(ReviewExportSchema)))
def export_reviews(user) -> list[dict]:
    rows = db.session.scalars(select(WordingSuggestion).where(
        WordingSuggestion.reviewer_id == user.id).order_by(WordingSuggestion.id))
    return [{"suggestion_id": s.id, "language": s.language, "decision": s.status.value,
             "at": iso(s.reviewed_at)} for s in rows]


@personal.exporter("language_reviewer",
                   covers=[LanguageReviewer.user_id, LanguageReviewer.granted_by_id],
                   schema=ReviewerExportSchema)
def export_reviewer_roles(user) -> dict:
    mine = db.session.scalars(select(LanguageReviewer).where(LanguageReviewer.user_id == user.id)
                              .order_by(LanguageReviewer.id))
    granted = db.session.scalars(select(LanguageReviewer).where(
        LanguageReviewer.granted_by_id == user.id).order_by(LanguageReviewer.id))
    return {"reviews": [{"language": r.language, "since": iso(r.created_at)} for r in mine],
            "granted": [{"reviewer_id": r.id, "language": r.language,
                         "at": iso(r.created_at)} for r in granted]}


@personal.eraser("wording", covers=[WordingSuggestion.author_id])
def forget_suggestions(connection: Connection, user_id: int) -> None:
    """Pending and rejected wordings go; an accepted one is the catalog's now and stays
    without its author (the foreign key sets it to NULL)."""
    connection.execute(delete(WordingSuggestion).where(
        WordingSuggestion.author_id == user_id,
        WordingSuggestion.status != SuggestionStatus.ACCEPTED))
