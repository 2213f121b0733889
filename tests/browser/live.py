"""The real app for browser tests and the Lighthouse audit: the built PWA and the API on a
loopback port, with a fresh SQLite database and the demo data."""

import subprocess
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from meedoen import create_app
from meedoen.extensions import db
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "backend" / "meedoen" / "static" / "app"
DEMO_PASSWORD = "demo-pass-for-browser-tests"


def _newest(path: Path) -> float:
    return max((p.stat().st_mtime for p in path.rglob("*") if p.is_file()), default=0)


def ensure_built() -> None:
    """Build the PWA when it is missing or older than its sources or the catalogs."""
    index = DIST / "index.html"
    sources = max(_newest(ROOT / "pwa"), _newest(ROOT / "translations"),
                  (ROOT / "package.json").stat().st_mtime)
    if index.is_file() and index.stat().st_mtime >= sources:
        return
    subprocess.run(["npm", "run", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


@dataclass
class LiveApp:
    url: str
    app: object
    password: str = DEMO_PASSWORD


@contextmanager
def live_server(database_url: str | None = None):
    """database_url: an empty database to use (default: a new SQLite file)."""
    ensure_built()
    with tempfile.TemporaryDirectory(prefix="meedoen-live-") as instance:
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{Path(instance) / 'live.db'}",
            "RATELIMIT_ENABLED": False,
            "PWA_DIST": str(DIST),
        })
        with app.app_context():
            db.create_all()
        result = app.test_cli_runner().invoke(args=["demo", "--password", DEMO_PASSWORD])
        assert result.exit_code == 0, result.output
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield LiveApp(url=f"http://127.0.0.1:{server.server_port}", app=app)
        finally:
            server.shutdown()
            worker = app.extensions.get("meedoen_notify_thread")
            if worker is not None:
                worker.stop()  # before the database file goes away
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
