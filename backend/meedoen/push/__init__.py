"""Web Push: VAPID keys, device subscriptions and the concurrent sender."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The push settings' defaults, the routes and `flask vapid-keys`."""
    from meedoen.extensions import api
    from meedoen.push import settings
    from meedoen.push.routes import blp
    from meedoen.push.vapid import vapid_keys_command

    settings.configure(app)
    app.cli.add_command(vapid_keys_command)
    api.register_blueprint(blp)
