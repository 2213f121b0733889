"""The invites someone made, in their export (GET /me/export)."""

from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.invites.models import Invite
from meedoen.privacy import PersonalData, moment


class InviteExportSchema(Schema):
    role = fields.String()
    created_at = moment()
    expires_at = moment()
    used = fields.Boolean()


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("invites_created", covers=[Invite.created_by_id],
                   schema=fields.List(fields.Nested(InviteExportSchema)))
def export_invites(user: User) -> list[dict]:
    rows = db.session.scalars(select(Invite).where(Invite.created_by_id == user.id)
                              .order_by(Invite.id))
    return [{"role": i.role.value, "created_at": i.created_at.isoformat(),
             "expires_at": i.expires_at.isoformat(), "used": i.used_at is not None} for i in rows]
