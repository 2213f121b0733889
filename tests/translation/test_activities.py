"""Activities cross the language barrier: a Dutch-only activity becomes readable in the
languages of its municipality's youth, marked as machine translated, with the original one
tap away; staff's own translations are never overwritten and are found when outdated."""

from datetime import timedelta

import pytest
from meedoen.activities.models import ActivityText
from meedoen.auth.models import Role
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.translation.models import TranslationJob
from meedoen.translation.worker import run_due_translations
from sqlalchemy import func, select

from tests.activities.helpers import activity_body

SHIPPED = {"nl", "en", "ar", "ti", "fa", "ps", "so", "am", "ku", "tr", "fr"}


def post(client, worker, **overrides):
    client.login_as(worker)
    overrides.setdefault("texts", {"nl": {"title": "Voetbal",
                                          "description": "<p>Kom <strong>mee</strong></p>"}})
    body = activity_body(**overrides)
    response = client.post("/api/v1/activities", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["items"]


def read(client, factory, town, activity_id, language):
    client.login_as(factory.user(Role.YOUTH, town, ui_language=language))
    return client.get(f"/api/v1/activities/{activity_id}?lang={language}").get_json()["text"]


def translate_requests(server):
    return [r for r in server.requests if r.path == "/translate"]


def test_a_dutch_only_activity_reaches_every_youth_language_the_provider_has(
        client, factory, town, worker, translating):
    translating.languages -= {"ku"}  # this provider lacks Kurmanji
    [activity] = post(client, worker)
    arabic = read(client, factory, town, activity["id"], "ar")
    assert arabic["title"] == "[ar] Voetbal" and arabic["translation"] == "machine"
    assert arabic["description"] == "<p>[ar] Kom <strong>[ar] mee</strong></p>"
    assert arabic["original"] == {"language": "nl", "title": "Voetbal",
                                  "description": "<p>Kom <strong>mee</strong></p>"}
    assert read(client, factory, town, activity["id"], "ti")["title"] == "[ti] Voetbal"
    kurmanji = read(client, factory, town, activity["id"], "ku")
    assert kurmanji["title"] == "Voetbal" and kurmanji["fallback"] is True
    assert kurmanji["translation"] == "original" and "original" not in kurmanji
    # Only the languages people here use: nobody reads Somali in Tilburg.
    targets = {r.json["target"] for r in translate_requests(translating)}
    assert targets == {"ar", "ti"}
    assert db.session.scalar(select(func.count()).select_from(TranslationJob)) == 0


def test_the_list_says_which_texts_are_machine_translated(client, factory, town, worker,
                                                          translating):
    post(client, worker)
    client.login_as(factory.user(Role.YOUTH, town, ui_language="ar"))
    [item] = client.get("/api/v1/activities?lang=ar").get_json()["items"]
    assert item["text"]["translation"] == "machine" and item["text"]["title"] == "[ar] Voetbal"


def test_without_a_provider_nothing_is_queued_and_nothing_changes(client, factory, town,
                                                                   worker):
    [activity] = post(client, worker)
    assert db.session.scalar(select(func.count()).select_from(TranslationJob)) == 0
    arabic = read(client, factory, town, activity["id"], "ar")
    assert arabic["title"] == "Voetbal" and arabic["fallback"] is True


def test_human_translations_are_never_overwritten_and_become_outdated(
        client, factory, town, worker, translating):
    [activity] = post(client, worker)
    path = f"/api/v1/activities/{activity['id']}"
    client.login_as(worker)
    typed = {"title": "كرة القدم", "description": "<p>تعال</p>"}
    assert client.patch(path, json={"texts": {"ar": typed}}).status_code == 200
    assert read(client, factory, town, activity["id"], "ar")["translation"] == "human"
    client.login_as(worker)
    client.patch(path, json={"texts": {"nl": {"title": "Voetbal op zaterdag"}}})
    arabic = read(client, factory, town, activity["id"], "ar")
    assert arabic["title"] == "كرة القدم" and arabic["translation"] == "outdated"
    assert arabic["original"]["title"] == "Voetbal op zaterdag"
    tigrinya = read(client, factory, town, activity["id"], "ti")
    assert tigrinya["title"] == "[ti] Voetbal op zaterdag"  # machine ones are redone
    assert tigrinya["translation"] == "machine"
    client.login_as(worker)
    texts = client.get(path).get_json()["texts"]
    assert {lang: t["translation"] for lang, t in texts.items()} == {
        "nl": "original", "ar": "outdated", "ti": "machine", "ku": "machine"}


def test_correcting_a_machine_text_makes_it_human_and_sending_it_back_unchanged_does_not(
        client, factory, town, worker, translating):
    [activity] = post(client, worker)
    path = f"/api/v1/activities/{activity['id']}"
    client.login_as(worker)
    texts = client.get(path).get_json()["texts"]
    unchanged = {lang: {"title": t["title"], "description": t["description"]}
                 for lang, t in texts.items()}
    client.patch(path, json={"texts": unchanged})
    assert read(client, factory, town, activity["id"], "ti")["translation"] == "machine"
    client.login_as(worker)
    client.patch(path, json={"texts": {"ti": {"title": "ኩዕሶ እግሪ"}}})
    tigrinya = read(client, factory, town, activity["id"], "ti")
    assert tigrinya["title"] == "ኩዕሶ እግሪ" and tigrinya["translation"] == "human"


def test_a_preview_saved_as_it_is_stays_machine_translated(client, factory, town, worker,
                                                           translating):
    client.login_as(worker)
    draft = {"title": "Kookavond", "description": "<p>Samen koken</p>"}
    preview = client.post("/api/v1/translation/preview", json={
        "kind": "activity", "source": "nl", "targets": ["ar", "ti"], "texts": draft}).get_json()
    assert preview["translations"]["ar"] == {"title": "[ar] Kookavond",
                                             "description": "<p>[ar] Samen koken</p>"}
    edited = {**preview["translations"]["ti"], "title": "ምሸት ምግቢ"}
    [activity] = post(client, worker, texts={"nl": draft, "ar": preview["translations"]["ar"],
                                             "ti": edited})
    assert read(client, factory, town, activity["id"], "ar")["translation"] == "machine"
    assert read(client, factory, town, activity["id"], "ti")["translation"] == "human"


def test_the_same_text_is_sent_once(client, town, worker, translating):
    first = soon_weekly_series()
    items = post(client, worker, **first)
    assert len(items) == 3
    requests = translate_requests(translating)
    # One request per language (ar, ti, ku) and format (title as text, description as HTML).
    assert len(requests) == 3 * 2


def soon_weekly_series():
    start = utcnow().replace(microsecond=0) + timedelta(days=2)
    until = (start + timedelta(days=15)).date().isoformat()
    return {"starts_at": start, "repeat": {"every_weeks": 1, "until": until}}


def test_a_provider_that_fails_never_blocks_posting_and_is_tried_again(
        client, factory, town, worker, translating):
    translating.fail_next("503", count=20)
    [activity] = post(client, worker)
    assert read(client, factory, town, activity["id"], "ar")["title"] == "Voetbal"
    job = db.session.scalar(select(TranslationJob))
    assert job.attempts == 1 and job.not_before > utcnow()
    translating.fail_next("slow", count=0)
    translating._failures.clear()
    assert run_due_translations(utcnow()) == 0  # not due yet
    assert run_due_translations(utcnow() + timedelta(minutes=5)) == 1
    assert read(client, factory, town, activity["id"], "ar")["title"] == "[ar] Voetbal"


@pytest.mark.parametrize("failure", ["not_json", "wrong_shape", "fewer", "429"])
def test_garbage_or_quota_answers_leave_the_original(client, factory, town, worker, translating,
                                                     failure):
    translating.fail_next(failure, count=20)
    [activity] = post(client, worker)
    arabic = read(client, factory, town, activity["id"], "ar")
    assert arabic["title"] == "Voetbal" and arabic["translation"] == "original"
    assert db.session.scalar(select(func.count()).select_from(ActivityText)) == 1


def test_the_daily_character_cap_postpones_to_tomorrow(client, app, factory, town, worker,
                                                       translating):
    app.config["TRANSLATION_DAILY_CHARACTERS"] = 5
    [activity] = post(client, worker)
    assert translate_requests(translating) == []
    job = db.session.scalar(select(TranslationJob))
    assert job.not_before.hour == 0 and job.not_before > utcnow()
    app.config["TRANSLATION_DAILY_CHARACTERS"] = 200_000
    run_due_translations(job.not_before)
    assert read(client, factory, town, activity["id"], "ar")["title"] == "[ar] Voetbal"


def test_machine_html_is_sanitised_again(client, factory, town, worker, translating,
                                         monkeypatch):
    from meedoen.translation import providers

    original = providers.LibreTranslate.translate

    def hostile(self, texts, source, target, html):
        answers = original(self, texts, source, target, html)
        return [a + '<img src="https://tracker.example/x.png"><script>x()</script>'
                if html else a for a in answers]

    monkeypatch.setattr(providers.LibreTranslate, "translate", hostile)
    [activity] = post(client, worker)
    description = read(client, factory, town, activity["id"], "ar")["description"]
    assert "<img" not in description and "<script" not in description
    assert description.startswith("<p>[ar] Kom")


def test_coverage_lists_what_is_missing_and_what_is_outdated(client, factory, town, worker,
                                                            translating):
    translating.languages -= {"ti"}
    [activity] = post(client, worker)
    client.login_as(worker)
    client.patch(f"/api/v1/activities/{activity['id']}",
                 json={"texts": {"ar": {"title": "كرة القدم"}}})
    client.patch(f"/api/v1/activities/{activity['id']}",
                 json={"texts": {"nl": {"title": "Voetbal!"}}})
    coverage = client.get("/api/v1/translation/coverage").get_json()
    assert coverage["languages"] == ["ar", "ku", "nl", "ti"]
    [item] = coverage["activities"]
    assert item == {"id": activity["id"], "title": "Voetbal!", "missing": ["ti"],
                    "machine": ["ku"], "outdated": ["ar"]}
    other = factory.municipality("Breda")
    assert client.get(f"/api/v1/translation/coverage?municipality_id={other.id}"
                      ).status_code == 404
    client.login_as(factory.user(Role.ADMIN))
    assert client.get(f"/api/v1/translation/coverage?municipality_id={other.id}"
                      ).get_json()["activities"] == []


def test_admins_see_the_characters_used(client, factory, town, worker, translating):
    post(client, worker)
    client.login_as(factory.user(Role.ADMIN))
    usage = client.get("/api/v1/translation/usage").get_json()
    sent = sum(len(t) for r in translate_requests(translating) for t in r.json["q"])
    assert usage["provider"] == "libretranslate" and usage["today"] == sent > 0
    assert usage["months"] == [{"month": utcnow().strftime("%Y-%m"), "characters": sent}]


def test_a_preview_without_a_provider_says_every_language_is_missing(client, worker):
    client.login_as(worker)
    answer = client.post("/api/v1/translation/preview", json={
        "kind": "activity", "source": "nl", "targets": ["ar", "nl"],
        "texts": {"title": "Hallo"}}).get_json()
    assert answer == {"provider": None, "translations": {}, "missing": ["ar"]}


def test_a_text_written_in_dari_is_sent_as_persian_where_the_provider_has_no_dari(
        client, factory, town, worker, translating):
    translating.languages -= {"prs"}  # as LibreTranslate: Persian only (tests/i18n: Google)
    [activity] = post(client, worker, original_language="fa_AF",
                      texts={"fa_AF": {"title": "فوتبال", "description": ""}})
    assert read(client, factory, town, activity["id"], "ar")["title"] == "[ar] فوتبال"
    assert {r.json["source"] for r in translate_requests(translating)} == {"fa"}


def test_switching_a_provider_on_later_queues_what_is_published(app, factory, town,
                                                                translating):
    from tests.activities.helpers import make_activity

    activity = make_activity(town)  # saved while no provider was configured
    result = app.test_cli_runner().invoke(args=["translate-published"])
    assert result.exit_code == 0 and "queued 1 texts" in result.output
    run_due_translations(utcnow())
    db.session.expire_all()
    assert {t.language for t in db.session.get(type(activity), activity.id).texts} == {
        "nl", "ar", "ti", "ku"}


def test_translate_published_queues_every_upcoming_activity(app, town, translating):
    from meedoen.translation.commands import queue_published

    from tests.activities.helpers import make_activity

    for n in range(205):
        make_activity(town, {"nl": (f"Zwemmen {n}", "")}, starts_at=utcnow() + timedelta(
            days=2, hours=n))
    assert queue_published() == 205
