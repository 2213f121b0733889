"""The provider adapters' real HTTP clients against loopback fakes of the providers' APIs."""

import logging
import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.translation import providers
from meedoen.translation.providers import (
    BadAnswer,
    GoogleTranslate,
    LibreTranslate,
    Provider,
    ProviderError,
    ProviderUnavailable,
    QuotaExceeded,
    provider_from_config,
)

from tests.translation.fake_providers import fake_translation

LIBRE_KEY = "libre-secret-key-4711"
TIMEOUT = 1.0
TEXTS = ["Hallo", "<p>Fietsen <b>in het park</b></p>", "Tot morgen"]


@pytest.fixture(params=["libretranslate", "google"])
def pair(request):
    """(fake server, provider talking to it) for each provider."""
    if request.param == "libretranslate":
        server = request.getfixturevalue("libretranslate_server")
        server.api_key = LIBRE_KEY
        provider = LibreTranslate(server.url, LIBRE_KEY, TIMEOUT)
    else:
        server = request.getfixturevalue("google_server")
        provider = GoogleTranslate(server.api_key, server.url, TIMEOUT)
    yield server, provider
    provider.close()


def translate_requests(server):
    return [r for r in server.requests if r.path.endswith(("/translate", "/v2"))]


# -- request shape and results --


@pytest.mark.parametrize("html", [True, False])
def test_libretranslate_request_shape(libretranslate_server, html):
    libretranslate_server.api_key = LIBRE_KEY
    provider = LibreTranslate(libretranslate_server.url + "/", LIBRE_KEY, TIMEOUT)
    result = provider.translate(TEXTS, "nl", "ar", html=html)
    assert result == [fake_translation(text, "ar", html) for text in TEXTS]
    [request] = libretranslate_server.requests
    assert (request.method, request.path, request.query) == ("POST", "/translate", {})
    assert request.headers["Content-Type"] == "application/json"
    assert request.json == {"q": TEXTS, "source": "nl", "target": "ar",
                            "format": "html" if html else "text", "api_key": LIBRE_KEY}


def test_libretranslate_without_key_sends_none(libretranslate_server):
    provider = LibreTranslate(libretranslate_server.url, None, TIMEOUT)
    assert provider.translate(["Hallo"], "nl", "ar", html=False) == ["[ar] Hallo"]
    assert "api_key" not in libretranslate_server.requests[0].json


@pytest.mark.parametrize("html", [True, False])
def test_google_request_shape(google_server, html):
    provider = GoogleTranslate(google_server.api_key, google_server.url, TIMEOUT)
    result = provider.translate(TEXTS, "nl", "ti", html=html)
    assert result == [fake_translation(text, "ti", html) for text in TEXTS]
    [request] = google_server.requests
    assert (request.method, request.path, request.query) == ("POST", "/language/translate/v2", {})
    assert request.headers["X-goog-api-key"] == google_server.api_key
    assert request.headers["Content-Type"] == "application/json"
    assert request.json == {"q": TEXTS, "source": "nl", "target": "ti",
                            "format": "html" if html else "text"}


def test_html_keeps_tags(pair):
    _server, provider = pair
    [text] = provider.translate(['<p>Hallo <a href="/x">daar</a></p>'], "nl", "fr", html=True)
    assert text == '<p>[fr] Hallo <a href="/x">[fr] daar</a></p>'


def test_many_texts_come_back_in_order_in_one_request(pair):
    server, provider = pair
    texts = [f"tekst {n}" for n in range(50)]
    assert provider.translate(texts, "nl", "en", html=False) == [f"[en] {t}" for t in texts]
    assert len(server.requests) == 1


def test_no_texts_no_request(pair):
    server, provider = pair
    assert provider.translate([], "nl", "ar", html=True) == []
    assert server.requests == []


def test_adapters_are_providers(pair):
    _server, provider = pair
    assert isinstance(provider, Provider)
    assert provider.self_hosted is isinstance(provider, LibreTranslate)


# -- languages --


def test_languages_libretranslate_default(libretranslate_server):
    provider = LibreTranslate(libretranslate_server.url, None, TIMEOUT)
    assert provider.languages() == frozenset(SHIPPED_LANGUAGES) - {"ti", "ps", "so", "am", "ku"}
    [request] = libretranslate_server.requests
    assert (request.method, request.path) == ("GET", "/languages")


