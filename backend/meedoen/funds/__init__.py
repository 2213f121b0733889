"""Support with club fees and costs (issue 15): funds per municipality, a young person's
request, and the intermediary's steps until the club is paid. See README.md."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Routes (and `flask funds reminders|purge`), exports and erasers, notice renderers, the
    translation subject, the demo funds and the renewal reminders (due work)."""
    from meedoen import privacy
    from meedoen.demo import register_loader
    from meedoen.events import register_renderers
    from meedoen.extensions import api
    from meedoen.funds import demo, export, notices, translation
    from meedoen.funds.jobs import send_renewal_reminders
    from meedoen.funds.routes import blp, funds_blp
    from meedoen.notifications.dispatch import due_work
    from meedoen.translation.subjects import register

    api.register_blueprint(funds_blp)
    api.register_blueprint(blp)
    privacy.register(export.personal)
    register_renderers(notices.RENDERERS)
    register(translation.SUPPORT_STEP)
    register_loader(50, demo.load_funds)
    # A month before a grant ends, the young person and the intermediary are told.
    due_work("renewal_reminders", send_renewal_reminders, position=30)
