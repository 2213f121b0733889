from flask_login import current_user

from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.invites import present
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
    return present.invite(invite, code)