def test_languages_google_all_with_key(google_server):
    provider = GoogleTranslate(google_server.api_key, google_server.url, TIMEOUT)
    assert provider.languages() == frozenset(SHIPPED_LANGUAGES)
    [request] = google_server.requests
    assert (request.method, request.path) == ("GET", "/language/translate/v2/languages")
    assert request.headers["X-goog-api-key"] == google_server.api_key
    assert request.query == {}


def test_languages_only_ours_and_limited(pair):
    server, provider = pair
    server.languages = {"nl", "ar", "zh", "pt-BR", "fa-AF"}
    assert provider.languages() == {"nl", "ar", "prs"}  # fa-AF is Dari (tests/i18n)


def test_languages_cached_for_an_hour(pair, monkeypatch):
    server, provider = pair
    clock = [1000.0]
    monkeypatch.setattr(providers, "_now", lambda: clock[0])
    first = provider.languages()
    server.languages = {"nl", "en"}
    clock[0] += 3599
    assert provider.languages() == first
    assert len(server.requests) == 1
    clock[0] += 2
    assert provider.languages() == {"nl", "en"}
    assert len(server.requests) == 2


@pytest.mark.parametrize("kind", ["500", "not_json", "wrong_shape", "429", "disconnect"])
def test_languages_failure_is_unavailable_and_not_cached(pair, kind):
    server, provider = pair
    server.fail_next(kind, 3 if kind == "500" else 1, on="languages")
    with pytest.raises(ProviderUnavailable):
        provider.languages()
    assert len(provider.languages()) > 2  # asked again, not a cached failure


# -- failures --


def test_429_is_quota_at_once_with_retry_after(pair):
    server, provider = pair
    server.fail_next("429", retry_after=42)
    with pytest.raises(QuotaExceeded) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert caught.value.retry_after == 42.0
    assert caught.value.status == 429
    assert len(server.requests) == 1  # not retried


def test_429_retry_after_as_http_date(pair):
    server, provider = pair
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    server.fail_next("429", retry_after=when)
    with pytest.raises(QuotaExceeded) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert 100 < caught.value.retry_after <= 120


def test_429_without_retry_after(pair):
    server, provider = pair
    server.fail_next("429", retry_after=None)
    with pytest.raises(QuotaExceeded) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert caught.value.retry_after is None


def test_google_daily_limit_is_quota(google_server):
    provider = GoogleTranslate(google_server.api_key, google_server.url, TIMEOUT)
    google_server.fail_next("quota")
    with pytest.raises(QuotaExceeded) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert caught.value.status == 403
    assert caught.value.retry_after is None


@pytest.mark.parametrize("status", ["500", "503"])
def test_5xx_retried_then_answered(pair, status):
    server, provider = pair
    server.fail_next(status, 2)
    assert provider.translate(["Hallo"], "nl", "ar", html=False) == ["[ar] Hallo"]
    assert len(server.requests) == 3


def test_5xx_three_times_is_unavailable_without_honouring_retry_after(pair):
    server, provider = pair
    server.fail_next("503", 5, retry_after=3600)
    started = time.monotonic()
    with pytest.raises(ProviderUnavailable) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert time.monotonic() - started < 3
    assert caught.value.status == 503
    assert len(server.requests) == 3  # the first try and two retries


def test_timeout_is_unavailable_within_bounds(pair):
    server, provider = pair
    server.fail_next("slow", seconds=10)
    started = time.monotonic()
    with pytest.raises(ProviderUnavailable, match="no answer within"):
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert time.monotonic() - started < TIMEOUT + 1.5
    assert len(server.requests) == 1  # a read timeout is not retried


def test_hang_up_is_unavailable(pair):
    server, provider = pair
    server.fail_next("disconnect")
    with pytest.raises(ProviderUnavailable):
        provider.translate(["Hallo"], "nl", "ar", html=False)


def test_nobody_listening_is_unavailable_quickly():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = LibreTranslate(f"http://127.0.0.1:{port}", None, TIMEOUT)
    started = time.monotonic()
    with pytest.raises(ProviderUnavailable):
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert time.monotonic() - started < 3


