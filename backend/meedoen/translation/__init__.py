"""Machine translation of what people write."""


from flask import Flask


def init_app(app: Flask) -> None:
    """The routes, the worker's wake-up after a request and `flask translate-published`."""
    from meedoen.extensions import api
    from meedoen.translation.commands import translate_published_command
    from meedoen.translation.routes import blp
    from meedoen.translation.subjects import wake_worker_after_request

    api.register_blueprint(blp)
    app.after_request(wake_worker_after_request)
    app.cli.add_command(translate_published_command)
