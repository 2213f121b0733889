"""The suggester's thanks when a reviewer accepts their wording (delivered by notifications)."""

from flask_babel import gettext as _

from meedoen.events import renderer

ACCEPTED = "wording.accepted"


@renderer(ACCEPTED)
def render_accepted(event) -> dict:
    return {"title": _("Thank you for your better wording"),
            "body": _("A reviewer who speaks your language accepted your wording. You will see "
                      "it in the app after the next update."),
            "url": "/"}
