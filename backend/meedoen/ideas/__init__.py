"""Youth voice (issue 7): ideas young people propose and staff answer publicly, and the
anonymous one-tap feedback after an activity."""


from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen.extensions import api
    from meedoen.ideas import demo, export, notices  # noqa: F401  (register)
    from meedoen.ideas.routes import blp

    api.register_blueprint(blp)
    notices.register()  # the group of its notices a user can turn off
