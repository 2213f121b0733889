"""Machine translation providers: the interface the app uses, and two adapters.

`LibreTranslate` (self-hosted) and `GoogleTranslate` (Cloud Translation Basic, v2). Each sends one
request per list of texts, waits at most its timeout, retries a connection error or a 5xx answer
twice with a short pause, never follows a redirect, and turns every failure into a
`ProviderError`. Texts and keys never appear in a log record or an exception message.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from meedoen.core.languages import SHIPPED_LANGUAGES

log = logging.getLogger(__name__)

LANGUAGES_TTL_SECONDS = 3600.0
CONNECT_TIMEOUT_SECONDS = 3.0
MAX_ANSWER_BYTES = 4 * 1024 * 1024
GOOGLE_DEFAULT_URL = "https://translation.googleapis.com"
# Google's reasons for "over the quota" when it answers 403 rather than 429.
_GOOGLE_QUOTA_REASONS = {"dailyLimitExceeded", "dailyLimitExceededUnreg", "rateLimitExceeded",
                         "userRateLimitExceeded", "quotaExceeded", "limitExceeded"}
_now = time.monotonic  # the clock of the languages cache (tests move it)
# Our code → the codes a provider may list for it instead, best first. Google lists Dari as
# fa-AF; LibreTranslate has only Persian (fa), which gives a draft a Dari reader understands.
PROVIDER_CODES = {"prs": ("prs", "fa-AF", "fa")}


class ProviderError(Exception):
    """The provider did not translate. `status`: its HTTP status, if it answered."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class ProviderUnavailable(ProviderError):
    """Connection error, timeout, or a 5xx answer after the retries."""


class QuotaExceeded(ProviderError):
    """429 or the provider's quota answer; `retry_after` in seconds, if it said."""

    def __init__(self, message: str, status: int | None = 429, retry_after: float | None = None):
        super().__init__(message, status)
        self.retry_after = retry_after


class BadAnswer(ProviderError):
    """An answer that is not what was asked: not JSON, another shape, or too few texts."""


@runtime_checkable
class Provider(Protocol):
    name: str
    self_hosted: bool

    def languages(self) -> frozenset[str]: ...

    def translate(self, texts: list[str], source: str, target: str, html: bool) -> list[str]: ...


