"""Points of contact: people and organisations a young person can turn to."""

import enum
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Date, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from meedoen.auth.models import User
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText
from meedoen.places.models import Municipality


class ContactKind(enum.StrEnum):
    MENTOR = "mentor"
    YOUTH_WORKER = "youth_worker"
    GUARDIAN = "guardian"
    SPORTS_COACH = "sports_coach"
    SCHOOL_COACH = "school_coach"
    JOB_COACH = "job_coach"
    COMMUNITY_ORGANISATION = "community_organisation"
    BUDDY = "buddy"
    HEALTH_WORKER = "health_worker"
    OTHER = "other"


KIND_LABELS = {
    ContactKind.MENTOR: _l("Mentor"),
    ContactKind.YOUTH_WORKER: _l("Youth worker"),
    ContactKind.GUARDIAN: _l("Guardian"),
    ContactKind.SPORTS_COACH: _l("Sports coach"),
    ContactKind.SCHOOL_COACH: _l("School coach"),
    ContactKind.JOB_COACH: _l("Job coach"),
    ContactKind.COMMUNITY_ORGANISATION: _l("Community organisation"),
    ContactKind.BUDDY: _l("Buddy with lived experience"),
    ContactKind.HEALTH_WORKER: _l("Health or wellbeing worker"),
    ContactKind.OTHER: _l("Other"),
}


# The name as lists sort it: compared byte by byte (code point order) on SQLite (BINARY) and on
# PostgreSQL ("C"), so both databases give the same order; the database's own lower() and
# collation would not (SQLite lowers ASCII only, PostgreSQL sorts by the database's locale).
NAME_KEY_TYPE = String(200).with_variant(String(200, collation="C"), "postgresql")


def name_sort_key(name: str) -> str:
    """What a contact's name sorts by: Python's ``str.lower()`` ("de Vries" among the d's;
    "Émile" and "Ömer" after the unaccented letters, as they always came). At most twice as
    long as the name ("İ" lowers to two code points)."""
    return name.lower()


class Contact(db.Model):
    """A person or organisation. ``municipality_id`` None means national (shown everywhere)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContactKind] = mapped_column(
        Enum(ContactKind, native_enum=False, length=32,
             values_callable=lambda kinds: [k.value for k in kinds])
    )
    name: Mapped[str] = mapped_column(String(100))
    # name_sort_key(name), kept by the model (_keep_name_key): the lists' ORDER BY.
    name_key: Mapped[str] = mapped_column(NAME_KEY_TYPE)
    organisation: Mapped[str | None] = mapped_column(String(120))
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    # The staff account that manages this entry and receives questions; a club or helpline has none.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), unique=True
    )
    lived_experience: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(20))
    whatsapp: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    original_language: Mapped[str] = mapped_column(String(8), default="nl")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Screening (VOG, contacts/screening.py): staff only. Checked on, valid until (inclusive),
    # the staff member who recorded it, and the end date a reminder was sent for.
    screening_checked_on: Mapped[date | None] = mapped_column(Date)
    screening_valid_until: Mapped[date | None] = mapped_column(Date)
    screening_checked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    screening_reminded_for: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    municipality: Mapped[Municipality | None] = relationship()
    screening_checked_by: Mapped[User | None] = relationship(
        foreign_keys=[screening_checked_by_id])
    language_rows: Mapped[list["ContactLanguage"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContactLanguage.code"
    )
    topic_rows: Mapped[list["ContactTopic"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContactTopic.topic"
    )
    texts: Mapped[list["ContactText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContactText.language"
    )

    @validates("name")
    def _keep_name_key(self, key: str, name: str | None) -> str | None:
        self.name_key = None if name is None else name_sort_key(name)
        return name

    @property
    def languages(self) -> list[str]:
        return [row.code for row in self.language_rows]

    @languages.setter
    def languages(self, codes: list[str]) -> None:
        self.language_rows = [ContactLanguage(code=c) for c in dict.fromkeys(codes)]

    @property
    def topics(self) -> list[str]:
        return [row.topic for row in self.topic_rows]

    @topics.setter
    def topics(self, slugs: list[str]) -> None:
        self.topic_rows = [ContactTopic(topic=s) for s in dict.fromkeys(slugs)]

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None


class ContactLanguage(db.Model):
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class ContactTopic(db.Model):
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class ContactText(TranslatedText, db.Model):
    """The "how I can help" text in one language."""

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    help_text: Mapped[str] = mapped_column(String(1000))


class Assignment(db.Model):
    """A contact is one of a young person's people (their mentor, guardian, buddy ...)."""

    __table_args__ = (UniqueConstraint("youth_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    assigned_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    contact: Mapped[Contact] = relationship()
    youth: Mapped[User] = relationship(foreign_keys=[youth_id])
