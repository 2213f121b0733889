"""Activities: post, find, sign up and go (issue 3)."""


from flask import Flask
from sqlalchemy import event


def init_app(app: Flask) -> None:
    """Routes, exports, notice renderers, reminders, the translation subject and the demo
    activities."""
    from meedoen.activities import demo, export, notices, reminders, translation  # noqa: F401
    from meedoen.activities.feedback_routes import blp as feedback
    from meedoen.activities.routes import blp
    from meedoen.activities.signups import give_up_places_of
    from meedoen.activities.texts import refresh_search_text
    from meedoen.extensions import api, db
    from meedoen.privacy.erasure import eraser

    api.register_blueprint(blp)
    api.register_blueprint(feedback)
    notices.register()  # the groups of its notices a youth can turn off
    reminders.register()  # the day-before reminders, made by the background work
    # An erased account's places in coming activities go to the waiting list first.
    eraser("activities.places")(give_up_places_of)
    # On the app's own session (db.session), not on every SQLAlchemy Session in the process.
    if not event.contains(db.session, "before_flush", refresh_search_text):
        event.listen(db.session, "before_flush", refresh_search_text)
