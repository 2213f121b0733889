"""Taking part you can see: check-in, "my year" and the municipality's figures (issue 16)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen.extensions import api
    from meedoen.participation import export  # noqa: F401  (register)
    from meedoen.participation.routes import blp

    api.register_blueprint(blp)
