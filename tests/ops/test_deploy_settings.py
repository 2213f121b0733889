"""What the deployment steps rely on (backend/meedoen/ops/README.md): the first admin made on
the server, the pool's bounded wait, and the readiness default."""

from pathlib import Path

import click
from meedoen import create_app
from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role, User
from meedoen.auth.passwords import verify_password
from meedoen.extensions import db
from meedoen.ops.settings import engine_options, ops_defaults
from sqlalchemy import select

PASSWORD = "harbour-lantern-violet-7"
DEPLOY = Path(__file__).resolve().parents[2] / "backend" / "meedoen" / "ops" / "deploy"


def test_create_admin_makes_the_first_admin(app):
    runner = app.test_cli_runner()
    done = runner.invoke(args=["create-admin", "Beheer.Gemeente", "--password", PASSWORD])
    assert done.exit_code == 0, done.output
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.username == "beheer.gemeente"))
        assert admin.role == Role.ADMIN and admin.municipality_id is None
        assert verify_password(admin.password_hash, PASSWORD)
        entry = db.session.scalar(select(AuditLog).where(
            AuditLog.action == "user.admin_created_on_server"))
        assert entry.details == {"user_id": admin.id}
        assert PASSWORD not in done.output


def test_create_admin_refuses_a_taken_name_and_weak_passwords(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["create-admin", "beheer", "--password", PASSWORD]).exit_code == 0
    taken = runner.invoke(args=["create-admin", "beheer", "--password", PASSWORD])
    assert taken.exit_code == 1 and "taken" in taken.output
    for weak in ("password123", "other-admin-99", "short"):
        refused = runner.invoke(args=["create-admin", "other-admin", "--password", weak])
        assert refused.exit_code == 1, weak
    bad_name = runner.invoke(args=["create-admin", "no spaces", "--password", PASSWORD])
    assert bad_name.exit_code == 1
    with app.app_context():
        assert db.session.scalar(select(User.id).where(User.username == "other-admin")) is None


def test_pool_wait_is_bounded_for_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_TIMEOUT", "3")
    assert engine_options("postgresql+psycopg://x@127.0.0.1/x") == {
        "pool_pre_ping": True, "pool_timeout": 3}
    assert engine_options("sqlite:///:memory:") == {"pool_pre_ping": True}
    monkeypatch.delenv("DATABASE_POOL_TIMEOUT")
    assert engine_options("postgresql://x@127.0.0.1/x")["pool_timeout"] == 5


def test_the_app_uses_the_pool_wait(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")  # never connected
    monkeypatch.setenv("DATABASE_POOL_TIMEOUT", "2")
    monkeypatch.setenv("MEEDOEN_INSTANCE", str(tmp_path))
    app = create_app({"TESTING": True})
    with app.app_context():
        assert db.engine.pool.timeout() == 2
        db.engine.dispose()


def test_readiness_default_keeps_serving_without_redis_and_worker(monkeypatch):
    monkeypatch.delenv("READY_OPTIONAL", raising=False)
    assert ops_defaults()["READY_OPTIONAL"] == {"redis", "worker"}
    monkeypatch.setenv("READY_OPTIONAL", "")
    assert ops_defaults()["READY_OPTIONAL"] == frozenset()


def flask_commands_in_units() -> list[list[str]]:
    """The ``flask --app meedoen ...`` command lines of the shipped systemd units."""
    lines = []
    for unit in DEPLOY.glob("*.service"):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart=") and "/flask --app meedoen " in line:
                lines.append(line.split("/flask --app meedoen ", 1)[1].split())
    return lines


def test_every_flask_command_in_the_units_exists(app):
    commands = flask_commands_in_units()
    assert ["purge-questions"] in commands and ["funds", "purge"] in commands
    for words in commands:
        group = app.cli
        with app.app_context():
            for word in words:
                group = group.get_command(click.Context(group), word)
                assert group is not None, f"no flask command {' '.join(words)}"


def test_the_retention_timer_starts_the_retention_service():
    timer = (DEPLOY / "meedoen-retention.timer").read_text()
    assert "OnCalendar=" in timer and "Persistent=true" in timer
    assert (DEPLOY / "meedoen-retention.service").read_text().count("ExecStart=") == 2
