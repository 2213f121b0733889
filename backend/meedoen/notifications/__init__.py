"""Notifications: youth workers reach youth in their own language (inbox + Web Push)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The runner's settings, the routes, `flask worker`, the in-process thread's start, the
    export and eraser, the translation subject and the demo messages."""
    from meedoen import privacy
    from meedoen.demo import register_loader
    from meedoen.extensions import api
    from meedoen.notifications import demo, export, runner, translation
    from meedoen.notifications.inbox_routes import blp as inbox
    from meedoen.notifications.inbox_routes import settings_blp
    from meedoen.notifications.routes import blp
    from meedoen.translation.subjects import register

    runner.configure(app)
    app.cli.add_command(runner.worker_command)
    # Lazily, on the first request, not from gunicorn's post_worker_init: see README.md.
    runner.start_background_on_first_request(app)
    api.register_blueprint(blp)
    api.register_blueprint(inbox)
    api.register_blueprint(settings_blp)
    privacy.register(export.personal)
    register(translation.NOTIFICATION)
    register_loader(30, demo.load_notifications)
