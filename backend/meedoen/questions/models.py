"""Questions a young person asks the contacts for a topic, and the conversation after."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.auth.models import User
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText

BODY_MAX = 2000


class Question(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    asker_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    body: Mapped[str] = mapped_column(String(BODY_MAX))
    # The one contact it was addressed to; None: "whoever can help with this topic here".
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    to_everyone: Mapped[bool] = mapped_column(Boolean, default=False)
    helped: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Retention counts from here: a question is deleted this long after its last message.
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    asker: Mapped[User] = relationship()
    recipients: Mapped[list["QuestionRecipient"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="QuestionRecipient.user_id"
    )
    texts: Mapped[list["QuestionText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)
    messages: Mapped[list["QuestionMessage"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="QuestionMessage.id"
    )


class QuestionRecipient(db.Model):
    """A staff account the question was sent to, through their contact entry."""

    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    contact_name: Mapped[str] = mapped_column(String(100))


class QuestionMessage(db.Model):
    """An answer (from a contact) or a reply (from the young person)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    body: Mapped[str] = mapped_column(String(BODY_MAX))
    # The language it was written in (None: from before messages were translated).
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    texts: Mapped[list["QuestionMessageText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)


class QuestionText(TranslatedText, db.Model):
    """A question machine translated for the people it was sent to."""

    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    body: Mapped[str] = mapped_column(String(BODY_MAX))


class QuestionMessageText(TranslatedText, db.Model):
    """An answer or reply machine translated for the other side of the conversation."""

    message_id: Mapped[int] = mapped_column(
        ForeignKey("question_message.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    body: Mapped[str] = mapped_column(String(BODY_MAX))
