"""Better wordings of the app's texts, suggested by the people who read them (issue 17).

See README.md in this folder for the whole review loop."""

from flask import Flask


def init_app(app: Flask) -> None:
    """The routes, `flask translations import`, the export and eraser, the notice renderers."""
    from meedoen import privacy
    from meedoen.events import register_renderers
    from meedoen.extensions import api
    from meedoen.wording import export, notices
    from meedoen.wording.importer import import_command
    from meedoen.wording.routes import blp

    api.register_blueprint(blp)
    app.cli.add_command(import_command)
    privacy.register(export.personal)
    register_renderers(notices.RENDERERS)