def _session() -> requests.Session:
    retry = Retry(total=2, connect=2, read=False, status=2, other=0, redirect=0,
                  status_forcelist=(500, 502, 503, 504), allowed_methods={"GET", "POST"},
                  backoff_factor=0.2, backoff_max=0.5, respect_retry_after_header=False,
                  raise_on_status=False, raise_on_redirect=False)
    session = requests.Session()
    session.trust_env = False  # no proxy or .netrc from the environment, as the push sender
    # Redirects: every request says allow_redirects=False (max_redirects=0 would make requests
    # raise TooManyRedirects and hide the status).
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    value = (value or "").strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _HttpProvider:
    name = ""
    self_hosted = False
    translate_path = ""
    languages_path = ""

    def __init__(self, url: str, api_key: str | None, timeout: float):
        self.url = url.rstrip("/")
        self._api_key = api_key or None
        self.timeout = float(timeout)
        self._session = _session()
        self._lock = threading.Lock()
        self._cached: tuple[float, dict[str, str]] | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.url!r}, timeout={self.timeout:g})"

    def close(self) -> None:
        self._session.close()

    def languages(self) -> frozenset[str]:
        """Our language codes the provider knows; asked once an hour."""
        return frozenset(self._codes())

    def _codes(self) -> dict[str, str]:
        """Each of our languages the provider knows → the code it knows it by."""
        with self._lock:
            cached = self._cached
        if cached and _now() - cached[0] < LANGUAGES_TTL_SECONDS:
            return cached[1]
        try:
            codes = self._parse_languages(self._call("GET", self.languages_path))
        except ProviderError as error:
            raise ProviderUnavailable(f"{self.name}: no list of languages ({error})",
                                      error.status) from error
        found = {ours: theirs for ours in SHIPPED_LANGUAGES
                 if (theirs := next((c for c in PROVIDER_CODES.get(ours, (ours,)) if c in codes),
                                    None))}
        with self._lock:
            self._cached = (_now(), found)
        return found

    def _their_code(self, code: str) -> str:
        return self._codes().get(code, code) if code in PROVIDER_CODES else code

    def translate(self, texts: list[str], source: str, target: str, html: bool) -> list[str]:
        """The texts in `target`, in the same order; `html`: texts are HTML fragments."""
        if not texts:
            return []
        started = _now()
        body = self._body(texts, self._their_code(source), self._their_code(target), html)
        answer = self._call("POST", self.translate_path, body)
        translated = self._parse_translations(answer)
        if len(translated) != len(texts) or not all(isinstance(t, str) for t in translated):
            raise BadAnswer(f"{self.name}: {len(texts)} texts asked, answer does not match")
        log.debug("%s translated %d texts (%d characters) %s to %s in %.2f s", self.name,
                  len(texts), sum(map(len, texts)), source, target, _now() - started)
        return translated

    # -- HTTP --

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        try:
            response = self._session.request(
                method, self.url + path, json=body, headers=self._headers(), stream=True,
                timeout=(min(self.timeout, CONNECT_TIMEOUT_SECONDS), self.timeout),
                allow_redirects=False)
            with response:
                content = self._read(response)
        except requests.Timeout as error:
            raise ProviderUnavailable(f"{self.name}: no answer within {self.timeout:g} s") \
                from error
        except requests.RequestException as error:
            raise ProviderUnavailable(f"{self.name}: {type(error).__name__}") from error
        return self._check(response, content)

    def _read(self, response: requests.Response) -> bytes:
        deadline, chunks, size = _now() + self.timeout, [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise BadAnswer(f"{self.name}: answer larger than {MAX_ANSWER_BYTES} bytes")
            if _now() > deadline:
                raise ProviderUnavailable(f"{self.name}: answer slower than {self.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check(self, response: requests.Response, content: bytes) -> Any:
        status = response.status_code
        if status == 429:
            raise QuotaExceeded(f"{self.name}: too many requests", 429,
                                _retry_after(response.headers.get("Retry-After")))
        if 300 <= status < 400:
            raise ProviderError(f"{self.name}: answered {status}, a redirect (not followed)",
                                status)
        if status >= 500:
            raise ProviderUnavailable(f"{self.name}: answered {status}", status)
        data = _json(content)
        if status >= 400:
            self._refused(status, data)
        if status != 200 or data is None:
            raise BadAnswer(f"{self.name}: answered {status} without JSON", status)
        return data

    def _refused(self, status: int, data: Any) -> None:
        message = self._clean(self._error_message(data))
        if self._is_quota(data):
            raise QuotaExceeded(f"{self.name}: over the quota ({message})", status)
        raise ProviderError(f"{self.name}: refused with {status} ({message})", status)

    def _clean(self, message: str) -> str:
        """The provider's own error message, short and without our key."""
        message = message[:200]
        return message.replace(self._api_key, "***") if self._api_key else message

    # -- what differs per provider --

    def _headers(self) -> dict[str, str]:
        return {"Accept": "application/json"}

    def _body(self, texts: list[str], source: str, target: str, html: bool) -> dict:
        raise NotImplementedError

    def _parse_translations(self, data: Any) -> list:
        raise NotImplementedError

    def _parse_languages(self, data: Any) -> set[str]:
        raise NotImplementedError

    def _error_message(self, data: Any) -> str:
        return ""

    def _is_quota(self, data: Any) -> bool:
        return False


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _items(data: Any, *keys: str) -> list:
    """data[keys[0]][keys[1]]..., which must be a list; else BadAnswer."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, list):
        raise BadAnswer("answer of another shape")
    return data


class LibreTranslate(_HttpProvider):
    """LibreTranslate: POST /translate, GET /languages (https://docs.libretranslate.com)."""

    name = "libretranslate"
    self_hosted = True
    translate_path = "/translate"
    languages_path = "/languages"

    def _body(self, texts: list[str], source: str, target: str, html: bool) -> dict:
        body = {"q": list(texts), "source": source, "target": target,
                "format": "html" if html else "text"}
        if self._api_key:
            body["api_key"] = self._api_key
        return body

    def _parse_translations(self, data: Any) -> list:
        return _items(data, "translatedText")

    def _parse_languages(self, data: Any) -> set[str]:
        if not isinstance(data, list):
            raise BadAnswer(f"{self.name}: languages of another shape")
        return {item["code"] for item in data
                if isinstance(item, dict) and isinstance(item.get("code"), str)}

    def _error_message(self, data: Any) -> str:
        error = data.get("error") if isinstance(data, dict) else None
        return error if isinstance(error, str) else ""


class GoogleTranslate(_HttpProvider):
    """Google Cloud Translation Basic (v2), with the key in the X-goog-api-key header."""

    name = "google"
    self_hosted = False
    translate_path = "/language/translate/v2"
    languages_path = "/language/translate/v2/languages"

    def __init__(self, api_key: str, url: str = GOOGLE_DEFAULT_URL, timeout: float = 10):
        if not api_key:
            raise ValueError("Google Translate needs an API key")
        super().__init__(url, api_key, timeout)

    def _headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "X-goog-api-key": self._api_key}

    def _body(self, texts: list[str], source: str, target: str, html: bool) -> dict:
        return {"q": list(texts), "source": source, "target": target,
                "format": "html" if html else "text"}

    def _parse_translations(self, data: Any) -> list:
        items = _items(data, "data", "translations")
        return [item.get("translatedText") if isinstance(item, dict) else None for item in items]

    def _parse_languages(self, data: Any) -> set[str]:
        items = _items(data, "data", "languages")
        return {item["language"] for item in items
                if isinstance(item, dict) and isinstance(item.get("language"), str)}

    def _error(self, data: Any) -> dict:
        error = data.get("error") if isinstance(data, dict) else None
        return error if isinstance(error, dict) else {}

    def _error_message(self, data: Any) -> str:
        message = self._error(data).get("message")
        return message if isinstance(message, str) else ""

    def _is_quota(self, data: Any) -> bool:
        error = self._error(data)
        details = error.get("errors") if isinstance(error.get("errors"), list) else []
        reasons = {item.get("reason") for item in details if isinstance(item, dict)}
        return error.get("status") == "RESOURCE_EXHAUSTED" or bool(reasons & _GOOGLE_QUOTA_REASONS)


def _timeout(config: Mapping) -> float:
    value = config.get("TRANSLATION_TIMEOUT_SECONDS")
    try:
        timeout = float(10 if value in (None, "") else value)
    except (TypeError, ValueError):
        raise ValueError("TRANSLATION_TIMEOUT_SECONDS must be a number of seconds") from None
    if not math.isfinite(timeout) or timeout <= 0:
        raise ValueError("TRANSLATION_TIMEOUT_SECONDS must be more than 0")
    return timeout


def _url(value: Any, setting: str) -> str:
    parts = urlsplit(str(value or ""))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{setting} must be an http(s) URL")
    return str(value)


def provider_from_config(config: Mapping) -> Provider | None:
    """The provider TRANSLATION_PROVIDER names, or None when it is unset; ValueError if the
    settings are wrong. Build it once per configuration: the list of languages is cached in it."""
    name = str(config.get("TRANSLATION_PROVIDER") or "").strip().lower()
    if not name:
        return None
    timeout = _timeout(config)
    if name == "libretranslate":
        return LibreTranslate(_url(config.get("LIBRETRANSLATE_URL"), "LIBRETRANSLATE_URL"),
                              config.get("LIBRETRANSLATE_API_KEY") or None, timeout)
    if name == "google":
        if not config.get("GOOGLE_TRANSLATE_API_KEY"):
            raise ValueError("TRANSLATION_PROVIDER=google needs GOOGLE_TRANSLATE_API_KEY")
        url = _url(config.get("GOOGLE_TRANSLATE_URL") or GOOGLE_DEFAULT_URL,
                   "GOOGLE_TRANSLATE_URL")
        return GoogleTranslate(config["GOOGLE_TRANSLATE_API_KEY"], url, timeout)
    raise ValueError(f"TRANSLATION_PROVIDER must be libretranslate or google, not {name!r}")
