"""Taking part you can see: check-in, "my year" and the municipality's figures (issue 16)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen import privacy
    from meedoen.extensions import api
    from meedoen.participation import export
    from meedoen.participation.routes import blp

    api.register_blueprint(blp)
    privacy.register(export.personal)
