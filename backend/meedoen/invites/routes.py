from flask_login import current_user

from meedoen.audit.models import record
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.extensions import db
from meedoen.invites.policy import INVITERS, resolve_scope
from meedoen.invites.schemas import InviteCreateSchema, InviteSchema
from meedoen.invites.services import create_invite

blp = Blueprint("invites", __name__, url_prefix="/api/v1/invites",
                description="Invite codes that create accounts")


@blp.route("", methods=["POST"])
@roles_required(*INVITERS)
@blp.arguments(InviteCreateSchema)
@blp.response(201, InviteSchema)
def post_invite(data):
    role, municipality_id, location_id = resolve_scope(data)
    invite, code = create_invite(current_user, role, municipality_id, location_id)
    record(current_user, "invite.create", municipality_id, role=role.value)
    db.session.commit()
    return {"code": code, "role": role.value, "municipality_id": municipality_id,
            "location_id": location_id, "expires_at": invite.expires_at}
