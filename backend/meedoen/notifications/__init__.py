"""Notifications: youth workers reach youth in their own language (inbox + Web Push)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The runner's settings, the routes, `flask worker`, the in-process thread's start, the
    export and eraser, the translation subject and the demo messages."""
    from meedoen.extensions import api
    from meedoen.notifications import demo, export, runner, translation  # noqa: F401
    from meedoen.notifications.inbox_routes import blp as inbox
    from meedoen.notifications.inbox_routes import settings_blp
    from meedoen.notifications.routes import blp

    runner.configure(app)
    app.cli.add_command(runner.worker_command)
    # Lazily, on the first request, not from gunicorn's post_worker_init: see README.md.
    runner.start_background_on_first_request(app)
    api.register_blueprint(blp)
    api.register_blueprint(inbox)
    api.register_blueprint(settings_blp)
