"""Questions a young person asks the people who help."""

from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen.extensions import api
    from meedoen.questions import export, notices  # noqa: F401  (register)
    from meedoen.questions.routes import blp

    api.register_blueprint(blp)
    notices.register()  # the group of its notices a user can turn off
