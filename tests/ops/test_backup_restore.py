"""Backup and restore with PostgreSQL's own tools (backend/meedoen/ops/README.md: Backup and
restore): a database with the demo data, dumped with pg_dump -Fc, restored with pg_restore
into a new database, served by the app: a demo youth logs in and lists activities; the
migration head is the code's."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import ApiClient, _create_postgres_database, make_app
from tests.ops.pg import _bin_dir

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                                reason="needs PostgreSQL (TEST_DATABASE_URL), as CI runs it")
FLASK = Path(sys.executable).parent / "flask"
PASSWORD = "backup-restore-demo-pass"


def _tool(name: str) -> str:
    folder = _bin_dir()
    found = (folder / name) if folder else None
    if found and found.exists():
        return str(found)
    which = shutil.which(name)
    if not which:
        pytest.skip(f"{name} is not installed")
    return which


def _libpq(url: str) -> str:
    """The URL as pg_dump and pg_restore take it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_dump_and_restore_into_a_new_database(tmp_path):
    base = os.environ["TEST_DATABASE_URL"]
    source, drop_source = _create_postgres_database(base)
    target, drop_target = _create_postgres_database(base)
    instance = tmp_path / "instance"
    env = {**os.environ, "DATABASE_URL": source, "MEEDOEN_INSTANCE": str(instance),
           "DEMO_PASSWORD": PASSWORD, "RATELIMIT_STORAGE_URI": "memory://"}
    env.pop("REDIS_URL", None)
    try:
        for command in (["db", "upgrade"], ["demo"]):
            done = subprocess.run([str(FLASK), "--app", "meedoen", *command], env=env,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
        dump = tmp_path / "meedoen.dump"
        subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner",
                        f"--file={dump}", _libpq(source)], check=True, timeout=300)
        subprocess.run([_tool("pg_restore"), "--no-owner", "--exit-on-error",
                        f"--dbname={_libpq(target)}", str(dump)], check=True, timeout=300)

        app = make_app(target, RATELIMIT_ENABLED=False)
        app.test_client_class = ApiClient
        client = app.test_client()
        login = client.post("/api/v1/auth/login", json={"username": "demo-youth-ar",
                                                         "password": PASSWORD})
        assert login.status_code == 200, login.get_data(as_text=True)
        listed = client.get("/api/v1/activities")
        assert listed.status_code == 200
        assert len(listed.get_json()["items"]) > 0
        ready = client.get("/api/v1/health/ready")
        assert ready.status_code == 200, ready.get_data(as_text=True)
        assert ready.get_json()["checks"]["migrations"]["ok"] is True
        with app.app_context():
            from meedoen.extensions import db

            db.engine.dispose()
    finally:
        drop_source()
        drop_target()
