from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.auth.models import Role, role_enum
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db


class Invite(db.Model):
    """A single-use code that creates one account. Only a hash of the code is stored."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(role_enum())
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="CASCADE")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
