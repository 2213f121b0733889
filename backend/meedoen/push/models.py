from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.models import UTCDateTime, utcnow
from meedoen.extensions import db


class PushSubscription(db.Model):
    """One device of one user. ``vapid_key_id`` says which server key it was made with."""

    __tablename__ = "push_subscription"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(String(2048))
    # sha256 of the endpoint: unique, and short enough for an index on any database.
    endpoint_hash: Mapped[str] = mapped_column(String(64), unique=True)
    p256dh: Mapped[str] = mapped_column(String(100))
    auth: Mapped[str] = mapped_column(String(32))
    vapid_key_id: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Consecutive 400/403 answers: deleted only after a few, never on the first one.
    rejections: Mapped[int] = mapped_column(Integer, default=0)

    def info(self) -> dict:
        """The subscription as pywebpush expects it."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
