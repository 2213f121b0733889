"""People and organisations who help, and who is assigned to whom."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Routes, exports, the translation subject, the demo contacts, the screening rule (an
    unknown kind in SCREENING_REQUIRED_KINDS stops the app at start, not at the first
    question) and the screening reminders (due work, and their notice)."""
    from meedoen import privacy
    from meedoen.contacts import demo, export, policy, screening, translation
    from meedoen.contacts.routes import blp, people_blp
    from meedoen.demo import register_loader
    from meedoen.events import register_renderers
    from meedoen.extensions import api
    from meedoen.notifications.dispatch import due_work
    from meedoen.notifications.services import register_link_target
    from meedoen.translation.subjects import register

    screening.configure(app)
    # A month before a check ends, the youth workers are told (with the background work).
    due_work("screening_reminders", screening.make_due_screening_reminders, position=20)
    api.register_blueprint(blp)
    api.register_blueprint(people_blp)
    privacy.register(export.personal)
    register_renderers(screening.RENDERERS)
    register(translation.CONTACT)
    register_link_target("contact", policy.message_link)  # messages may point to one
    register_loader(20, demo.load_contacts)
