import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db


class CheckinMethod(enum.StrEnum):
    ORGANISER = "organiser"  # the organiser tapped "here"
    CODE = "code"  # the young person scanned the QR code or typed the short code


class BirthYear(db.Model):
    """Optional, given by the young person for the figures by age band. A year only: the
    accounts are pseudonymous and hold no birth date."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer)


class Checkin(db.Model):
    """A young person was there. One row per person and occurrence; nothing else is kept."""

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    method: Mapped[CheckinMethod] = mapped_column(
        Enum(CheckinMethod, native_enum=False, length=16,
             values_callable=lambda e: [m.value for m in e]))
    # Came without a sign-up and took a free place.
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    # Helped organise (marked by the organiser): counts as volunteering hours in "my year".
    helped: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    # Also the index for "who was at this activity" (activity_id comes first).
    __table_args__ = (UniqueConstraint("activity_id", "user_id"),)

