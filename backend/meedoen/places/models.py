import enum

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from meedoen.extensions import db


class LocationKind(enum.StrEnum):
    KWE = "KWE"  # small-scale living unit
    KWE_PLUS = "KWE+"  # with extra support
    KWG = "KWG"  # small-scale living group (youngest, most support)


class Municipality(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)

    locations: Mapped[list["Location"]] = relationship(back_populates="municipality",
                                                       order_by="Location.id")


class Location(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[LocationKind] = mapped_column(
        Enum(LocationKind, native_enum=False, length=8,
             values_callable=lambda kinds: [k.value for k in kinds])
    )

    municipality: Mapped[Municipality] = relationship(back_populates="locations")
