"""Staff look up accounts in their municipality; admins change roles and deactivate."""

from flask_login import current_user
from sqlalchemy import select

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.auth.schemas import UserSchema
from meedoen.auth.services import keep_an_admin
from meedoen.authz import MANAGERS, get_scoped_or_404, municipality_scope, roles_required
from meedoen.core import fields, validate
from meedoen.core.api import Blueprint
from meedoen.core.pagination import PageArgsSchema, keyset_page, page_schema
from meedoen.core.validation import Schema
from meedoen.extensions import db

blp = Blueprint("users", __name__, url_prefix="/api/v1/users", description="Accounts")


class UserQuerySchema(PageArgsSchema):
    role = fields.String(validate=validate.OneOf([r.value for r in Role]))


class UserAdminPatchSchema(Schema):
    role = fields.String(validate=validate.OneOf([r.value for r in Role]))
    active = fields.Boolean()


@blp.route("")
@roles_required(*MANAGERS)
@blp.arguments(UserQuerySchema, location="query")
@blp.response(200, page_schema(UserSchema))
def list_users(args):
    """Accounts by name, a page at a time (``next_cursor`` leads to the next page)."""
    query = select(User).where(municipality_scope(current_user, User.municipality_id))
    if "role" in args:
        query = query.where(User.role == Role(args["role"]))
    return keyset_page(query, (User.display_name, User.id), args, "users")


def _leaves_admin(user: User, changes: dict) -> bool:
    stops_being_admin = changes.get("role", Role.ADMIN.value) != Role.ADMIN.value
    return stops_being_admin or changes.get("active") is False


@blp.route("/<int:user_id>", methods=["PATCH"])
@roles_required(Role.ADMIN)
@blp.arguments(UserAdminPatchSchema)
@blp.response(200, UserSchema)
def patch_user(data, user_id):
    user = get_scoped_or_404(User, user_id)
    keep_an_admin(user, _leaves_admin(user, data))
    if "role" in data and Role(data["role"]) != user.role:
        user.role = Role(data["role"])
        user.rotate_session_token()
    if "active" in data and data["active"] != user.is_active_account:
        user.is_active_account = data["active"]
        user.rotate_session_token()
    record(current_user, "user.update", user.municipality_id, user_id=user.id,
           changed=sorted(data))
    db.session.commit()
    return user
