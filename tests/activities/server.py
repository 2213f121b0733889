"""The app under gunicorn on a loopback port, and logged-in session cookies for it."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from meedoen.auth.models import Role, User, new_session_token
from meedoen.extensions import db
from sqlalchemy import insert

GUNICORN = Path(sys.executable).parent / "gunicorn"


@contextmanager
def gunicorn(database_url: str, secret_key: str, workers: int = 4, threads: int = 8,
             env: dict | None = None):
    """Serve the app on 127.0.0.1, on a port the kernel chose; stopped on exit.

    ``env`` adds to (a value of None: removes from) the environment the app reads."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(2048)
    port = listener.getsockname()[1]
    extra = env
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": secret_key,
           "RATELIMIT_STORAGE_URI": "memory://"}
    env.pop("REDIS_URL", None)
    for name, value in (extra or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [str(GUNICORN), "--bind", f"fd://{listener.fileno()}", "--workers", str(workers),
         "--threads", str(threads), "--worker-class", "gthread", "--timeout", "120",
         "--graceful-timeout", "5", "meedoen:create_app()"],
        pass_fds=(listener.fileno(),), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log.name)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        listener.close()
        log.close()
        os.unlink(log.name)


def _wait_until_up(base: str, process, log_path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped: " + Path(log_path).read_text()[-2000:])
        try:
            if requests.get(f"{base}/api/v1/health", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or workers still booting
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start: " + Path(log_path).read_text()[-2000:])


def add_youth(municipality, count: int, prefix: str = "bulk") -> list[User]:
    """Many youth at once (one INSERT), without password hashing."""
    rows = [{"username": f"{prefix}-{n}", "password_hash": "!", "role": Role.YOUTH,
             "display_name": f"Jongere {n}", "ui_language": "nl",
             "municipality_id": municipality.id, "session_token": new_session_token(),
             "is_active_account": True, "failed_logins": 0, "show_as_going": False}
            for n in range(count)]
    db.session.execute(insert(User), rows)
    db.session.commit()
    return list(db.session.scalars(
        db.select(User).where(User.username.startswith(f"{prefix}-")).order_by(User.id)))


def session_cookie(app, user: User) -> str:
    """The signed session cookie a login would have set for ``user``."""
    now = int(time.time())
    data = {"_user_id": user.session_token, "_fresh": True, "iat": now, "seen": now,
            "_permanent": True}
    return app.session_interface.get_signing_serializer(app).dumps(data)
