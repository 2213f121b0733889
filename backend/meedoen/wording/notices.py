"""The suggester's thanks when a reviewer accepts their wording (delivered by notifications)."""

from flask_babel import gettext as _

ACCEPTED = "wording.accepted"


def render_accepted(event) -> dict:
    return {"title": _("Thank you for your better wording"),
            "body": _("A reviewer who speaks your language accepted your wording. You will see "
                      "it in the app after the next update."),
            "url": "/"}


# kind -> renderer, registered by the feature's init_app (meedoen.events.register_renderers)
RENDERERS = {
    ACCEPTED: render_accepted,
}
