"""The Web Push payload the service worker shows (README: Notifications → Payload)."""

import re
from functools import lru_cache

import orjson

from meedoen.core.languages import cldr_locale
from meedoen.push.sender import MAX_PAYLOAD

PAYLOAD_LIMIT = MAX_PAYLOAD - 72  # headroom under the sender's hard limit
TOPIC_CHARS = re.compile(r"[^A-Za-z0-9_-]")


@lru_cache(maxsize=64)
def direction(lang: str) -> str:
    try:
        return cldr_locale(lang).text_direction
    except (ValueError, TypeError):
        return "ltr"


def topic_for(*parts) -> str:
    """RFC 8030 Topic: at most 32 URL-safe base64 characters."""
    return TOPIC_CHARS.sub("-", "-".join(str(p) for p in parts))[:32]


def app_path(url: str | None) -> str | None:
    """Only a path of this app ("/activities/7"), never another site ("//evil", "https:")."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    return url


def build_payload(item) -> bytes:
    """title, body, url, topic, lang, dir and the inbox item id (and ``translation`` when the
    text is machine translated), as UTF-8 JSON ≤ ~3 KB.

    A body too long for one push message is shortened; the inbox keeps the whole text.
    """
    data = {"id": item.id, "title": item.title[:200], "body": item.body,
            "url": app_path(item.url) or f"/inbox/{item.id}", "topic": item.topic,
            "lang": item.lang, "dir": direction(item.lang)}
    if getattr(item, "translation", None) == "machine":
        data["translation"] = "machine"  # the service worker may say "machine translated"
    encoded = _encode(data)
    cut = len(item.body)
    while len(encoded) > PAYLOAD_LIMIT and cut > 0:
        cut -= max((len(encoded) - PAYLOAD_LIMIT) // 4, 1)
        data["body"] = item.body[: max(cut, 0)].rstrip() + "…"
        encoded = _encode(data)
    return encoded


def _encode(data: dict) -> bytes:
    return orjson.dumps(data)  # compact UTF-8: Arabic or Ethiopic text is not \u-escaped
