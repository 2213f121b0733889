"""Funds, requests for support, their steps and the anonymous totals left after deletion.

A request holds the least we need: what it is for, what it costs, the young person's age (a
fund asks for it; no birth date), never income, documents or a BSN.
"""

import enum
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Date, Enum, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.auth.models import User
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db
from meedoen.i18n.texts import TranslatedText

MESSAGE_MAX = 2000


class CostKind(enum.StrEnum):
    SPORT = "sport"
    CULTURE = "culture"
    GEAR = "gear"
    TRANSPORT = "transport"


COST_KIND_LABELS = {
    CostKind.SPORT: _l("Sport"),
    CostKind.CULTURE: _l("Culture"),
    CostKind.GEAR: _l("Gear and clothes"),
    CostKind.TRANSPORT: _l("Transport"),
}


class CostPeriod(enum.StrEnum):
    ONCE = "once"
    MONTH = "month"
    YEAR = "year"


class RequestStatus(enum.StrEnum):
    NEW = "new"
    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"
    OTHER_WAY = "paid_other_way"


class StepKind(enum.StrEnum):
    MESSAGE = "message"        # the young person writes
    QUESTION = "question"      # the intermediary asks something back
    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"
    OTHER_WAY = "paid_other_way"


def _enum(kind, length: int):
    return Enum(kind, native_enum=False, length=length,
                values_callable=lambda members: [m.value for m in members])


class Fund(db.Model):
    """A fund or scheme that pays costs for people of a municipality (admins manage them)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    min_age: Mapped[int] = mapped_column(Integer)
    max_age: Mapped[int] = mapped_column(Integer)
    # The kinds of cost it pays for as " sport culture " (one LIKE filters).
    kinds_text: Mapped[str] = mapped_column(String(60))
    max_cents_per_year: Mapped[int] = mapped_column(Integer)
    apply_url: Mapped[str] = mapped_column(String(300))
    grant_months: Mapped[int] = mapped_column(Integer, default=12)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def kinds(self) -> list[str]:
        return self.kinds_text.split()

    @kinds.setter
    def kinds(self, values: list[str]) -> None:
        self.kinds_text = " " + " ".join(dict.fromkeys(values)) + " "

    def fits(self, age: int | None, kind: str | None) -> bool:
        """For this age and kind of cost (None: any)."""
        return ((age is None or self.min_age <= age <= self.max_age)
                and (kind is None or kind in self.kinds))


class Intermediary(db.Model):
    """A mentor or contact an admin marked as someone who applies to funds for young people
    (youth workers and admins always may)."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SupportRequest(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"))
    youth_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True)
    category: Mapped[CostKind] = mapped_column(_enum(CostKind, 12))
    club: Mapped[str] = mapped_column(String(120))
    cost_cents: Mapped[int] = mapped_column(Integer)
    cost_period: Mapped[CostPeriod] = mapped_column(_enum(CostPeriod, 8))
    months: Mapped[int | None] = mapped_column(Integer)
    gear: Mapped[str | None] = mapped_column(String(200))
    age: Mapped[int] = mapped_column(Integer)
    status: Mapped[RequestStatus] = mapped_column(_enum(RequestStatus, 16),
                                                  default=RequestStatus.NEW)
    # The intermediary asked something and waits for the young person's answer.
    question_open: Mapped[bool] = mapped_column(Boolean, default=False)
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("fund.id", ondelete="SET NULL"),
                                                index=True)
    intermediary_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True)
    granted_cents: Mapped[int | None] = mapped_column(Integer)
    grant_start: Mapped[date | None] = mapped_column(Date)
    grant_end: Mapped[date | None] = mapped_column(Date)
    paid_to: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_step_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Retention counts from here (refused, paid another way, or the end of the grant).
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    renewal_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    youth: Mapped[User] = relationship(foreign_keys=[youth_id])
    fund: Mapped[Fund | None] = relationship()
    steps: Mapped[list["SupportStep"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="SupportStep.id")

    __table_args__ = (
        Index("ix_support_request_queue", "municipality_id", "created_at"),
    )


class SupportStep(db.Model):
    """One step or message in a request's thread; ``body`` in the language it was written in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("support_request.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    kind: Mapped[StepKind] = mapped_column(_enum(StepKind, 16))
    body: Mapped[str] = mapped_column(String(MESSAGE_MAX), default="")
    language: Mapped[str] = mapped_column(String(8))
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("fund.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    texts: Mapped[list["SupportStepText"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)


class SupportStepText(TranslatedText, db.Model):
    """A step's message machine translated for the other side of the conversation."""

    step_id: Mapped[int] = mapped_column(
        ForeignKey("support_step.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    body: Mapped[str] = mapped_column(String(MESSAGE_MAX))


class SupportTotal(db.Model):
    """What is left of a request deleted after the retention period: no person, no request,
    no date finer than the year it was asked in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True)
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("fund.id", ondelete="SET NULL"))
    category: Mapped[CostKind] = mapped_column(_enum(CostKind, 12))
    outcome: Mapped[RequestStatus] = mapped_column(_enum(RequestStatus, 16))
    days_to_decision: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
