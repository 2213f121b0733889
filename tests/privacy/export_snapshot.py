"""Write GET /me/export of every demo account to DIR/<username>.json, as the bytes sent.

For a refactor of the exporters: run it before and after, then ``diff -r BEFORE AFTER``.
A fresh SQLite database (or a new database on the PostgreSQL server given, as
TEST_DATABASE_URL, dropped after), ``flask demo`` loaded as the tests load it, the
clock stopped at FROZEN_NOW, so that two runs of the same code write the same bytes:

    PYTHONPATH=backend .venv/bin/python -m tests.privacy.export_snapshot /tmp/export-before
"""

import sys
import tempfile
from pathlib import Path

import time_machine
from sqlalchemy import select

from tests.conftest import FROZEN_NOW, ApiClient, _create_postgres_database, make_app
from tests.foundation.test_erasure import DEMO_PASSWORD


def write_exports(out: Path, database_url: str) -> list[str]:
    from meedoen.auth.models import User
    from meedoen.extensions import db

    out.mkdir(parents=True, exist_ok=True)
    app = make_app(database_url)
    app.test_client_class = ApiClient
    with time_machine.travel(FROZEN_NOW, tick=False), app.app_context():
        db.create_all()
        try:
            loaded = app.test_cli_runner().invoke(args=["demo", "--password", DEMO_PASSWORD])
            assert loaded.exit_code == 0, loaded.output
            users = db.session.scalars(select(User).order_by(User.username)).all()
            for user in users:
                response = app.test_client().login_as(user).get("/api/v1/me/export")
                assert response.status_code == 200, (user.username, response.status_code)
                (out / f"{user.username}.json").write_bytes(response.get_data())
            return [user.username for user in users]
        finally:
            db.session.remove()
            db.drop_all()


if __name__ == "__main__":
    drop = None
    if len(sys.argv) > 2:
        url, drop = _create_postgres_database(sys.argv[2])
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/demo.db"
    try:
        print("written:", ", ".join(write_exports(Path(sys.argv[1]), url)))
    finally:
        if drop:
            drop()
