"""POST /api/v1/auth/redeem: an invite code creates the account and logs it in. Under
/auth, where the app logs in, but here: invites are how an account begins, and they build on
auth (users, passwords, sessions), not the other way round."""

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from meedoen.auth.models import MentorLocation, Role, User
from meedoen.auth.passwords import hash_password
from meedoen.auth.routes import login_limit
from meedoen.auth.schemas import RedeemSchema, UserSchema
from meedoen.auth.services import check_new_password, username_taken
from meedoen.auth.sessions import start_session
from meedoen.core.api import Blueprint
from meedoen.core.errors import fail
from meedoen.extensions import db, limiter
from meedoen.i18n import current_language
from meedoen.invites.services import claim

blp = Blueprint("redeem", __name__, url_prefix="/api/v1/auth",
                description="Create an account with an invite code")


def _username_taken():
    fail(409, "username_taken", _("This username is already taken. Choose another one."),
         fields={"username": [_("This username is already taken. Choose another one.")]})


@blp.route("/redeem", methods=["POST"])
@limiter.limit(login_limit)
@blp.arguments(RedeemSchema)
@blp.response(201, UserSchema)
def redeem(data):
    """Create an account with an invite code and log in.

    The invite code is checked before the username: with an invalid code the username is
    not even looked at, so this route cannot tell anyone which usernames exist. The
    password is hashed before the name is checked, so that with a valid code a taken and
    a free name take about the same time too.
    """
    check_new_password(data["password"], context=(data["username"], data["display_name"]))
    invite = claim(data["code"])  # not committed yet: any failure below leaves it usable
    password_hash = hash_password(data["password"])
    if username_taken(data["username"]):
        _username_taken()  # the error rolls the claim back
    user = User(
        username=data["username"], password_hash=password_hash,
        role=invite.role, display_name=data["display_name"],
        ui_language=data.get("ui_language") or current_language(),  # the language they use now
        municipality_id=invite.municipality_id,
        location_id=invite.location_id if invite.role == Role.YOUTH else None,
    )
    user.languages = data.get("languages", [])
    user.interests = data.get("interests", [])
    if invite.role == Role.MENTOR and invite.location_id:
        user.mentor_location_rows = [MentorLocation(location_id=invite.location_id)]
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # taken just now by someone else
        _username_taken()
    start_session(user)
    return user
