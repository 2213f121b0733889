"""Running Meedoen as a service: the database as a dependency that can fail (503), request
ids and one JSON log line per request, Prometheus metrics, readiness and the worker's
heartbeat. See README.md in this folder (the operator's guide)."""

from flask import Flask

from meedoen.ops.settings import ops_defaults


def init_ops(app: Flask) -> None:
    from meedoen.core.api import on_unavailable
    from meedoen.extensions import db
    from meedoen.ops import metrics, requests
    from meedoen.ops.commands import create_admin_command
    from meedoen.ops.database import bound_postgres_waits, end_sessions_safely, is_unavailable
    from meedoen.ops.unavailable import load_user_first, unavailable_error

    for name, value in ops_defaults().items():
        app.config.setdefault(name, value)
    with app.app_context():
        for engine in db.engines.values():
            bound_postgres_waits(app, engine)
    end_sessions_safely(app, db)
    on_unavailable(app, is_unavailable, unavailable_error)  # core's error handlers: 503
    metrics.init_app(app)  # the app's own registry and GET /metrics
    app.before_request(load_user_first)
    requests.install(app)
    app.cli.add_command(create_admin_command)
