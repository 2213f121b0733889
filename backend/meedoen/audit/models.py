from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db

# Keys of ``details`` that hold a user's id (the person an action was about). Use only these
# for people: the person's export lists such rows, and their erasure replaces the id with
# ``None`` and adds ``"erased": [key, ...]`` (meedoen.privacy.erasure).
PERSON_KEYS = ("user_id", "youth_id")


class AuditLog(db.Model):
    """Who did what. Append-only: no API changes or deletes these rows."""

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="SET NULL")
    )
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def record(actor, action: str, municipality_id: int | None = None, **details) -> AuditLog:
    """Add an audit row to the current transaction. Never put message bodies or secrets here."""
    entry = AuditLog(actor_id=getattr(actor, "id", None), action=action,
                     municipality_id=municipality_id, details=details)
    db.session.add(entry)
    return entry
