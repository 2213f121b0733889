"""Nobody goes unheard: waiting ideas (oldest first), the share answered within 14 days and
the median time to a first answer, all at a fixed 'now'."""

from datetime import UTC, datetime, timedelta

import pytest
from meedoen.auth.models import Role
from meedoen.ideas import queries

from tests.ideas.helpers import make_idea

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(queries, "utcnow", lambda: NOW)


def idea(author, title, proposed_days_ago, answered_after=None, **fields):
    created = NOW - timedelta(days=proposed_days_ago)
    answered = created + answered_after if answered_after is not None else None
    return make_idea(author, texts={"nl": (title, "x")}, created_at=created,
                     first_answered_at=answered, **fields)


def get_stats(client, user, query=""):
    client.login_as(user)
    response = client.get(f"/api/v1/ideas/stats{query}")
    assert response.status_code == 200, response.json
    return response.json


def test_figures(client, factory, town, youth):
    idea(youth, "Snel", 30, timedelta(hours=12))
    idea(youth, "Op tijd", 40, timedelta(days=14))
    idea(youth, "Te laat", 50, timedelta(days=20))
    idea(youth, "Wacht lang", 20)               # not answered and older than 14 days
    idea(youth, "Wacht kort", 5)                # not answered, still has time: not counted
    idea(youth, "Oudste", 25)                   # not answered, oldest waiting
    idea(youth, "Verborgen", 60, hidden_at=NOW, hidden_reason="spam")   # left out
    make_idea(factory.user(Role.YOUTH, factory.municipality()),
              created_at=NOW - timedelta(days=90))                     # other town
    stats = get_stats(client, factory.user(Role.YOUTH_WORKER, town))
    assert [w["text"]["title"] for w in stats["waiting"]] == ["Oudste", "Wacht lang", "Wacht kort"]
    assert [w["waiting_days"] for w in stats["waiting"]] == [25, 20, 5]
    assert stats["waiting_count"] == 3
    assert stats["ideas_counted"] == 5          # 3 answered + 2 waiting for 14 days or more
    assert stats["answered_within_14_days"] == 2
    assert stats["share_answered_within_14_days"] == 0.4
    assert stats["median_hours_to_first_answer"] == 14 * 24.0
    assert stats["median_days_to_first_answer"] == 14.0


def test_median_of_an_even_number_and_since(client, factory, town, youth):
    idea(youth, "A", 10, timedelta(hours=10))
    idea(youth, "B", 12, timedelta(hours=30))
    idea(youth, "C", 100, timedelta(hours=1000))
    stats = get_stats(client, factory.user(Role.MENTOR, town))
    assert stats["median_hours_to_first_answer"] == 30.0
    assert stats["ideas_counted"] == 3 and stats["share_answered_within_14_days"] == round(2 / 3,
                                                                                          4)
    recent = get_stats(client, factory.user(Role.MENTOR, town),
                       f"?since={(NOW - timedelta(days=30)).date().isoformat()}")
    assert recent["median_hours_to_first_answer"] == 20.0
    assert recent["share_answered_within_14_days"] == 1.0


def test_no_ideas_no_figures(client, factory, town):
    stats = get_stats(client, factory.user(Role.YOUTH_WORKER, town))
    assert stats["waiting"] == [] and stats["ideas_counted"] == 0
    assert stats["share_answered_within_14_days"] is None
    assert stats["median_hours_to_first_answer"] is None


def test_admin_sees_all_or_one_municipality(client, factory, town, youth):
    idea(youth, "Hier", 3)
    make_idea(factory.user(Role.YOUTH, factory.municipality()), created_at=NOW)
    admin = factory.user(Role.ADMIN)
    assert get_stats(client, admin)["waiting_count"] == 2
    assert get_stats(client, admin, f"?municipality_id={town.id}")["waiting_count"] == 1


@pytest.mark.parametrize("role", [Role.YOUTH, Role.CONTACT])
def test_only_staff_who_answer_see_stats(client, factory, town, role):
    client.login_as(factory.user(role, town))
    assert client.get("/api/v1/ideas/stats").status_code == 403
