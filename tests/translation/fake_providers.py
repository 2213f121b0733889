"""Loopback stand-ins for the translation providers' HTTP APIs, for tests.

`FakeLibreTranslate` speaks LibreTranslate's API (POST /translate, GET /languages), and
`FakeGoogleTranslate` Cloud Translation Basic v2 (POST /language/translate/v2,
GET /language/translate/v2/languages). Each is a threaded http.server on 127.0.0.1 at a free port
and translates deterministically (see `fake_translation`): to "ar", "Hallo" becomes "[ar] Hallo";
with format "html" only the text between tags changes: "<p>[ar] Hallo</p>".

What a test uses:
- `.url`: the base URL (configure the app with it, e.g. LIBRETRANSLATE_URL=server.url)
- `.requests`: every request received, as `Recorded` (method, path, query, headers, json, body)
- `.languages`: the set of codes it translates between; change it to limit them
- `.api_key`: the key it wants (None: any; the default for LibreTranslate, "google-test-key"
  for Google); a wrong one gets 403
- `.fail_next(kind, count=1, on="translate", **options)`: the next `count` answers on that
  endpoint ("translate", "languages" or "any") fail as FAILURES says
- `.close()` (or use it as a context manager); the fixtures in conftest.py do this.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from meedoen.core.languages import SHIPPED_LANGUAGES
from requests.structures import CaseInsensitiveDict

FAILURES = {
    "429": "429 with Retry-After: options['retry_after'] seconds (default 30; None: no header)",
    "quota": "the quota answer: Google 403 dailyLimitExceeded, LibreTranslate 429 without header",
    "500": "500 Internal Server Error",
    "503": "503 Service Unavailable (with Retry-After if options['retry_after'] is given)",
    "slow": "answers after options['seconds'] (default: .slow_seconds, 5 s): past a timeout",
    "disconnect": "closes the connection without answering",
    "redirect": "302 to the same path under /moved (which would answer normally)",
    "not_json": "200 with an HTML page",
    "wrong_shape": "200 with JSON of another shape",
    "fewer": "200 with one translation fewer than asked",
}
_TAG = re.compile(r"(<[^>]*>)")


def fake_translation(text: str, target: str, html: bool) -> str:
    """What the fakes answer: "[target] " before each text (each text node for HTML)."""
    if not html:
        return f"[{target}] {text}" if text.strip() else text
    return "".join(part if part.startswith("<") or not part.strip() else f"[{target}] {part}"
                   for part in _TAG.split(text))


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: CaseInsensitiveDict
    json: Any  # None when the body is not JSON
    body: bytes


Answer = tuple[int, dict[str, str], Any] | None  # status, headers, JSON (or bytes); None: hang up


class FakeProvider:
    """A provider's HTTP API on loopback; subclasses say what each endpoint answers."""

    translate_path = ""
    languages_path = ""
    default_languages: frozenset[str] = frozenset()

    def __init__(self, api_key: str | None = None, languages=None, slow_seconds: float = 5.0):
        self.api_key = api_key
        self.languages = set(self.default_languages if languages is None else languages)
        self.slow_seconds = slow_seconds
        self.requests: list[Recorded] = []
        self._failures: list[tuple[str, str, dict]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})
        self._thread.start()

    def fail_next(self, kind: str, count: int = 1, *, on: str = "translate", **options) -> None:
        if kind not in FAILURES or on not in ("translate", "languages", "any"):
            raise ValueError(f"unknown failure {kind!r} on {on!r}")
        with self._lock:
            self._failures.extend([(kind, on, options)] * count)

    def close(self) -> None:
        self._stopping.set()  # wakes "slow" answers
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # -- answering --

    def answer(self, record: Recorded) -> Answer:
        endpoint = self._endpoint(record.path)
        if endpoint is None:
            return 404, {}, self.error_body(404, "Not Found")
        kind, options = self._take_failure(endpoint)
        if kind in ("429", "quota", "500", "503", "redirect", "disconnect"):
            return self._failure(kind, options, record)
        if kind == "slow":
            self._stopping.wait(options.get("seconds", self.slow_seconds))
        if not self.authorised(record, endpoint):
            return 403, {}, self.error_body(403, "Invalid API key")
        status, body = self.languages_answer() if endpoint == "languages" \
            else self.translate_answer(record.json)
        return (status, {}, self._malformed(kind, body) if status == 200 else body)

    def _endpoint(self, path: str) -> str | None:
        path = path.removeprefix("/moved")
        return {self.translate_path: "translate", self.languages_path: "languages"}.get(path)

    def _take_failure(self, endpoint: str) -> tuple[str | None, dict]:
        with self._lock:
            for index, (kind, on, options) in enumerate(self._failures):
                if on in (endpoint, "any"):
                    del self._failures[index]
                    return kind, options
        return None, {}

    def _failure(self, kind: str, options: dict, record: Recorded) -> Answer:
        if kind == "disconnect":
            return None
        if kind == "redirect":
            return 302, {"Location": f"{self.url}/moved{record.path}"}, b""
        if kind == "quota":
            return self.quota_answer()
        status = int(kind)
        retry_after = options.get("retry_after", 30 if status == 429 else None)
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        return status, headers, self.error_body(status, f"failure {kind} asked by the test")

    def _malformed(self, kind: str | None, body: Any) -> Any:
        if kind == "not_json":
            return b"<!doctype html><title>Oops</title>"
        if kind == "wrong_shape":
            return {"unexpected": [1, 2, 3]}
        if kind == "fewer":
            return self.drop_one(body)
        return body

    def unsupported(self, *codes) -> str | None:
        return next((code for code in codes if code not in self.languages), None)

    # -- per provider --

    def authorised(self, record: Recorded, endpoint: str) -> bool:
        raise NotImplementedError

    def error_body(self, status: int, message: str) -> Any:
        raise NotImplementedError

    def quota_answer(self) -> Answer:
        raise NotImplementedError

    def languages_answer(self) -> tuple[int, Any]:
        raise NotImplementedError

    def translate_answer(self, data: Any) -> tuple[int, Any]:
        raise NotImplementedError

    def drop_one(self, body: Any) -> Any:
        raise NotImplementedError


