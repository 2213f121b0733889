"""People and organisations who help, and who is assigned to whom."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Routes, exports, the translation subject, the demo contacts, and the screening rule
    (an unknown kind in SCREENING_REQUIRED_KINDS stops the app at start, not at the first
    question)."""
    from meedoen.contacts import demo, export, screening, translation  # noqa: F401  (register)
    from meedoen.contacts.routes import blp, people_blp
    from meedoen.extensions import api

    screening.configure(app)
    api.register_blueprint(blp)
    api.register_blueprint(people_blp)
