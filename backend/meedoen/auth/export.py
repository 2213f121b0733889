from sqlalchemy import or_, select

from meedoen.audit.models import PERSON_KEYS, AuditLog
from meedoen.auth.models import MentorLocation, User, UserInterest, UserLanguage
from meedoen.auth.schemas import UserSchema
from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.extensions import db
from meedoen.privacy import PersonalData, iso, moment


class AccountExportSchema(UserSchema):
    """My profile as ``GET /me`` shows it, and the account's state."""

    active = fields.Boolean()
    failed_logins = fields.Integer()
    locked_until = moment(allow_none=True)


class AuditExportSchema(Schema):
    action = fields.String()
    at = moment()
    details = fields.Dict(keys=fields.String())  # as recorded: ids, names of what changed


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("account", covers=[UserLanguage.user_id, UserInterest.user_id,
                             MentorLocation.user_id], schema=AccountExportSchema)
def export_account(user: User) -> dict:
    data = UserSchema().dump(user)
    data["active"] = user.is_active_account
    data["failed_logins"] = user.failed_logins
    data["locked_until"] = iso(user.locked_until)
    # The three choices of who sees my name, whatever the profile schema shows.
    for choice in ("show_as_going", "show_name_on_ideas", "show_name_as_supporter"):
        data[choice] = getattr(user, choice)
    return data


def _audit(rows) -> list[dict]:
    return [{"action": a.action, "at": a.created_at.isoformat(), "details": a.details}
            for a in rows]


@personal.exporter("actions_logged", covers=[AuditLog.actor_id],
                   schema=fields.List(fields.Nested(AuditExportSchema)))
def export_audit(user: User) -> list[dict]:
    """What I did, as the audit log recorded it."""
    return _audit(db.session.scalars(select(AuditLog).where(AuditLog.actor_id == user.id)
                                     .order_by(AuditLog.id)))


@personal.exporter("actions_about_me", schema=fields.List(fields.Nested(AuditExportSchema)))
def export_audit_about_me(user: User) -> list[dict]:
    """What others (staff) did about me: audit rows whose details name me (PERSON_KEYS).
    Who did it is not included: that is the staff member's own data."""
    rows = db.session.scalars(select(AuditLog).where(or_(
        *(AuditLog.details[key].as_integer() == user.id for key in PERSON_KEYS)))
        .order_by(AuditLog.id))
    return _audit(rows)
