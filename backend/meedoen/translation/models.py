"""What the translation worker keeps: work to do, answers already paid for, characters used."""

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db


class TranslationJob(db.Model):
    """One thing whose texts should be (re)translated. Written in the transaction that saved
    the text, so no change is ever forgotten; deleted when done."""

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(24))
    subject_id: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("subject", "subject_id"),
                      Index("ix_translation_job_due", "not_before"))


class TranslationCache(db.Model):
    """Machine translations of texts written for publication, so that the same text is never
    sent twice. Personal texts are never cached here: their own rows are their only copy, and
    they go when the person's data goes."""

    provider: Mapped[str] = mapped_column(String(24), primary_key=True)
    source: Mapped[str] = mapped_column(String(8), primary_key=True)
    target: Mapped[str] = mapped_column(String(8), primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TranslationUsage(db.Model):
    """Characters sent to a provider per day: the daily cap, and the monthly figure admins see."""

    provider: Mapped[str] = mapped_column(String(24), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    characters: Mapped[int] = mapped_column(Integer, default=0)
