from sqlalchemy import select

from meedoen.audit.models import AuditLog
from meedoen.auth.models import User
from meedoen.auth.schemas import UserSchema
from meedoen.extensions import db
from meedoen.invites.models import Invite
from meedoen.privacy import exporter


@exporter("account")
def export_account(user: User) -> dict:
    data = UserSchema().dump(user)
    data["active"] = user.is_active_account
    data["failed_logins"] = user.failed_logins
    data["locked_until"] = user.locked_until.isoformat() if user.locked_until else None
    return data


@exporter("invites_created")
def export_invites(user: User) -> list[dict]:
    rows = db.session.scalars(select(Invite).where(Invite.created_by_id == user.id))
    return [{"role": i.role.value, "created_at": i.created_at.isoformat(),
             "expires_at": i.expires_at.isoformat(), "used": i.used_at is not None} for i in rows]


@exporter("actions_logged")
def export_audit(user: User) -> list[dict]:
    rows = db.session.scalars(select(AuditLog).where(AuditLog.actor_id == user.id))
    return [{"action": a.action, "at": a.created_at.isoformat(), "details": a.details}
            for a in rows]
