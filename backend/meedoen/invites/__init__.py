"""Invites: how an account begins."""

from flask import Flask


def init_app(app: Flask) -> None:
    from meedoen import privacy
    from meedoen.extensions import api
    from meedoen.invites import export
    from meedoen.invites.redeem_routes import blp as redeem
    from meedoen.invites.routes import blp

    api.register_blueprint(blp)
    api.register_blueprint(redeem)  # POST /auth/redeem: a code creates the account
    privacy.register(export.personal)  # the invites one made, in their export