def test_wrong_key_is_a_provider_error(pair):
    server, provider = pair
    server.api_key = "another-key"
    with pytest.raises(ProviderError) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert type(caught.value) is ProviderError
    assert caught.value.status == 403
    assert len(server.requests) == 1


def test_unsupported_language_is_a_provider_error(pair):
    server, provider = pair
    server.languages.discard("ti")
    with pytest.raises(ProviderError) as caught:
        provider.translate(["Hallo"], "nl", "ti", html=False)
    assert type(caught.value) is ProviderError
    assert caught.value.status == 400


@pytest.mark.parametrize("kind", ["not_json", "wrong_shape", "fewer"])
def test_malformed_answer_is_bad_answer(pair, kind):
    server, provider = pair
    server.fail_next(kind)
    with pytest.raises(BadAnswer):
        provider.translate(["Hallo", "Dag"], "nl", "ar", html=False)


def test_texts_that_are_not_strings_are_bad_answer(pair, monkeypatch):
    server, provider = pair
    monkeypatch.setattr(type(server), "drop_one", lambda self, body: (
        {"translatedText": [1, 2]} if "translatedText" in body
        else {"data": {"translations": [{"translatedText": None}, {}]}}))
    server.fail_next("fewer")
    with pytest.raises(BadAnswer):
        provider.translate(["Hallo", "Dag"], "nl", "ar", html=False)


def test_answer_too_large_is_bad_answer(pair, monkeypatch):
    _server, provider = pair
    monkeypatch.setattr(providers, "MAX_ANSWER_BYTES", 100)
    with pytest.raises(BadAnswer, match="larger"):
        provider.translate(["x" * 200], "nl", "ar", html=False)


def test_redirect_is_not_followed(pair):
    server, provider = pair
    server.fail_next("redirect")
    with pytest.raises(ProviderError) as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert caught.value.status == 302
    assert [r.path.startswith("/moved") for r in server.requests] == [False]


# -- secrets stay out of logs and errors --


def test_no_text_or_key_in_logs_or_errors(pair, caplog):
    caplog.set_level(logging.DEBUG)
    server, provider = pair
    key = LIBRE_KEY if isinstance(provider, LibreTranslate) else server.api_key
    secret = "Mijn adres is Kerkstraat 12"
    errors = []
    provider.translate([secret], "nl", "ar", html=False)
    provider.languages()
    for kind in ["429", "500", "not_json", "slow", "redirect"]:
        server.fail_next(kind, 3, seconds=3)
        with pytest.raises(ProviderError) as caught:
            provider.translate([secret], "nl", "ar", html=False)
        errors.append(caught.value)
    server.api_key = "another-key"
    with pytest.raises(ProviderError) as caught:
        provider.translate([secret], "nl", "ar", html=False)
    errors.append(caught.value)
    words = [str(e) for e in errors] + [r.getMessage() for r in caplog.records] + [repr(provider)]
    assert any("urllib3" in r.name for r in caplog.records)  # the HTTP layer's logging was on
    for text in words:
        assert key not in text and secret not in text and "Kerkstraat" not in text


def test_provider_message_is_kept_without_key(libretranslate_server, monkeypatch):
    provider = LibreTranslate(libretranslate_server.url, LIBRE_KEY, TIMEOUT)
    monkeypatch.setattr(type(libretranslate_server), "quota_answer",
                        lambda self: (400, {}, {"error": f"key {LIBRE_KEY} is banned"}))
    libretranslate_server.fail_next("quota")
    with pytest.raises(ProviderError, match=r"key \*\*\* is banned") as caught:
        provider.translate(["Hallo"], "nl", "ar", html=False)
    assert LIBRE_KEY not in str(caught.value)


# -- configuration --


def test_no_provider_configured():
    assert provider_from_config({}) is None
    assert provider_from_config({"TRANSLATION_PROVIDER": None}) is None
    assert provider_from_config({"TRANSLATION_PROVIDER": ""}) is None


def test_libretranslate_from_config(libretranslate_server):
    provider = provider_from_config({
        "TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": libretranslate_server.url,
        "LIBRETRANSLATE_API_KEY": None, "TRANSLATION_TIMEOUT_SECONDS": "3"})
    assert isinstance(provider, LibreTranslate)
    assert (provider.name, provider.self_hosted, provider.timeout) == ("libretranslate", True, 3.0)
    assert provider.translate(["Hallo"], "nl", "fr", html=False) == ["[fr] Hallo"]


