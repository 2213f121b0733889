"""What the owner of an account is told about wrong passwords, in their own language."""

from flask_babel import gettext as _

LOGIN_ATTEMPTS = "auth.login_attempts"


def render_login_attempts(event) -> dict:
    return {"title": _("Someone tried to log in to your account"),
            "body": _("Someone typed a wrong password for your account several times. "
                      "If this was you, you do not need to do anything. If it was not you: "
                      "your account is still safe. Tell your mentor if you are worried."),
            "url": None}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    LOGIN_ATTEMPTS: render_login_attempts,
}
