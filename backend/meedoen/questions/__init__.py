"""Questions a young person asks the people who help."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The routes, the export sections and eraser, the notices and the translation subjects."""
    from meedoen import privacy
    from meedoen.events import register_renderers
    from meedoen.extensions import api
    from meedoen.questions import export, notices, translation
    from meedoen.questions.routes import blp
    from meedoen.translation.subjects import register

    api.register_blueprint(blp)
    privacy.register(export.personal)
    register_renderers(notices.RENDERERS)
    notices.register()  # the group of its notices a user can turn off
    register(translation.QUESTION, translation.QUESTION_MESSAGE)
