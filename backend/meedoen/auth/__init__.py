"""Accounts: log in, my account and its export, the list of users (an invite code creates
the account: invites/redeem_routes.py)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The routes, the export sections and the notice about wrong passwords."""
    from meedoen import privacy
    from meedoen.auth import export, notices
    from meedoen.auth.me_routes import blp as me
    from meedoen.auth.routes import blp
    from meedoen.auth.users_routes import blp as users
    from meedoen.events import register_renderers
    from meedoen.extensions import api

    for blueprint in (blp, me, users):
        api.register_blueprint(blueprint)
    privacy.register(export.personal)
    register_renderers(notices.RENDERERS)
