"""What GET /api/v1/health/ready checks. Details are short and safe for a public answer:
no error messages (they name hosts and users), only what failed and why in a word."""

import functools
import time
from pathlib import Path

from flask import Flask
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from meedoen.extensions import db

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


@functools.cache
def code_heads() -> tuple[str, ...]:
    """The Alembic head revision(s) of the code (read once per process)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return tuple(sorted(ScriptDirectory.from_config(config).get_heads()))


def check_database() -> tuple[dict, tuple[str, ...] | None]:
    started = time.perf_counter()
    try:
        db.session.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError:
        db.session.rollback()
        return {"ok": False, "reason": "unreachable"}, None
    seconds = time.perf_counter() - started
    try:
        versions = tuple(sorted(db.session.scalars(
            text("SELECT version_num FROM alembic_version")).all()))
    except SQLAlchemyError:
        db.session.rollback()
        versions = ()
    return {"ok": True, "seconds": round(seconds, 4)}, versions


def check_migrations(versions: tuple[str, ...] | None) -> dict:
    if versions is None:
        return {"ok": False, "reason": "database unreachable"}
    heads = code_heads()
    if versions == heads:
        return {"ok": True, "revision": ",".join(heads)}
    return {"ok": False, "reason": "not migrated" if not versions else "different revision",
            "database": ",".join(versions), "code": ",".join(heads)}


def _redis(app: Flask):
    from redis import Redis

    return Redis.from_url(app.config["REDIS_URL"], socket_connect_timeout=0.5,
                          socket_timeout=0.5)


def check_redis(app: Flask, connection) -> dict:
    from redis.exceptions import RedisError

    try:
        connection.ping()
    except RedisError:
        return {"ok": False, "reason": "unreachable"}
    return {"ok": True}


def check_worker(app: Flask, connection) -> dict:
    from redis.exceptions import RedisError

    from meedoen.ops.heartbeat import last_beat_age

    limit = app.config["WORKER_HEARTBEAT_MAX_AGE"]
    try:
        age = last_beat_age(app, connection)
    except RedisError:
        return {"ok": False, "reason": "redis unreachable"}
    if age is None:
        return {"ok": False, "reason": "no heartbeat"}
    if age > limit:
        return {"ok": False, "reason": "heartbeat too old", "age_seconds": round(age, 1)}
    return {"ok": True, "age_seconds": round(age, 1)}


def check_all(app: Flask) -> dict[str, dict]:
    database, versions = check_database()
    checks = {"database": database, "migrations": check_migrations(versions)}
    if app.config.get("REDIS_URL"):
        connection = _redis(app)
        checks["redis"] = check_redis(app, connection)
        if app.config.get("NOTIFY_RUNNER") == "rq":
            checks["worker"] = check_worker(app, connection)
        connection.close()
    optional = app.config["READY_OPTIONAL"]
    for name, check in checks.items():
        check["required"] = name not in optional
    return checks
