"""Ideas cross the language barrier: an idea a young person writes in Somali becomes readable
for staff and the other youth of the municipality, marked, with the original one tap away; a
staff answer reaches every young person in their language; staff's own texts are theirs."""

import pytest
from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.ideas.models import IdeaAnswerText, IdeaText
from meedoen.translation.models import TranslationCache
from sqlalchemy import func, select

TITLE, DESCRIPTION = "Kubadda cagta", "<p>Ciyaar <strong>wadajir</strong></p>"


@pytest.fixture
def town(factory):
    town = factory.municipality("Deventer")
    for language in ("ar", "ti"):
        factory.user(Role.YOUTH, town, ui_language=language)
    return town


@pytest.fixture
def author(factory, town):
    return factory.user(Role.YOUTH, town, ui_language="so", languages=["so"])


@pytest.fixture
def worker(factory, town):
    return factory.user(Role.YOUTH_WORKER, town, ui_language="nl")


def propose(client, author):
    client.login_as(author)
    response = client.post("/api/v1/ideas", json={
        "title": TITLE, "description": DESCRIPTION, "category": "sport", "language": "so"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def answer(client, worker, idea_id, message, **extra):
    client.login_as(worker)
    response = client.post(f"/api/v1/ideas/{idea_id}/answers",
                           json={"status": "planned", "message": message, **extra})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def read(client, user, idea_id, language):
    client.login_as(user)
    return client.get(f"/api/v1/ideas/{idea_id}?lang={language}").get_json()


def test_an_idea_in_somali_is_readable_for_staff_and_other_youth(client, factory, town, author,
                                                                 worker, translating):
    idea = propose(client, author)
    assert idea["text"]["translation"] == "original"
    staff = read(client, worker, idea["id"], "nl")["text"]
    assert staff["title"] == f"[nl] {TITLE}" and staff["translation"] == "machine"
    assert staff["description"] == "<p>[nl] Ciyaar <strong>[nl] wadajir</strong></p>"
    assert staff["original"] == {"language": "so", "title": TITLE, "description": DESCRIPTION}
    other = factory.user(Role.YOUTH, town, ui_language="ar")
    assert read(client, other, idea["id"], "ar")["text"]["title"] == f"[ar] {TITLE}"
    client.login_as(other)
    [listed] = client.get("/api/v1/ideas?lang=ti").get_json()["items"]
    assert listed["text"]["title"] == f"[ti] {TITLE}"
    assert listed["text"]["translation"] == "machine" and "original" not in listed["text"]
    # A personal text: never in the shared cache.
    assert db.session.scalar(select(func.count()).select_from(TranslationCache)) == 0


def test_a_staff_answer_reaches_every_young_person_in_their_language(client, factory, town,
                                                                     author, worker, translating):
    idea = propose(client, author)
    answer(client, worker, idea["id"], {"nl": "<p>We gaan het <em>plannen</em>!</p>"})
    shown = read(client, author, idea["id"], "so")
    [text] = [a["text"] for a in shown["answers"]]
    assert text["message"] == "<p>[so] We gaan het <em>[so] plannen</em>[so] !</p>"
    assert text["translation"] == "machine" and text["language"] == "so"
    assert text["original"] == {"language": "nl",
                                "message": "<p>We gaan het <em>plannen</em>!</p>"}
    assert shown["latest_answer"]["text"]["translation"] == "machine"
    client.login_as(factory.user(Role.YOUTH, town, ui_language="ti"))
    [listed] = client.get("/api/v1/ideas?lang=ti").get_json()["items"]
    assert listed["latest_answer"]["text"]["message"].startswith("<p>[ti] We gaan")
    assert "original" not in listed["latest_answer"]["text"]
    # A text for publication: cached, so the same answer is never sent twice.
    assert db.session.scalar(select(func.count()).select_from(TranslationCache)) > 0


def test_an_answer_saved_as_previewed_stays_machine_and_a_typed_one_is_human(
        client, town, author, worker, translating):
    idea = propose(client, author)
    client.login_as(worker)
    preview = client.post("/api/v1/translation/preview", json={
        "kind": "idea_answer", "source": "nl", "targets": ["ar", "ti"],
        "texts": {"message": "Goed idee"}}).get_json()
    assert preview["translations"] == {"ar": {"message": "[ar] Goed idee"},
                                       "ti": {"message": "[ti] Goed idee"}}
    answer(client, worker, idea["id"], {"nl": "Goed idee",
                                        "ar": preview["translations"]["ar"]["message"],
                                        "ti": "ጽቡቕ ሓሳብ"})
    states = {row.language: row.origin for row in db.session.scalars(select(IdeaAnswerText))}
    assert states["ar"] == "machine" and states["ti"] == "human"
    assert read(client, author, idea["id"], "ti")["answers"][0]["text"] == {
        "message": "ጽቡቕ ሓሳብ", "language": "ti", "fallback": False, "original_language": "nl",
        "available_languages": ["ar", "nl", "so", "ti"], "translation": "human"}
    # The machine never replaces what staff typed.
    assert db.session.scalar(select(IdeaAnswerText.message)
                             .where(IdeaAnswerText.language == "ti")) == "ጽቡቕ ሓሳብ"


def test_staff_translations_of_an_idea_are_human_and_outdated_when_the_original_changes(
        client, town, author, worker, translating):
    idea = propose(client, author)
    client.login_as(worker)
    typed = {"title": "Voetbaltoernooi", "description": "Samen voetballen"}
    assert client.put(f"/api/v1/ideas/{idea['id']}/texts/nl", json=typed).status_code == 200
    assert read(client, worker, idea["id"], "nl")["text"]["translation"] == "human"
    client.login_as(worker)
    client.put(f"/api/v1/ideas/{idea['id']}/texts/so",
               json={"title": "Kubadda cagta weyn", "description": DESCRIPTION})
    dutch = read(client, worker, idea["id"], "nl")["text"]
    assert dutch["title"] == "Voetbaltoernooi" and dutch["translation"] == "outdated"
    assert dutch["original"]["title"] == "Kubadda cagta weyn"
    arabic = read(client, worker, idea["id"], "ar")["text"]
    assert arabic["title"] == "[ar] Kubadda cagta weyn" and arabic["translation"] == "machine"


def test_without_a_provider_ideas_are_shown_as_written(client, town, author, worker):
    idea = propose(client, author)
    answer(client, worker, idea["id"], {"nl": "Ja"})
    shown = read(client, worker, idea["id"], "nl")
    assert (shown["text"]["title"], shown["text"]["translation"]) == (TITLE, "original")
    assert db.session.scalar(select(func.count()).select_from(IdeaText)) == 1
