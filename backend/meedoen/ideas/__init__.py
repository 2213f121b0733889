"""Youth voice (issue 7): ideas young people propose and staff answer publicly, and the
anonymous one-tap feedback after an activity."""


from flask import Flask


def init_app(app: Flask) -> None:
    """The routes, the export sections and eraser, the notices, the translation subjects and
    the demo ideas."""
    from meedoen import privacy
    from meedoen.demo import register_loader
    from meedoen.events import register_renderers
    from meedoen.extensions import api
    from meedoen.ideas import demo, export, notices, translation
    from meedoen.ideas.routes import blp
    from meedoen.translation.subjects import register

    api.register_blueprint(blp)
    privacy.register(export.personal)
    register_renderers(notices.RENDERERS)
    notices.register()  # the group of its notices a user can turn off
    register(translation.IDEA, translation.IDEA_ANSWER)
    register_loader(40, demo.load_ideas)
