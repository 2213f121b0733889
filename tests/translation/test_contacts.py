"""Contacts cross the language barrier: "how I can help", written in Dutch only, becomes
readable in the languages of the contact's municipality (a national contact: the whole
country's), marked as machine translated, with the original one tap away; staff's own
translations are never overwritten and are found when outdated."""

from datetime import timedelta

from meedoen.auth.models import Role
from meedoen.contacts.models import Contact, ContactText
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.translation.models import TranslationJob
from meedoen.translation.worker import run_due_translations
from sqlalchemy import func, select

from tests.contacts.helpers import assign

HELP = "Ik help met brieven van de gemeente."


def post(client, user, **overrides):
    client.login_as(user)
    body = {"kind": "youth_worker", "name": "Sanne", "languages": ["nl"], "topics": ["work"],
            "original_language": "nl", "help_texts": {"nl": HELP}, **overrides}
    response = client.post("/api/v1/contacts", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def read(client, factory, town, contact_id, language):
    client.login_as(factory.user(Role.YOUTH, town, ui_language=language))
    return client.get(f"/api/v1/contacts/{contact_id}?lang={language}").get_json()["help"]


def statuses(client, user, contact_id):
    client.login_as(user)
    return client.get(f"/api/v1/contacts/{contact_id}").get_json()["help_translations"]


def translate_requests(server):
    return [r for r in server.requests if r.path == "/translate"]


def jobs():
    return db.session.scalar(select(func.count()).select_from(TranslationJob))


def test_a_dutch_only_help_text_reaches_the_towns_languages_the_provider_has(
        client, factory, town, worker, translating):
    translating.languages -= {"ku"}  # this provider lacks Kurmanji
    contact = post(client, worker)
    arabic = read(client, factory, town, contact["id"], "ar")
    assert arabic["text"] == f"[ar] {HELP}" and arabic["translation"] == "machine"
    assert arabic["language"] == "ar" and arabic["fallback"] is False
    assert arabic["original"] == {"language": "nl", "text": HELP}
    assert read(client, factory, town, contact["id"], "ti")["text"] == f"[ti] {HELP}"
    kurmanji = read(client, factory, town, contact["id"], "ku")
    assert kurmanji["text"] == HELP and kurmanji["fallback"] is True
    assert kurmanji["translation"] == "original" and "original" not in kurmanji
    # Only the languages people here use: nobody in Tilburg reads Somali.
    assert {r.json["target"] for r in translate_requests(translating)} == {"ar", "ti"}
    assert {r.json["format"] for r in translate_requests(translating)} == {"text"}
    assert jobs() == 0
    assert statuses(client, worker, contact["id"]) == {"nl": "original", "ar": "machine",
                                                       "ti": "machine"}


def test_lists_say_machine_translated_and_the_cards_bring_the_original(
        client, factory, town, worker, translating):
    contact = post(client, worker)
    youth = factory.user(Role.YOUTH, town, ui_language="ar", languages=["ar"])
    assign(youth, db.session.get(Contact, contact["id"]))
    client.login_as(youth)
    [listed] = client.get("/api/v1/contacts?lang=ar").get_json()["items"]
    assert listed["help"]["translation"] == "machine" and "original" not in listed["help"]
    assert listed["help"]["text"] == f"[ar] {HELP}"
    # A topic's contacts and my people are shown as cards with the whole text.
    for path in ("/api/v1/topics/work/contacts?lang=ar", "/api/v1/me/people?lang=ar"):
        [card] = client.get(path).get_json()["items"]
        assert card["help"]["translation"] == "machine", path
        assert card["help"]["original"] == {"language": "nl", "text": HELP}, path


def test_a_national_contact_is_translated_into_the_whole_countrys_languages(
        client, factory, town, translating):
    elsewhere = factory.municipality("Breda")
    factory.user(Role.YOUTH, elsewhere, ui_language="so")
    contact = post(client, factory.user(Role.ADMIN), municipality_id=None)
    assert contact["national"] is True
    assert {r.json["target"] for r in translate_requests(translating)} == {"ar", "ti", "ku",
                                                                           "so"}
    assert read(client, factory, elsewhere, contact["id"], "so")["text"] == f"[so] {HELP}"


def test_without_a_provider_nothing_is_queued_and_nothing_changes(client, factory, town,
                                                                   worker):
    contact = post(client, worker)
    assert jobs() == 0
    arabic = read(client, factory, town, contact["id"], "ar")
    assert arabic["text"] == HELP and arabic["fallback"] is True
    assert arabic["translation"] == "original"
    assert statuses(client, worker, contact["id"]) == {"nl": "original"}


def test_human_translations_are_never_overwritten_and_become_outdated(
        client, factory, town, worker, translating):
    contact = post(client, worker)
    path = f"/api/v1/contacts/{contact['id']}"
    client.login_as(worker)
    typed = "أساعد في رسائل البلدية."
    assert client.patch(path, json={"help_texts": {"ar": typed}}).status_code == 200
    assert read(client, factory, town, contact["id"], "ar")["translation"] == "human"
    client.login_as(worker)
    changed = "Ik help met brieven en formulieren."
    assert client.patch(path, json={"help_texts": {"nl": changed}}).status_code == 200
    arabic = read(client, factory, town, contact["id"], "ar")
    assert arabic["text"] == typed and arabic["translation"] == "outdated"
    assert arabic["original"] == {"language": "nl", "text": changed}
    tigrinya = read(client, factory, town, contact["id"], "ti")
    assert tigrinya["text"] == f"[ti] {changed}"  # machine ones are redone
    assert tigrinya["translation"] == "machine"
    assert statuses(client, worker, contact["id"]) == {
        "nl": "original", "ar": "outdated", "ti": "machine", "ku": "machine"}
    stored = db.session.get(ContactText, (contact["id"], "ar"))
    assert stored.help_text == typed and stored.origin == "human"


def test_correcting_a_machine_text_makes_it_human_and_sending_it_back_unchanged_does_not(
        client, factory, town, worker, translating):
    contact = post(client, worker)
    path = f"/api/v1/contacts/{contact['id']}"
    client.login_as(worker)
    loaded = client.get(path).get_json()["help_texts"]
    assert client.patch(path, json={"help_texts": loaded, "name": "Sanne B."}).status_code == 200
    assert read(client, factory, town, contact["id"], "ti")["translation"] == "machine"
    client.login_as(worker)
    client.patch(path, json={"help_texts": {"ti": "ብደብዳቤታት ይሕግዝ።"}})
    tigrinya = read(client, factory, town, contact["id"], "ti")
    assert tigrinya["text"] == "ብደብዳቤታት ይሕግዝ።" and tigrinya["translation"] == "human"
    assert "original" not in tigrinya
    assert statuses(client, worker, contact["id"])["ti"] == "human"


def test_a_preview_saved_as_it_is_stays_machine_translated(client, factory, town, worker,
                                                           translating):
    client.login_as(worker)
    preview = client.post("/api/v1/translation/preview", json={
        "kind": "contact", "source": "nl", "targets": ["ar", "ti"],
        "texts": {"help_text": HELP}}).get_json()
    assert preview["translations"]["ar"] == {"help_text": f"[ar] {HELP}"}
    contact = post(client, worker, help_texts={
        "nl": HELP, "ar": preview["translations"]["ar"]["help_text"], "ti": "ብደብዳቤታት።"})
    assert read(client, factory, town, contact["id"], "ar")["translation"] == "machine"
    assert read(client, factory, town, contact["id"], "ti")["translation"] == "human"


def test_a_provider_that_fails_never_blocks_saving_and_is_tried_again(
        client, factory, town, worker, translating):
    translating.fail_next("503", count=20)
    contact = post(client, worker)
    arabic = read(client, factory, town, contact["id"], "ar")
    assert arabic["text"] == HELP and arabic["translation"] == "original"
    job = db.session.scalar(select(TranslationJob))
    assert job.subject == "contact" and job.attempts == 1 and job.not_before > utcnow()
    translating._failures.clear()
    assert run_due_translations(utcnow() + timedelta(minutes=5)) == 1
    assert read(client, factory, town, contact["id"], "ar")["text"] == f"[ar] {HELP}"


def test_coverage_lists_contacts_missing_or_outdated(client, factory, town, worker,
                                                     translating):
    translating.languages -= {"ti"}
    contact = post(client, worker)
    post(client, worker, name="Inactief", active=False)
    client.login_as(worker)
    path = f"/api/v1/contacts/{contact['id']}"
    client.patch(path, json={"help_texts": {"ar": "أساعد"}})
    client.patch(path, json={"help_texts": {"nl": "Ik help met brieven!"}})
    coverage = client.get("/api/v1/translation/coverage").get_json()
    assert coverage["contacts"] == [{"id": contact["id"], "title": "Sanne", "missing": ["ti"],
                                     "machine": ["ku"], "outdated": ["ar"]}]
