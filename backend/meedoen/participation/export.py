"""What participation holds about a person, for their data export. Erasure needs nothing
extra: check-ins go with the account (ON DELETE CASCADE), and a check-in someone else was
marked in by the erased person keeps the visit and loses who marked it (SET NULL).
Participation statements are not stored: their check link stops working with the account."""

from sqlalchemy import select

from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.participation.models import BirthYear, Checkin
from meedoen.privacy import PersonalData, moment


class VisitExportSchema(Schema):
    activity_id = fields.Integer()
    method = fields.String()
    walk_in = fields.Boolean()
    helped_organise = fields.Boolean()
    checked_in_at = moment()


class CheckinsExportSchema(Schema):
    visits = fields.List(fields.Nested(VisitExportSchema))
    people_checked_in_by_me = fields.Integer()

personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("birth_year", covers=[BirthYear.user_id],
                   schema=fields.Integer(allow_none=True))
def export_birth_year(user) -> int | None:
    row = db.session.get(BirthYear, user.id)
    return row.year if row else None


@personal.exporter("checkins", covers=[Checkin.user_id, Checkin.checked_in_by_id],
                   schema=CheckinsExportSchema)
def export_checkins(user) -> dict:
    mine = db.session.scalars(select(Checkin).where(Checkin.user_id == user.id)
                              .order_by(Checkin.created_at, Checkin.id))
    marked = db.session.scalar(select(db.func.count()).select_from(Checkin)
                               .where(Checkin.checked_in_by_id == user.id,
                                      Checkin.user_id != user.id))
    return {"visits": [{"activity_id": c.activity_id, "method": c.method.value,
                        "walk_in": c.walk_in, "helped_organise": c.helped,
                        "checked_in_at": c.created_at.isoformat()} for c in mine],
            "people_checked_in_by_me": marked}
