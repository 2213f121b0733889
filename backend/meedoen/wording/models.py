import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db

TEXT_MAX = 1000
MSGID_MAX = 2000


class SuggestionStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class LanguageReviewer(db.Model):
    """An admin lets this person accept or reject suggested wordings in one language."""

    __tablename__ = "language_reviewer"
    __table_args__ = (UniqueConstraint("user_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8), index=True)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user = db.relationship("User", foreign_keys=[user_id], lazy="joined")


class WordingSuggestion(db.Model):
    """A better wording of one catalog message (``msgid``) in one language."""

    __tablename__ = "wording_suggestion"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Erasure deletes the person's pending and rejected suggestions; an accepted wording
    # belongs to the catalog and stays, without its author (SET NULL).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    language: Mapped[str] = mapped_column(String(8), index=True)
    msgid: Mapped[str] = mapped_column(Text)
    current: Mapped[str] = mapped_column(Text)  # the translation the suggester saw
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[SuggestionStatus] = mapped_column(
        Enum(SuggestionStatus, native_enum=False, length=10,
             values_callable=lambda e: [m.value for m in e]),
        default=SuggestionStatus.PENDING, index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                    index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    @property
    def placeholders(self) -> list[str]:
        from meedoen.wording.catalog import placeholders

        return sorted(placeholders(self.msgid))
