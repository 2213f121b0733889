"""Activities: post, find, sign up and go (issue 3)."""


from flask import Flask
from sqlalchemy import event


def init_app(app: Flask) -> None:
    """Routes, exports, notice renderers, reminders, the translation subject and the demo
    activities."""
    from meedoen import privacy
    from meedoen.activities import demo, export, notices, policy, reminders, translation
    from meedoen.activities.feedback_routes import blp as feedback
    from meedoen.activities.routes import blp
    from meedoen.activities.texts import refresh_search_text
    from meedoen.demo import register_loader
    from meedoen.events import register_renderers
    from meedoen.extensions import api, db
    from meedoen.notifications.services import register_link_target
    from meedoen.translation.subjects import register

    api.register_blueprint(blp)
    api.register_blueprint(feedback)
    privacy.register(export.personal)  # with the eraser that frees an erased account's places
    register_renderers(notices.RENDERERS)
    register_renderers(reminders.RENDERERS)
    notices.register()  # the groups of its notices a youth can turn off
    reminders.register()  # the day-before reminders, made by the background work
    register(translation.ACTIVITY)
    register_link_target("activity", policy.message_link)  # messages may point to one
    register_loader(10, demo.load_activities)
    # On the app's own session (db.session), not on every SQLAlchemy Session in the process.
    if not event.contains(db.session, "before_flush", refresh_search_text):
        event.listen(db.session, "before_flush", refresh_search_text)
