import enum
import secrets
from datetime import datetime, time

from flask_login import UserMixin
from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.places.models import Location, Municipality


class Role(enum.StrEnum):
    YOUTH = "youth"
    MENTOR = "mentor"
    YOUTH_WORKER = "youth_worker"
    CONTACT = "contact"
    ADMIN = "admin"


STAFF_ROLES = frozenset({Role.MENTOR, Role.YOUTH_WORKER, Role.CONTACT, Role.ADMIN})


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def role_enum():
    return Enum(Role, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class User(UserMixin, db.Model):
    """Youth accounts are pseudonymous: no birth date, nationality, BSN or V-number."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(role_enum())
    display_name: Mapped[str] = mapped_column(String(60))
    ui_language: Mapped[str] = mapped_column(String(8), default="nl")
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="SET NULL"), index=True
    )
    # Flask-Login's "alternative token": replaced on logout, password or role change
    # and deactivation, so that an old cookie stops working.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    is_active_account: Mapped[bool] = mapped_column("active", Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Three separate choices, each off until the young person turns it on (issue 13):
    # other youth see my name at activities I go to / on ideas I propose / on ideas I support.
    show_as_going: Mapped[bool] = mapped_column(Boolean, default=False)
    show_name_on_ideas: Mapped[bool] = mapped_column(Boolean, default=False)
    show_name_as_supporter: Mapped[bool] = mapped_column(Boolean, default=False)
    quiet_from: Mapped[time | None] = mapped_column(Time)
    quiet_until: Mapped[time | None] = mapped_column(Time)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    municipality: Mapped[Municipality | None] = relationship()
    location: Mapped[Location | None] = relationship()
    language_rows: Mapped[list["UserLanguage"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="UserLanguage.code"
    )
    interest_rows: Mapped[list["UserInterest"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="UserInterest.category"
    )
    mentor_location_rows: Mapped[list["MentorLocation"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MentorLocation.location_id"
    )

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:
        return self.is_active_account

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def languages(self) -> list[str]:
        return [row.code for row in self.language_rows]

    @languages.setter
    def languages(self, codes: list[str]) -> None:
        self.language_rows = [UserLanguage(code=c) for c in dict.fromkeys(codes)]

    @property
    def interests(self) -> list[str]:
        return [row.category for row in self.interest_rows]

    @interests.setter
    def interests(self, slugs: list[str]) -> None:
        self.interest_rows = [UserInterest(category=s) for s in dict.fromkeys(slugs)]

    @property
    def mentor_location_ids(self) -> list[int]:
        return [row.location_id for row in self.mentor_location_rows]

    def rotate_session_token(self) -> None:
        self.session_token = new_session_token()


class UserLanguage(db.Model):
    """A language the user speaks (ISO 639 code)."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class UserInterest(db.Model):
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class MentorLocation(db.Model):
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    location_id: Mapped[int] = mapped_column(
        ForeignKey("location.id", ondelete="CASCADE"), primary_key=True
    )