def test_libretranslate_from_config_with_key(libretranslate_server):
    libretranslate_server.api_key = LIBRE_KEY
    provider = provider_from_config({
        "TRANSLATION_PROVIDER": "LibreTranslate", "LIBRETRANSLATE_URL": libretranslate_server.url,
        "LIBRETRANSLATE_API_KEY": LIBRE_KEY})
    assert provider.timeout == 10.0
    assert provider.translate(["Hallo"], "nl", "fr", html=False) == ["[fr] Hallo"]


def test_google_from_config(google_server):
    provider = provider_from_config({
        "TRANSLATION_PROVIDER": "google", "GOOGLE_TRANSLATE_API_KEY": google_server.api_key,
        "GOOGLE_TRANSLATE_URL": google_server.url, "TRANSLATION_TIMEOUT_SECONDS": 2.5})
    assert isinstance(provider, GoogleTranslate)
    assert (provider.name, provider.self_hosted, provider.timeout) == ("google", False, 2.5)
    assert provider.translate(["Hallo"], "nl", "ku", html=False) == ["[ku] Hallo"]


def test_google_default_url():
    provider = provider_from_config({"TRANSLATION_PROVIDER": "google",
                                     "GOOGLE_TRANSLATE_API_KEY": "k"})
    assert provider.url == "https://translation.googleapis.com"


@pytest.mark.parametrize("config", [
    {"TRANSLATION_PROVIDER": "deepl"},
    {"TRANSLATION_PROVIDER": "libretranslate"},
    {"TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": "ftp://example.org"},
    {"TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": "localhost:5000"},
    {"TRANSLATION_PROVIDER": "google"},
    {"TRANSLATION_PROVIDER": "google", "GOOGLE_TRANSLATE_API_KEY": ""},
    {"TRANSLATION_PROVIDER": "google", "GOOGLE_TRANSLATE_API_KEY": "secret-k",
     "GOOGLE_TRANSLATE_URL": "file:///etc/passwd"},
    {"TRANSLATION_PROVIDER": "google", "GOOGLE_TRANSLATE_API_KEY": "secret-k",
     "TRANSLATION_TIMEOUT_SECONDS": "soon"},
    {"TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": "http://lt:5000",
     "TRANSLATION_TIMEOUT_SECONDS": 0},
    {"TRANSLATION_PROVIDER": "libretranslate", "LIBRETRANSLATE_URL": "http://lt:5000",
     "TRANSLATION_TIMEOUT_SECONDS": "nan"},
])
def test_wrong_configuration_is_refused(config):
    with pytest.raises(ValueError) as caught:
        provider_from_config(config)
    assert "secret-k" not in str(caught.value)


def test_google_needs_a_key():
    with pytest.raises(ValueError):
        GoogleTranslate("", "https://translation.googleapis.com", 5)


# -- the fakes themselves --


def test_fake_libretranslate_single_string_and_errors(libretranslate_server):
    import requests

    url = libretranslate_server.url
    answer = requests.post(f"{url}/translate", json={"q": "Hallo", "source": "nl",
                                                     "target": "ar"}, timeout=5)
    assert answer.json() == {"translatedText": "[ar] Hallo"}
    answer = requests.post(f"{url}/translate", json={"q": "Hallo", "source": "nl",
                                                     "target": "am"}, timeout=5)
    assert answer.status_code == 400 and "error" in answer.json()
    libretranslate_server.api_key = "k"
    answer = requests.post(f"{url}/translate", json={"q": "Hallo", "source": "nl",
                                                     "target": "ar", "api_key": "x"}, timeout=5)
    assert answer.status_code == 403 and "error" in answer.json()


def test_fake_google_key_in_query(google_server):
    import requests

    url = f"{google_server.url}/language/translate/v2"
    answer = requests.post(url, params={"key": google_server.api_key},
                           json={"q": "Hallo", "source": "nl", "target": "so"}, timeout=5)
    assert answer.json() == {"data": {"translations": [{"translatedText": "[so] Hallo"}]}}
    answer = requests.post(url, json={"q": "Hallo", "target": "so"}, timeout=5)
    assert answer.status_code == 403
    assert set(answer.json()["error"]) >= {"code", "message", "status"}
