import enum
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import (
    DDL,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from meedoen.core.models import UTCDateTime, postgresql_only, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EVENING_FROM_HOUR = 17


def _enum(kind):
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ActivityStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"  # stays visible as cancelled; activities are never deleted


class Transport(enum.StrEnum):
    NONE = "none"
    PICK_UP = "pick_up"
    TOGETHER = "together"  # "we travel together"


class SignupStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class ActivitySeries(db.Model):
    """A weekly or every-other-week series; its occurrences are ordinary Activity rows."""

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    every_weeks: Mapped[int] = mapped_column(Integer)
    until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Activity(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="SET NULL"), index=True
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_series.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[ActivityStatus] = mapped_column(_enum(ActivityStatus),
                                                   default=ActivityStatus.DRAFT)
    category: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Denormalised from starts_at (Amsterdam time) so that the filters stay plain SQL.
    is_evening: Mapped[bool] = mapped_column(Boolean, default=False)
    is_weekend: Mapped[bool] = mapped_column(Boolean, default=False)
    original_language: Mapped[str] = mapped_column(String(8))
    venue_name: Mapped[str] = mapped_column(String(120))
    venue_address: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    support_note: Mapped[str] = mapped_column(String(200), default="")
    transport: Mapped[Transport] = mapped_column(_enum(Transport), default=Transport.NONE)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Confirmed places. Only ever changed by one conditional UPDATE (see services.take_place).
    taken: Mapped[int] = mapped_column(Integer, default=0)
    # Spoken languages as " ar en nl ": one LIKE filters, no extra query per page.
    spoken: Mapped[str] = mapped_column(String(200), default=" ")
    beginner_friendly: Mapped[bool] = mapped_column(Boolean, default=False)
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    organiser: Mapped[str] = mapped_column(String(120), default="")
    contact_name: Mapped[str] = mapped_column(String(80), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    # Every language's title and description as lower-case plain text, kept up to date on
    # each flush (texts.py): text search is one LIKE on this row instead of a join.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    texts: Mapped[list["ActivityText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ActivityText.language",
        back_populates="activity",
    )

    __table_args__ = (
        Index("ix_activity_municipality_starts", "municipality_id", "starts_at"),
        # The filter youth use most; the index keeps the time order, so a page reads ~20 rows.
        Index("ix_activity_municipality_category_starts",
              "municipality_id", "category", "starts_at"),
        # Text search is LIKE '%words%': on PostgreSQL a trigram index answers it without
        # reading every activity (SQLite scans; fine at its scale).
        postgresql_only(Index("ix_activity_search_text_trigrams", "search_text",
                              postgresql_using="gin",
                              postgresql_ops={"search_text": "gin_trgm_ops"})),
    )

    @validates("starts_at")
    def _derive_time_flags(self, key, value: datetime) -> datetime:
        local = value.astimezone(AMSTERDAM)
        self.is_evening = local.hour >= EVENING_FROM_HOUR
        self.is_weekend = local.weekday() >= 5
        return value

    @property
    def languages(self) -> list[str]:
        return self.spoken.split()

    @languages.setter
    def languages(self, codes: list[str]) -> None:
        self.spoken = " " + " ".join(dict.fromkeys(codes)) + " "

    @property
    def spots_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.taken, 0)


class ActivityText(TranslatedText, db.Model):
    """Title and description in one language: the original, or a translation by staff or by
    the machine (``origin``; see meedoen.i18n.texts)."""

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    translated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )

    activity: Mapped[Activity] = relationship(back_populates="texts")


class Signup(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    status: Mapped[SignupStatus] = mapped_column(_enum(SignupStatus))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the user (re)joined: the waiting list is served in this order.
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    activity: Mapped[Activity] = relationship()

    __table_args__ = (UniqueConstraint("activity_id", "user_id"),)


class CalendarFeed(db.Model):
    """The secret of a user's calendar feed URL. Deleting the row revokes the URL."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    secret: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ActivityReminder(db.Model):
    """The day-before reminder for one sign-up was made (at most once; activities/reminders.py)."""

    __tablename__ = "activity_reminder"

    activity_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


event.listen(Activity.__table__, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"))


# -- one tap after an activity (activities/feedback.py) ------------------------------------

def _random_id() -> str:
    return uuid.uuid4().hex


class ActivityFeedback(db.Model):
    """What someone said about an activity, with nothing that ties it to them.

    No user, no time and a random (unordered) key; who has answered is kept apart in
    ``FeedbackGiven``, which in turn does not say what they answered.
    """

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_id)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    liked: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(String(200))


class FeedbackGiven(db.Model):
    """That a young person has given feedback on an activity (so only once), not what."""

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
