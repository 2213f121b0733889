"""Machine translation of what people write."""


from flask import Flask


def init_app(app: Flask) -> None:
    """The routes and `flask translate-published` (a request that queues translations wakes
    the worker after its commit: subjects.request_translation)."""
    from meedoen.extensions import api
    from meedoen.translation.commands import translate_published_command
    from meedoen.translation.routes import blp

    api.register_blueprint(blp)
    app.cli.add_command(translate_published_command)
