"""Youth voice: ideas young people propose, their supporters, staff answers and moderation
(the one-tap feedback after an activity is in meedoen.activities)."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.auth.models import User
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText


class IdeaStatus(enum.StrEnum):
    NEW = "new"
    LOOKING = "being_looked_at"
    PLANNED = "planned"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"


STATUS_LABELS = {
    IdeaStatus.NEW: _l("New"),
    IdeaStatus.LOOKING: _l("Being looked at"),
    IdeaStatus.PLANNED: _l("Planned"),
    IdeaStatus.DONE: _l("Done"),
    IdeaStatus.NOT_POSSIBLE: _l("Not possible"),
}


class SupportKind(enum.StrEnum):
    JOIN = "join"
    HELP = "help"


class ReportReason(enum.StrEnum):
    HURTFUL = "hurtful"
    SPAM = "spam"
    PERSONAL_INFO = "personal_info"
    OTHER = "other"


def _enum(kind, length: int):
    return Enum(kind, native_enum=False, length=length,
                values_callable=lambda members: [m.value for m in members])


class Idea(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Both indexed by the composite indexes below (municipality or author, then time).
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE")
    )
    # The proposer's own content: erased with their account.
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(32))
    original_language: Mapped[str] = mapped_column(String(8))
    will_help_organise: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[IdeaStatus] = mapped_column(_enum(IdeaStatus, 20), default=IdeaStatus.NEW)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_reason: Mapped[str | None] = mapped_column(String(300))
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    texts: Mapped[list["IdeaText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="IdeaText.language"
    )
    answers: Mapped[list["IdeaAnswer"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="IdeaAnswer.id"
    )

    __table_args__ = (
        Index("ix_idea_municipality_created", "municipality_id", "created_at"),
        Index("ix_idea_author_created", "author_id", "created_at"),
    )

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class IdeaText(TranslatedText, db.Model):
    """Title and description in one language (the original, or a staff translation)."""

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)


class IdeaSupport(db.Model):
    """One young person's support: the primary key makes it once per person."""

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[SupportKind] = mapped_column(_enum(SupportKind, 8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship()


class IdeaAnswer(db.Model):
    """A staff answer: the status it set and a short public message in one or more languages."""

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    status: Mapped[IdeaStatus] = mapped_column(_enum(IdeaStatus, 20))
    original_language: Mapped[str] = mapped_column(String(8))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author: Mapped[User | None] = relationship()
    texts: Mapped[list["IdeaAnswerText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="IdeaAnswerText.language"
    )


class IdeaAnswerText(TranslatedText, db.Model):
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("idea_answer.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    message: Mapped[str] = mapped_column(Text)


class IdeaReport(db.Model):
    """Someone thinks an idea should not be shown. Once per person; resolved when staff decide."""

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True
    )
    reporter_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    reason: Mapped[ReportReason] = mapped_column(_enum(ReportReason, 16))
    note: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
