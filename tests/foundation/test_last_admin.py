"""The last active admin cannot delete, demote or deactivate themselves (nobody could
manage municipalities, locations and roles any more); when another admin is there, they can.
"""

import pytest
from meedoen.auth.models import Role, User
from meedoen.extensions import db
from sqlalchemy import func, select

from tests.foundation.helpers import assert_error, fresh


def admins() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN, User.is_active_account.is_(True)))


def assert_last_admin(response):
    return assert_error(response, 409, "last_admin")


def test_the_last_admin_cannot_delete_their_own_account(factory, client):
    admin = factory.user("admin")
    client.login_as(admin)
    assert_last_admin(client.delete("/api/v1/me"))
    assert fresh(admin) is not None
    assert client.get("/api/v1/me").status_code == 200  # still logged in


def test_an_inactive_admin_does_not_count(factory, client):
    admin = factory.user("admin")
    factory.user("admin", is_active_account=False)
    client.login_as(admin)
    assert_last_admin(client.delete("/api/v1/me"))
    assert_last_admin(client.patch(f"/api/v1/users/{admin.id}", json={"role": "youth_worker"}))


@pytest.mark.parametrize("change", [{"role": "youth_worker"}, {"role": "youth"},
                                    {"active": False}, {"role": "mentor", "active": True}])
def test_the_last_admin_cannot_demote_or_deactivate_themselves(factory, client, change):
    admin = factory.user("admin")
    client.login_as(admin)
    assert_last_admin(client.patch(f"/api/v1/users/{admin.id}", json=change))
    assert fresh(admin).role == Role.ADMIN and fresh(admin).is_active_account
    # Changes that keep them an active admin are fine.
    assert client.patch(f"/api/v1/users/{admin.id}", json={"role": "admin"}).status_code == 200
    assert client.patch(f"/api/v1/users/{admin.id}", json={"active": True}).status_code == 200


def test_the_message_is_in_the_users_language(factory, client):
    admin = factory.user("admin")
    client.login_as(admin)
    dutch = assert_last_admin(client.delete("/api/v1/me?lang=nl"))["message"]
    arabic = assert_last_admin(client.delete("/api/v1/me?lang=ar"))["message"]
    english = assert_last_admin(client.delete("/api/v1/me?lang=en"))["message"]
    assert len({dutch, arabic, english}) == 3
    assert "laatste beheerder" in dutch and "last administrator" in english


def test_with_another_admin_one_can_leave(factory, client, make_client):
    first, second = factory.user("admin"), factory.user("admin")
    client.login_as(first)
    response = client.patch(f"/api/v1/users/{first.id}", json={"role": "youth_worker"})
    assert response.status_code == 200, response.get_json()
    assert admins() == 1
    # The one who is left is now the last one.
    other = make_client().login_as(second)
    assert_last_admin(other.delete("/api/v1/me"))
    assert_last_admin(other.patch(f"/api/v1/users/{second.id}", json={"active": False}))


def test_an_admin_can_delete_themselves_when_another_is_active(factory, client):
    first, _second = factory.user("admin"), factory.user("admin")
    client.login_as(first)
    assert client.delete("/api/v1/me").status_code == 204
    assert admins() == 1


def test_other_roles_delete_themselves_as_before(factory, client):
    youth = factory.user("youth", factory.municipality())
    client.login_as(youth)
    assert client.delete("/api/v1/me").status_code == 204
