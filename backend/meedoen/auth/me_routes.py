from flask import jsonify
from flask_login import current_user

from meedoen.auth.schemas import MePatchSchema, UserSchema
from meedoen.auth.services import change_password, keep_an_admin
from meedoen.auth.sessions import end_session, start_session
from meedoen.authz import roles_required
from meedoen.core.api import Blueprint
from meedoen.extensions import db
from meedoen.privacy import EXPORT_REF, export_user
from meedoen.privacy.erasure import erase_account

blp = Blueprint("me", __name__, url_prefix="/api/v1/me", description="My own account")

PROFILE_FIELDS = ("display_name", "ui_language", "languages", "interests", "show_as_going",
                  "show_name_on_ideas", "show_name_as_supporter", "quiet_from", "quiet_until")


@blp.route("")
@roles_required()
@blp.response(200, UserSchema)
def get_me():
    return current_user


@blp.route("", methods=["PATCH"])
@roles_required()
@blp.arguments(MePatchSchema)
@blp.response(200, UserSchema)
def patch_me(data):
    user = current_user._get_current_object()
    if "new_password" in data:  # first: a wrong current password is counted and committed
        change_password(user, data["current_password"], data["new_password"],
                        new_display_name=data.get("display_name"))
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(user, name, data[name])
    if "new_password" in data:
        start_session(user)  # this device stays logged in with the new token
    return user


@blp.route("", methods=["DELETE"])
@roles_required()
@blp.response(204)
def delete_me():
    """Erase my account and everything that is mine."""
    user = current_user._get_current_object()
    keep_an_admin(user, leaves=True)
    end_session(user)
    erase_account(db.session, user)


@blp.route("/export")
@roles_required()
@blp.response(200, EXPORT_REF)
def export_me():
    """Every piece of personal data Meedoen holds about me, as JSON: one property per section
    that a feature exports (the component PersonalExport, composed by meedoen.privacy)."""
    # Sent as the exporters made it (they already give JSON): the schema only documents it,
    # so a key a section's schema forgets is not dropped from the person's file (the
    # contract test fails on it instead).
    return jsonify(export_user(current_user._get_current_object()))
