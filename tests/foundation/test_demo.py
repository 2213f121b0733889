"""`flask --app meedoen demo`: idempotent, every demo account logs in with its role."""

import re

import pytest
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.places.models import LocationKind, Municipality
from sqlalchemy import func, select

from tests.foundation.helpers import login

ACCOUNTS = {"demo-youth": "youth", "demo-mentor": "mentor", "demo-worker": "youth_worker",
            "demo-contact": "contact", "demo-admin": "admin"}
MUNICIPALITIES = {"Amsterdam", "Tilburg", "Groningen", "Schouwen-Duiveland", "Het Hogeland"}


@pytest.fixture
def run_demo(app, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)

    def run(*args):
        result = app.test_cli_runner().invoke(args=["demo", *args])
        assert result.exit_code == 0, result.output + repr(result.exception)
        return result.output

    return run


def row_counts() -> dict[str, int]:
    db.session.expire_all()
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def test_demo_twice_is_idempotent(run_demo, app_ctx):
    run_demo("--password", "demo-password-42")
    first = row_counts()
    assert first["user"] >= 8 and first["municipality"] == 5
    run_demo("--password", "demo-password-42")
    assert row_counts() == first


def test_demo_places(run_demo, app_ctx):
    run_demo("--password", "demo-password-42")
    municipalities = db.session.scalars(select(Municipality)).all()
    assert {m.name for m in municipalities} == MUNICIPALITIES
    for municipality in municipalities:
        assert {loc.kind for loc in municipality.locations} >= set(LocationKind)


def test_every_demo_account_logs_in_with_its_role(app, run_demo, app_ctx):
    run_demo("--password", "demo-password-42")
    for username, role in ACCOUNTS.items():
        client = app.test_client()
        assert login(client, username, "demo-password-42").status_code == 200, username
        assert client.get("/api/v1/me").json["role"] == role
    youth_languages = {u.ui_language for u in db.session.scalars(
        select(User).where(User.username.like("demo-youth%")))}
    assert len(youth_languages) >= 3


def test_without_a_password_one_is_generated_and_printed(app, run_demo):
    output = run_demo()
    found = re.search(r"Demo password \(generated\): (\S+)", output)
    assert found, output
    password = found.group(1)
    assert len(password) >= 12
    assert login(app.test_client(), "demo-youth", password).status_code == 200
    # A second run without a password makes a new one; the old one stops working.
    second = re.search(r"\(generated\): (\S+)", run_demo()).group(1)
    assert second != password
    assert login(app.test_client(), "demo-youth", second).status_code == 200
    assert login(app.test_client(), "demo-youth", password).status_code == 401


def test_demo_password_from_the_environment(app, run_demo, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-environment")
    output = run_demo()
    assert "generated" not in output and "from-the-environment" not in output
    assert login(app.test_client(), "demo-admin", "from-the-environment").status_code == 200
