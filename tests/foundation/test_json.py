"""JSON answers: UTF-8 (not \\u escapes), keys sorted, dates as before, odd text survives."""

from datetime import UTC, date, datetime

from flask import jsonify


def test_answers_are_utf8_with_sorted_keys(app):
    with app.test_request_context():
        body = jsonify({"title": "ኩዖ እግሪ", "arabic": "كرة القدم"}).get_data()
    assert body == '{"arabic":"كرة القدم","title":"ኩዖ እግሪ"}'.encode()


def test_dates_keep_flasks_format_and_surrogates_fall_back(app):
    when = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert app.json.loads(app.json.dumps({"at": when, "day": date(2026, 11, 29)})) == {
        "at": "Sun, 29 Nov 2026 12:00:00 GMT", "day": "Sun, 29 Nov 2026 00:00:00 GMT"}
    assert app.json.loads(app.json.dumps({"text": "\ud800"})) == {"text": "\ud800"}
