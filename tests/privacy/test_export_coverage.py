"""GET /me/export has every row about the person. The personal columns are found by walking
db.metadata for foreign keys to user.id: a new table whose rows point at a person fails here
until an exporter covers it (``@personal.exporter(..., covers=[...])`` on the feature's
meedoen.privacy.PersonalData)."""

from datetime import timedelta

from meedoen.activities.models import ActivityReminder, Signup, SignupStatus
from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.core.idempotency import IdempotencyKey
from meedoen.core.models import utcnow
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.push.models import PushSubscription
from sqlalchemy import func, select

from tests.activities.helpers import make_activity
from tests.foundation.test_erasure import DEMO_PASSWORD, demo_world  # noqa: F401


def personal_columns() -> list[str]:
    users = db.metadata.tables["user"]
    return sorted(f"{fk.parent.table.name}.{fk.parent.name}"
                  for table in db.metadata.sorted_tables for fk in table.foreign_keys
                  if fk.column.table is users)


def covered() -> dict[str, set[str]]:
    from meedoen import privacy
    return privacy.covered_columns()


def test_every_column_that_points_at_a_person_is_exported(app):
    columns = personal_columns()
    assert len(columns) >= 30
    missing = [c for c in columns if c not in covered()]
    assert not missing, f"no export section covers these rows about a person: {missing}"


def filled(value) -> bool:
    if isinstance(value, dict):
        return any(filled(v) for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return value not in (None, False, 0, "")


def test_each_demo_account_finds_its_rows_in_its_export(app, app_ctx, demo_world, client):  # noqa: F811
    """Every table that holds rows about a demo account has them in that account's export."""
    checked = set()
    for username, user_id in sorted(demo_world.items()):
        user = db.session.get(User, user_id)
        export = client.login_as(user).get("/api/v1/me/export").json
        for column in personal_columns():
            table_name, column_name = column.split(".")
            table = db.metadata.tables[table_name]
            n = db.session.scalar(select(func.count()).select_from(table)
                                  .where(table.c[column_name] == user_id))
            if not n:
                continue
            sections = covered().get(column, set())
            assert any(filled(export.get(s)) for s in sections), (username, column, sections)
            checked.add(column)
    assert len(checked) >= 10, checked


def test_export_has_audit_rows_about_me_events_answers_endpoint_queue_times_reminders(
        client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    admin = factory.user(Role.ADMIN)
    activity = make_activity(town, capacity=1)
    queued = utcnow() - timedelta(hours=3)
    db.session.add_all([
        Signup(activity_id=activity.id, user_id=youth.id, status=SignupStatus.WAITLISTED,
               queued_at=queued),
        IdempotencyKey(user_id=youth.id, key="k-1", fingerprint="f", status_code=201,
                       response={"status": "waitlisted"}),
        PushSubscription(user_id=youth.id, endpoint="https://push.example/send/abc123",
                         endpoint_hash="e" * 64, p256dh="p", auth="a", vapid_key_id="v"),
        ActivityReminder(activity_id=activity.id, user_id=youth.id)])
    record(admin, "user.update", None, user_id=youth.id, changed=["active"])
    record(admin, "user.update", None, user_id=admin.id, changed=["role"])
    notify("activity.promoted", [youth.id], activity_id=activity.id)
    db.session.commit()
    export = client.login_as(youth).get("/api/v1/me/export").json
    assert [a["details"] for a in export["actions_about_me"]] == [
        {"user_id": youth.id, "changed": ["active"]}]
    assert [e["kind"] for e in export["events"]] == ["activity.promoted"]
    assert export["stored_answers"][0]["answer"] == {"status": "waitlisted"}
    assert export["push_devices"][0]["endpoint"] == "https://push.example/send/abc123"
    signup = export["activities"]["signups"][0]
    assert (signup["status"], signup["queued_at"]) == ("waitlisted", queued.isoformat())
    assert [r["activity_id"] for r in export["activity_reminders"]] == [activity.id]
