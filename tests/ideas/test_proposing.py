"""Proposing ideas, texts in several languages with a visible fallback, and the list."""

import threading
from datetime import timedelta
from types import SimpleNamespace

import pytest
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaStatus

from tests.ideas.helpers import add_support, idea_body, make_idea


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town, ui_language="ti")


def test_youth_proposes_an_idea_in_their_language(client, youth):
    client.login_as(youth)
    response = client.post("/api/v1/ideas", json=idea_body(
        title="ውድድር ኩዕሶ እግሪ", description="ነጻ መግቢ ውን", language="ti", category="sport",
        will_help_organise=True))
    assert response.status_code == 201, response.json
    idea = response.json
    text = idea["text"]
    assert text["title"] == "ውድድር ኩዕሶ እግሪ"
    assert text["language"] == "ti" and text["original_language"] == "ti"
    assert text["fallback"] is False and text["available_languages"] == ["ti"]
    assert idea["status"] == "new" and idea["category"] == "sport"
    assert idea["will_help_organise"] is True and idea["is_mine"] is True
    assert idea["author"] == youth.display_name
    assert idea["support"] == {"total": 0, "join": 0, "help": 0, "names": [], "mine": None}
    assert idea["municipality_id"] == youth.municipality_id


def test_language_defaults_to_the_ui_language(client, youth):
    client.login_as(youth)
    body = idea_body()
    del body["language"]
    assert client.post("/api/v1/ideas", json=body).json["text"]["original_language"] == "ti"
    assert client.post("/api/v1/ideas?lang=ar", json=body).json["text"]["original_language"] == "ar"


def test_description_is_sanitised_and_its_links_are_plain_text(client, youth):
    """Other minors read it: a link a young person writes stays text (its words are kept)."""
    client.login_as(youth)
    description = ('Kom <b>ook</b>! <img src="https://tracker.example/p.png">'
                   '<script>alert(1)</script><a href="https://club.example" onclick="x()">club</a>'
                   '<a href="javascript:alert(1)">x</a>')
    idea = client.post("/api/v1/ideas", json=idea_body(description=description)).json
    html = idea["text"]["description"]
    assert "<img" not in html and "<script" not in html and "onclick" not in html
    assert "javascript:" not in html and "tracker.example" not in html
    assert "<a" not in html and "club.example" not in html and "club" in html
    assert "<strong>ook</strong>" in html or "<b>" not in html


@pytest.mark.parametrize("role", [Role.MENTOR, Role.YOUTH_WORKER, Role.CONTACT, Role.ADMIN])
def test_only_young_people_propose(client, factory, town, role):
    client.login_as(factory.user(role, town))
    assert client.post("/api/v1/ideas", json=idea_body()).status_code == 403


def test_rate_limit_counts_ideas_in_the_database(client, app, youth, monkeypatch):
    monkeypatch.setitem(app.config, "IDEAS_PER_DAY", 2)
    make_idea(youth, created_at=utcnow() - timedelta(hours=25))  # yesterday: does not count
    client.login_as(youth)
    for _ in range(2):
        assert client.post("/api/v1/ideas", json=idea_body()).status_code == 201
    refused = client.post("/api/v1/ideas", json=idea_body())
    assert refused.status_code == 429
    assert refused.json["code"] == "too_many_ideas"
    assert 0 < int(refused.headers["Retry-After"]) <= 24 * 3600
    assert db.session.query(Idea).count() == 3


def test_rate_limit_holds_under_concurrent_requests(app, make_client, youth, monkeypatch):
    monkeypatch.setitem(app.config, "IDEAS_PER_DAY", 3)
    statuses = []
    barrier = threading.Barrier(8)
    login = SimpleNamespace(session_token=youth.session_token)

    def propose():
        client = make_client().login_as(login)
        barrier.wait()
        statuses.append(client.post("/api/v1/ideas", json=idea_body()).status_code)

    threads = [threading.Thread(target=propose) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] * 3 + [429] * 5
    with app.app_context():
        assert db.session.query(Idea).count() == 3


def test_staff_add_a_translation_and_the_fallback_is_visible(client, factory, town, youth):
    idea = make_idea(youth, texts={"ti": ("ውድድር", "መግለጺ")})
    worker = factory.user(Role.YOUTH_WORKER, town)
    reader = factory.user(Role.YOUTH, town, ui_language="ar")
    client.login_as(reader)
    shown = client.get(f"/api/v1/ideas/{idea.id}").json["text"]
    assert (shown["title"], shown["language"], shown["fallback"]) == ("ውድድር", "ti", True)
    client.login_as(worker)
    response = client.put(f"/api/v1/ideas/{idea.id}/texts/ar",
                          json={"title": "بطولة كرة القدم", "description": "مع طعام مجاني"})
    assert response.status_code == 200, response.json
    client.login_as(reader)
    shown = client.get(f"/api/v1/ideas/{idea.id}").json["text"]
    assert (shown["title"], shown["language"], shown["fallback"]) == ("بطولة كرة القدم", "ar",
                                                                       False)
    assert shown["available_languages"] == ["ar", "ti"] and shown["original_language"] == "ti"
    in_french = client.get(f"/api/v1/ideas/{idea.id}?lang=fr").json["text"]
    assert (in_french["language"], in_french["fallback"]) == ("ti", True)


