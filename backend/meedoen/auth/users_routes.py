"""Staff look up accounts in their municipality; admins change roles and deactivate."""

from flask_login import current_user
from sqlalchemy import select

from meedoen.auth.models import Role, User
from meedoen.auth.schemas import UserSchema
from meedoen.auth.services import update_user
from meedoen.authz import MANAGERS, get_scoped_or_404, municipality_scope, roles_required
from meedoen.core import fields, validate
from meedoen.core.api import Blueprint
from meedoen.core.pagination import PageArgsSchema, keyset_page, page_schema
from meedoen.core.validation import Schema

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


@blp.route("/<int:user_id>", methods=["PATCH"])
@roles_required(Role.ADMIN)
@blp.arguments(UserAdminPatchSchema)
@blp.response(200, UserSchema)
def patch_user(data, user_id):
    user = get_scoped_or_404(User, user_id)
    update_user(current_user._get_current_object(), user, data)
    return user
