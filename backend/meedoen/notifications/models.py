import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.auth.models import User
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText, shown_translation

# A notification is written in Dutch (required); other languages are the sender's own
# translations or the machine's (meedoen.notifications.translation).
ORIGINAL_LANGUAGE = "nl"
TEXT_FIELDS = ("title", "body")
URGENT_REASON_MAX = 200


def _enum(cls, length=16):
    return Enum(cls, native_enum=False, length=length,
                values_callable=lambda members: [m.value for m in members])


class NotificationStatus(enum.StrEnum):
    SCHEDULED = "scheduled"  # stored, waits for its time (or for a worker)
    SENT = "sent"  # inbox items and deliveries made


class Notification(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True)
    sender_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True)
    # {"location_ids": [...], "interests": [...], "languages": [...]}; empty: all youth
    audience: Mapped[dict] = mapped_column(JSON, default=dict)
    url: Mapped[str | None] = mapped_column(String(200))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why an urgent message may skip quiet hours (required with urgent; audited too).
    urgent_reason: Mapped[str | None] = mapped_column(String(URGENT_REASON_MAX))
    status: Mapped[NotificationStatus] = mapped_column(
        _enum(NotificationStatus), default=NotificationStatus.SCHEDULED)
    send_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sender: Mapped[User | None] = relationship()
    texts: Mapped[list["NotificationText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="NotificationText.lang")

    __table_args__ = (Index("ix_notification_due", "status", "send_at"),)

    def text_for(self, lang: str) -> "NotificationText":
        """The text in ``lang``, typed by the sender or machine translated, else the Dutch
        original."""
        by_lang = {t.lang: t for t in self.texts}
        return by_lang.get(lang) or by_lang[ORIGINAL_LANGUAGE]

    def translation_for(self, lang: str) -> str:
        """How the text ``text_for(lang)`` gives came to be: original, human or machine."""
        by_lang = {t.lang: t for t in self.texts}
        chosen = lang if lang in by_lang else ORIGINAL_LANGUAGE
        return shown_translation(by_lang, chosen, ORIGINAL_LANGUAGE,
                                 TEXT_FIELDS)["translation"]


class NotificationText(TranslatedText, db.Model):
    __tablename__ = "notification_text"

    notification_id: Mapped[int] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)


class InboxItem(db.Model):
    """One message for one user: from a sent notification or an automatic event."""

    __tablename__ = "inbox_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="message")
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # original, human or machine: how the message's text came to be in this language
    translation: Mapped[str | None] = mapped_column(String(8))
    url: Mapped[str | None] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(32))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # Quiet hours: no push before this time (the inbox shows it at once).
    push_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    deliveries: Mapped[list["Delivery"]] = relationship(
        back_populates="inbox_item", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Delivery.id")

    __table_args__ = (UniqueConstraint("notification_id", "user_id"),
                      Index("ix_inbox_item_user_created", "user_id", "id"))


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"  # waits for next_attempt_at (quiet hours, Retry-After)
    SENDING = "sending"  # claimed by a worker (claimed_at + lease)
    SENT = "sent"
    GONE = "gone"  # 404/410: the subscription was deleted
    FAILED = "failed"


class Delivery(db.Model):
    """One inbox item to one device. The database, not the queue, remembers what is done."""

    __tablename__ = "push_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    inbox_item_id: Mapped[int] = mapped_column(
        ForeignKey("inbox_item.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("push_subscription.id", ondelete="SET NULL"), index=True)
    status: Mapped[DeliveryStatus] = mapped_column(
        _enum(DeliveryStatus), default=DeliveryStatus.PENDING)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim: Mapped[str | None] = mapped_column(String(32), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_status: Mapped[int | None] = mapped_column(Integer)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    inbox_item: Mapped[InboxItem] = relationship(back_populates="deliveries")

    __table_args__ = (UniqueConstraint("inbox_item_id", "subscription_id"),
                      Index("ix_push_delivery_due", "status", "next_attempt_at"))


class NotificationOptOut(db.Model):
    """An automatic message group the user turned off in their profile."""

    __tablename__ = "notification_opt_out"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    group: Mapped[str] = mapped_column(String(32), primary_key=True)