def test_a_translation_for_an_unknown_language_is_not_found(client, factory, town, youth):
    idea = make_idea(youth)
    client.login_as(factory.user(Role.MENTOR, town))
    body = {"title": "Titel", "description": "Tekst"}
    assert client.put(f"/api/v1/ideas/{idea.id}/texts/xx-nope", json=body).status_code == 404


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.json
    return [item["text"]["title"] for item in response.json["items"]]


def test_list_sorted_by_support_or_newest(client, factory, town, youth):
    now = utcnow()
    old = make_idea(youth, texts={"nl": ("Oud", "x")}, created_at=now - timedelta(days=3))
    make_idea(youth, texts={"nl": ("Nieuw", "x")}, created_at=now)
    popular = make_idea(youth, texts={"nl": ("Populair", "x")}, created_at=now - timedelta(2))
    for _ in range(2):
        add_support(popular, factory.user(Role.YOUTH, town))
    add_support(old, factory.user(Role.YOUTH, town))
    client.login_as(youth)
    assert _titles(client.get("/api/v1/ideas")) == ["Populair", "Oud", "Nieuw"]
    assert _titles(client.get("/api/v1/ideas?sort=newest")) == ["Nieuw", "Populair", "Oud"]
    first = client.get("/api/v1/ideas?sort=support&limit=1").json
    second = client.get(f"/api/v1/ideas?sort=support&limit=1&cursor={first['next_cursor']}").json
    assert second["total"] == 3 and [i["text"]["title"] for i in second["items"]] == ["Oud"]
    assert second["items"][0]["support"]["total"] == 1 and second["next_cursor"]


def _all_pages(client, path: str, limit: int) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        page = client.get(path + f"&limit={limit}" + (f"&cursor={cursor}" if cursor else "")).json
        pages.append([item["text"]["title"] for item in page["items"]])
        assert page["total"] == 7
        cursor = page["next_cursor"]
        if cursor is None:
            return pages


@pytest.mark.parametrize("sort", ["support", "newest"])
def test_the_list_pages_with_a_cursor_and_counts_every_idea(client, factory, town, youth, sort):
    """Equal support and equal times are broken by id; every idea once, in order; a cursor
    of one sort does not open the other."""
    now = utcnow()
    for n in range(7):
        idea = make_idea(youth, texts={"nl": (f"Idee {n}", "x")},
                         created_at=now - timedelta(days=n % 2))
        for _ in range(n % 3):
            add_support(idea, factory.user(Role.YOUTH, town))
    client.login_as(youth)
    whole = _titles(client.get(f"/api/v1/ideas?sort={sort}&limit=100"))
    pages = _all_pages(client, f"/api/v1/ideas?sort={sort}", 3)
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [title for page in pages for title in page] == whole and len(set(whole)) == 7
    other = "newest" if sort == "support" else "support"
    cursor = client.get(f"/api/v1/ideas?sort={sort}&limit=3").json["next_cursor"]
    assert client.get(f"/api/v1/ideas?sort={other}&cursor={cursor}").status_code == 400


def test_list_filtered_by_status_and_category(client, youth):
    make_idea(youth, texts={"nl": ("Gepland", "x")}, status=IdeaStatus.PLANNED)
    make_idea(youth, texts={"nl": ("Kookavond", "x")}, category="cooking")
    make_idea(youth, texts={"nl": ("Klaar", "x")}, status=IdeaStatus.DONE, category="music")
    client.login_as(youth)
    assert _titles(client.get("/api/v1/ideas?status=planned")) == ["Gepland"]
    assert sorted(_titles(client.get("/api/v1/ideas?status=planned&status=done"))) == [
        "Gepland", "Klaar"]
    assert _titles(client.get("/api/v1/ideas?category=cooking")) == ["Kookavond"]
    assert _titles(client.get("/api/v1/ideas?category=cooking&status=planned")) == []


def test_list_shows_only_the_own_municipality(client, factory, youth):
    elsewhere = factory.user(Role.YOUTH, factory.municipality())
    far = make_idea(elsewhere, texts={"nl": ("Daar", "x")})
    make_idea(youth, texts={"nl": ("Hier", "x")})
    client.login_as(youth)
    assert _titles(client.get("/api/v1/ideas")) == ["Hier"]
    assert client.get(f"/api/v1/ideas/{far.id}").status_code == 404
    client.login_as(factory.user(Role.ADMIN))
    assert sorted(_titles(client.get("/api/v1/ideas"))) == ["Daar", "Hier"]
    only = client.get(f"/api/v1/ideas?municipality_id={elsewhere.municipality_id}")
    assert _titles(only) == ["Daar"]


def test_author_name_only_for_visible_authors_and_staff(client, factory, town, youth):
    idea = make_idea(youth)
    other = factory.user(Role.YOUTH, town)
    client.login_as(other)
    assert client.get(f"/api/v1/ideas/{idea.id}").json["author"] is None
    youth.show_name_on_ideas = True
    db.session.commit()
    assert client.get(f"/api/v1/ideas/{idea.id}").json["author"] == youth.display_name
    youth.show_name_on_ideas = False
    db.session.commit()
    client.login_as(factory.user(Role.MENTOR, town))
    assert client.get(f"/api/v1/ideas/{idea.id}").json["author"] == youth.display_name
