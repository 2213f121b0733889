"""The push payload the service worker gets."""

import json
from types import SimpleNamespace

import pytest
from meedoen.notifications.payload import PAYLOAD_LIMIT, app_path, build_payload, topic_for


def item(**fields):
    base = {"id": 5, "title": "Titel", "body": "Tekst", "url": None, "topic": "n-1",
            "lang": "fa", "urgent": False}
    return SimpleNamespace(**{**base, **fields})


def test_shape():
    assert json.loads(build_payload(item())) == {
        "id": 5, "title": "Titel", "body": "Tekst", "url": "/inbox/5", "topic": "n-1",
        "lang": "fa", "dir": "rtl"}


@pytest.mark.parametrize("url", ["//evil.example/x", "https://evil.example", "javascript:x",
                                 "/\\evil.example", "activities/1", ""])
def test_links_only_go_to_paths_of_this_app(url):
    assert app_path(url) is None
    assert json.loads(build_payload(item(url=url)))["url"] == "/inbox/5"


def test_a_long_body_is_shortened_to_fit():
    payload = build_payload(item(body="😀" * 1000, title="ነ" * 120))
    assert len(payload) <= PAYLOAD_LIMIT
    assert json.loads(payload)["body"].endswith("…")


def test_topic_is_url_safe_and_short():
    topic = topic_for("activity", "a b/c" * 20)
    assert len(topic) <= 32 and all(c.isalnum() or c in "-_" for c in topic)
