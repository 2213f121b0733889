"""API answers over 1 KB are sent gzipped to a client that takes gzip; an answer sent alike
again is compressed once (pwa_host remembers the last ones up to 64 KB)."""

import gzip

import pytest
from meedoen import pwa_host
from meedoen.auth.models import Role

from tests.activities.helpers import make_activity

GZIP = {"Accept-Encoding": "gzip, deflate"}


@pytest.fixture
def youth(factory):
    town = factory.municipality()
    for n in range(12):
        make_activity(town, {"nl": (f"Voetbal {n}", "Samen voetballen in de sporthal. " * 3)})
    return factory.user(Role.YOUTH, town)


def test_big_answers_are_gzipped_once_and_small_ones_plain(client, youth):
    client.login_as(youth)
    plain = client.get("/api/v1/activities")
    assert "Content-Encoding" not in plain.headers and len(plain.data) > pwa_host.MIN_COMPRESS
    pwa_host._gzipped.cache_clear()
    first, again = (client.get("/api/v1/activities", headers=GZIP) for _ in range(2))
    assert first.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first.headers["Vary"]
    assert gzip.decompress(first.data) == plain.data
    assert again.data == first.data
    assert pwa_host._gzipped.cache_info()[:2] == (1, 1)  # one hit, one miss
    small = client.get("/api/v1/health", headers=GZIP)
    assert "Content-Encoding" not in small.headers


def test_a_body_over_the_remembered_size_is_compressed_not_remembered(client, youth, monkeypatch):
    client.login_as(youth)
    plain = client.get("/api/v1/activities")
    monkeypatch.setattr(pwa_host, "REMEMBERED_SIZE", pwa_host.MIN_COMPRESS)
    pwa_host._gzipped.cache_clear()
    sent = client.get("/api/v1/activities", headers=GZIP)
    assert gzip.decompress(sent.data) == plain.data
    assert pwa_host._gzipped.cache_info().currsize == 0
