from flask import current_app
from meedoen.extensions import db
from meedoen.wording.models import SuggestionStatus, WordingSuggestion

from tests.wording.helpers import PLAIN, SIMPLE, suggestion_body


def test_screen_texts_with_current_translation_and_placeholders(client, youth):
    client.login_as(youth)
    answer = client.get("/api/v1/ui-texts", query_string={
        "language": "ti", "msgid": [PLAIN, SIMPLE, "Not a text of the app"]})
    assert answer.status_code == 200
    texts = {t["msgid"]: t for t in answer.json["texts"]}
    assert set(texts) == {PLAIN, SIMPLE}
    assert texts[SIMPLE]["current"] == "ሓሳባት"
    assert texts[PLAIN]["placeholders"] == ["{name}"]
    assert texts[PLAIN]["reviewed"] is False


def test_dutch_and_english_are_not_open_to_suggestions(client, youth):
    client.login_as(youth)
    for lang in ("nl", "en"):
        assert client.get("/api/v1/ui-texts", query_string={"language": lang}).status_code == 422
        assert client.post("/api/v1/ui-texts/suggestions",
                           json=suggestion_body(language=lang)).status_code == 422
    languages = client.get("/api/v1/ui-texts/review-languages").json
    assert languages["languages"] == []
    assert "ti" in languages["suggestable"] and {"nl", "en"}.isdisjoint(languages["suggestable"])


def test_a_suggestion_waits_for_a_reviewer(client, youth):
    client.login_as(youth)
    answer = client.post("/api/v1/ui-texts/suggestions", json=suggestion_body())
    assert answer.status_code == 201, answer.json
    assert answer.json["status"] == "pending"
    assert "{name}" in answer.json["current"]
    assert "author_id" not in answer.json
    stored = db.session.get(WordingSuggestion, answer.json["id"])
    assert (stored.author_id, stored.status) == (youth.id, SuggestionStatus.PENDING)


def test_placeholders_must_stay(client, youth):
    client.login_as(youth)
    for text in ("ሰላም!", "ሰላም {nam}", "ሰላም {name} {name2}"):
        answer = client.post("/api/v1/ui-texts/suggestions", json=suggestion_body(text=text),
                             headers={"Accept-Language": "nl"})
        assert answer.status_code == 422
        assert answer.json["code"] == "placeholders_differ"
        assert "{name}" in answer.json["message"]
    assert db.session.query(WordingSuggestion).count() == 0


def test_plain_text_only_and_known_texts(client, youth):
    client.login_as(youth)
    for body, field in ((suggestion_body(text="ሰላም <b>{name}</b>"), "text"),
                        (suggestion_body(text="<img src=x>ሰላም {name}"), "text"),
                        (suggestion_body(msgid="Not a text of the app"), "msgid"),
                        (suggestion_body(text="x" * 1001 + "{name}"), "text"),
                        (suggestion_body(text="ሰላም\x00 {name}"), "text")):
        answer = client.post("/api/v1/ui-texts/suggestions", json=body)
        assert answer.status_code == 422, body
        assert field in answer.json["fields"], body
    assert client.post("/api/v1/ui-texts/suggestions",
                       json={**suggestion_body(), "author_id": 1}).status_code == 422


def test_same_as_now_is_refused(client, youth):
    client.login_as(youth)
    answer = client.post("/api/v1/ui-texts/suggestions",
                         json=suggestion_body(msgid=SIMPLE, text="ሓሳባት"))
    assert answer.status_code == 422


def test_suggestions_are_rate_limited(client, youth):
    current_app.config["WORDING_SUGGESTION_LIMITS"] = "2 per hour"
    try:
        client.login_as(youth)
        statuses = [client.post("/api/v1/ui-texts/suggestions",
                                json=suggestion_body(text=f"ሰላም {{name}} {n}")).status_code
                    for n in range(3)]
    finally:
        current_app.config["WORDING_SUGGESTION_LIMITS"] = "20 per hour; 60 per day"
    assert statuses == [201, 201, 429]
    assert db.session.query(WordingSuggestion).count() == 2
