"""Municipalities and places."""

from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen.extensions import api
    from meedoen.places.routes import blp

    api.register_blueprint(blp)