class FakeLibreTranslate(FakeProvider):
    """LibreTranslate: JSON {"q": str | [str], "source", "target", "format", "api_key"}."""

    translate_path = "/translate"
    languages_path = "/languages"
    default_languages = frozenset(SHIPPED_LANGUAGES) - {"ti", "ps", "so", "am", "ku"}

    def authorised(self, record: Recorded, endpoint: str) -> bool:
        if self.api_key is None or endpoint == "languages":
            return True
        data = record.json if isinstance(record.json, dict) else {}
        return data.get("api_key") == self.api_key

    def error_body(self, status: int, message: str) -> Any:
        return {"error": message}

    def quota_answer(self) -> Answer:
        return 429, {}, {"error": "Slowdown: 10 per 1 minute"}

    def languages_answer(self) -> tuple[int, Any]:
        codes = sorted(self.languages)
        return 200, [{"code": code, "name": code, "targets": codes} for code in codes]

    def translate_answer(self, data: Any) -> tuple[int, Any]:
        if not isinstance(data, dict) or "q" not in data:
            return 400, {"error": "Invalid request: missing q parameter"}
        if code := self.unsupported(data.get("source"), data.get("target")):
            return 400, {"error": f"{code} is not supported"}
        if data.get("format", "text") not in ("text", "html"):
            return 400, {"error": "Invalid request: format"}
        q, html = data["q"], data.get("format") == "html"
        texts = [fake_translation(text, data["target"], html) for text in
                 (q if isinstance(q, list) else [q])]
        return 200, {"translatedText": texts if isinstance(q, list) else texts[0]}

    def drop_one(self, body: Any) -> Any:
        return {"translatedText": body["translatedText"][:-1]}


class FakeGoogleTranslate(FakeProvider):
    """Google v2: key in X-goog-api-key or ?key=; JSON {"q", "source", "target", "format"}."""

    translate_path = "/language/translate/v2"
    languages_path = "/language/translate/v2/languages"
    default_languages = frozenset(SHIPPED_LANGUAGES)

    def __init__(self, api_key: str | None = "google-test-key", **kwargs):
        super().__init__(api_key, **kwargs)

    def authorised(self, record: Recorded, endpoint: str) -> bool:
        key = record.headers.get("X-goog-api-key") or record.query.get("key", [None])[0]
        return self.api_key is None or key == self.api_key

    def error_body(self, status: int, message: str, reason: str = "") -> Any:
        names = {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}
        errors = [{"message": message, "domain": "global", "reason": reason or "invalid"}]
        return {"error": {"code": status, "message": message, "errors": errors,
                          "status": names.get(status, "UNKNOWN")}}

    def quota_answer(self) -> Answer:
        body = self.error_body(403, "Daily Limit Exceeded", "dailyLimitExceeded")
        body["error"]["errors"][0]["domain"] = "usageLimits"
        return 403, {}, body

    def languages_answer(self) -> tuple[int, Any]:
        languages = [{"language": code} for code in sorted(self.languages)]
        return 200, {"data": {"languages": languages}}

    def translate_answer(self, data: Any) -> tuple[int, Any]:
        if not isinstance(data, dict) or "q" not in data or "target" not in data:
            return 400, self.error_body(400, "Required Text / Target language")
        if code := self.unsupported(data.get("source", "nl"), data["target"]):
            return 400, self.error_body(400, f"Bad language pair: {code}")
        q, html = data["q"], data.get("format", "html") == "html"
        texts = q if isinstance(q, list) else [q]
        translations = [{"translatedText": fake_translation(text, data["target"], html)}
                        for text in texts]
        return 200, {"data": {"translations": translations}}

    def drop_one(self, body: Any) -> Any:
        return {"data": {"translations": body["data"]["translations"][:-1]}}


def _handler(fake: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        provider = fake

    return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    provider: FakeProvider

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def log_message(self, format, *args):  # quiet
        pass

    def _serve(self):
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            data = json.loads(body) if body else None
        except ValueError:
            data = None
        record = Recorded(self.command, url.path, parse_qs(url.query),
                          CaseInsensitiveDict(self.headers.items()), data, body)
        self.provider.requests.append(record)
        answer = self.provider.answer(record)
        if answer is None:
            self.close_connection = True
            return
        try:
            self._send(*answer)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a "slow" answer)
            self.close_connection = True

    def _send(self, status: int, headers: dict[str, str], payload: Any):
        is_bytes = isinstance(payload, bytes)
        body = payload if is_bytes else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html" if is_bytes else "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
