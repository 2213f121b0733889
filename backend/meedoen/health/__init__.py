"""Liveness and readiness."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The health routes, and operations (request ids and logs, metrics, 503 when the
    database is down: meedoen.ops)."""
    from meedoen.extensions import api
    from meedoen.health.routes import blp
    from meedoen.ops import init_ops

    init_ops(app)
    api.register_blueprint(blp)
