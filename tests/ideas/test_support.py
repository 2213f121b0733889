"""Supporting an idea: once per young person, "join" or "help", names only when visible."""

import threading
from types import SimpleNamespace

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import IdeaStatus, IdeaSupport

from tests.ideas.helpers import make_idea


@pytest.fixture
def idea(factory, town):
    return make_idea(factory.user(Role.YOUTH, town))


def support_path(idea) -> str:
    return f"/api/v1/ideas/{idea.id}/support"


def test_support_once_then_change_then_withdraw(client, factory, town, idea):
    client.login_as(factory.user(Role.YOUTH, town))
    first = client.post(support_path(idea), json={"kind": "join"})
    assert first.status_code == 200, first.json
    assert first.json["support"] | {"names": []} == {"total": 1, "join": 1, "help": 0,
                                                      "mine": "join", "names": []}
    again = client.post(support_path(idea), json={"kind": "join"}).json["support"]
    assert again["total"] == 1
    changed = client.post(support_path(idea), json={"kind": "help"}).json["support"]
    assert (changed["total"], changed["join"], changed["help"], changed["mine"]) == (
        1, 0, 1, "help")
    withdrawn = client.delete(support_path(idea))
    assert withdrawn.status_code == 200
    assert withdrawn.json["support"]["total"] == 0 and withdrawn.json["support"]["mine"] is None


def test_default_kind_is_join(client, factory, town, idea):
    client.login_as(factory.user(Role.YOUTH, town))
    assert client.post(support_path(idea), json={}).json["support"]["join"] == 1


def test_concurrent_supports_of_one_person_count_once(app, make_client, factory, town, idea):
    supporter = factory.user(Role.YOUTH, town)
    login = SimpleNamespace(session_token=supporter.session_token)
    path, statuses = support_path(idea), []
    barrier = threading.Barrier(10)

    def support():
        client = make_client().login_as(login)
        barrier.wait()
        statuses.append(client.post(path, json={"kind": "join"}).status_code)

    threads = [threading.Thread(target=support) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 10
    with app.app_context():
        assert db.session.query(IdeaSupport).count() == 1


def test_counts_are_public_and_names_only_of_visible_supporters(client, factory, town, idea):
    visible = factory.user(Role.YOUTH, town, display_name="Amal", show_name_as_supporter=True)
    hidden = factory.user(Role.YOUTH, town, display_name="Verborgen", show_name_as_supporter=False)
    client.login_as(visible)
    client.post(support_path(idea), json={"kind": "help"})
    client.login_as(hidden)
    client.post(support_path(idea), json={"kind": "join"})
    for reader in (factory.user(Role.YOUTH, town), factory.user(Role.MENTOR, town)):
        client.login_as(reader)
        support = client.get(f"/api/v1/ideas/{idea.id}").json["support"]
        assert (support["total"], support["join"], support["help"]) == (2, 1, 1)
        assert support["names"] == ["Amal"]
        listed = client.get("/api/v1/ideas").json["items"][0]["support"]
        assert listed["total"] == 2 and listed["names"] == []


def test_own_idea_cannot_be_supported(client, idea):
    client.login_as(idea.author)
    response = client.post(support_path(idea), json={})
    assert response.status_code == 409 and response.json["code"] == "own_idea"


@pytest.mark.parametrize("status", [IdeaStatus.DONE, IdeaStatus.NOT_POSSIBLE])
def test_closed_idea_cannot_be_supported(client, factory, town, idea, status):
    idea.status = status
    db.session.commit()
    client.login_as(factory.user(Role.YOUTH, town))
    response = client.post(support_path(idea), json={})
    assert response.status_code == 409 and response.json["code"] == "idea_closed"


def test_staff_do_not_support_and_other_towns_do_not_see(client, factory, town, idea):
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    assert client.post(support_path(idea), json={}).status_code == 403
    client.login_as(factory.user(Role.YOUTH, factory.municipality()))
    assert client.post(support_path(idea), json={}).status_code == 404


def test_unknown_kind_is_refused(client, factory, town, idea):
    client.login_as(factory.user(Role.YOUTH, town))
    response = client.post(support_path(idea), json={"kind": "maybe"})
    assert response.status_code == 422 and "kind" in response.json["fields"]
