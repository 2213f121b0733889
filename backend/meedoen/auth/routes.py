from flask import current_app
from flask_login import current_user

from meedoen.auth.schemas import LoginSchema, UserSchema
from meedoen.auth.services import authenticate
from meedoen.auth.sessions import end_session, start_session
from meedoen.core.api import Blueprint
from meedoen.extensions import limiter

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Log in and out")


def login_limit():
    return current_app.config["RATELIMIT_LOGIN"]


@blp.route("/login", methods=["POST"])
@limiter.limit(login_limit)
@blp.arguments(LoginSchema)
@blp.response(200, UserSchema)
def login(data):
    user = authenticate(data["username"], data["password"])
    start_session(user)
    return user


@blp.route("/logout", methods=["POST"])
@blp.response(204)
def logout():
    if current_user.is_authenticated:
        end_session(current_user._get_current_object())
