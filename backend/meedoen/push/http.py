"""A lean HTTP/1.1 client for push services: POST on pooled keep-alive connections,
answers parsed by httptools (llhttp, the parser uvicorn uses).

Why not aiohttp: at 0 ms latency sending is bound by CPU, and aiohttp's request
machinery cost about 140 µs of CPU per POST; this client costs about a third of that
(figures in ``notifications/README.md``). It does only what Web Push needs: POST a
small body, read the status and Retry-After, drop the rest of the answer (at most
``MAX_ANSWER`` bytes), never follow a redirect, keep no cookies, read no proxy from
the environment, and verify TLS against the system's certificate store.
"""

import asyncio
import re
import ssl
import time
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

import httptools

MAX_ANSWER = 65536
IDLE_SECONDS = 15.0  # a pooled connection idle longer is closed, not reused
# Printable ASCII without spaces: nothing can end a request line or header early.
SAFE_TEXT = re.compile(r"^[!-~]+$")
SAFE_VALUE = re.compile(r"^[ -~]*$")


class Answer(NamedTuple):
    status: int
    retry_after: str | None


class AnswerError(OSError):
    """The connection broke before a whole answer came, or the answer was not HTTP."""


class Target(NamedTuple):
    pool_key: tuple[str, str, int]
    host_header: str
    path: str

    @classmethod
    def of(cls, url: str) -> "Target":
        parts = urlsplit(url)
        default = {"https": 443, "http": 80}.get(parts.scheme)
        if default is None or not parts.hostname or not SAFE_TEXT.match(url):
            raise ValueError("not an http(s) URL that can be sent as is")
        port = parts.port or default
        host_header = parts.hostname if port == default else f"{parts.hostname}:{port}"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return cls((parts.scheme, parts.hostname, port), host_header, path or "/")

    @property
    def origin(self) -> str:
        """scheme://host[:port] (a default port left out), as ``endpoints.origin`` gives."""
        return f"{self.pool_key[0]}://{self.host_header}"


def request_bytes(target: Target, headers: dict[str, str], body: bytes) -> bytes:
    head = _head(target.host_header, tuple(headers.items()))
    return b"POST %s HTTP/1.1\r\n%sContent-Length: %d\r\n\r\n%s" % (
        target.path.encode("ascii"), head, len(body), body)


@lru_cache(maxsize=256)  # a fan-out sends the same headers to every device of an origin
def _head(host_header: str, headers: tuple[tuple[str, str], ...]) -> bytes:
    names, values = "".join(name for name, _ in headers), "".join(value for _, value in headers)
    if not SAFE_TEXT.match(names) or not SAFE_VALUE.match(values):
        raise ValueError("a header cannot be sent as is")
    lines = [f"Host: {host_header}", *(f"{name}: {value}" for name, value in headers)]
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


class Connection(asyncio.Protocol):
    """One keep-alive connection: one request at a time, its answer as a future."""

    def __init__(self):
        self.transport: asyncio.Transport | None = None
        self.reusable = True
        self.idle_since = 0.0
        self._parser = httptools.HttpResponseParser(self)
        self._answer: asyncio.Future | None = None
        self._status = 0
        self._retry_after: str | None = None
        self._answer_bytes = 0
        self.deadline = 0.0  # the loop's time by which the answer must be in

    def send(self, request: bytes, deadline: float) -> asyncio.Future:
        self._answer = asyncio.get_running_loop().create_future()
        self.deadline = deadline
        self._status, self._retry_after, self._answer_bytes = 0, None, 0
        self.transport.write(request)
        return self._answer

    def close(self) -> None:
        self.reusable = False
        if self.transport is not None:
            self.transport.close()

    def expire(self) -> None:
        self._fail(TimeoutError("no answer in time"))

    # asyncio.Protocol
    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except (httptools.HttpParserError, httptools.HttpParserUpgrade) as error:
            self._fail(AnswerError(f"not an HTTP answer: {error}"))

    def connection_lost(self, exc) -> None:
        self.reusable = False
        if self._status >= 200:  # an answer whose body ends with the connection
            self._finish()
        else:
            self._fail(AnswerError("the connection closed before the answer"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        if name.lower() == b"retry-after":
            self._retry_after = value.decode("latin-1")

    def on_headers_complete(self) -> None:
        self._status = self._parser.get_status_code()

    def on_body(self, body: bytes) -> None:
        self._answer_bytes += len(body)
        if self._answer_bytes > MAX_ANSWER:  # enough: the status is all we use
            self.close()
            self._finish()

    def on_message_complete(self) -> None:
        if self._status < 200:  # 1xx: the real answer follows
            self._status, self._retry_after = 0, None
            return
        if not self._parser.should_keep_alive():
            self.close()
        self._finish()

    def _finish(self) -> None:
        answer, self._answer = self._answer, None
        if answer is None or answer.done():
            self.close()  # bytes nobody asked for: this connection cannot be trusted
        else:
            answer.set_result(Answer(self._status, self._retry_after))

    def _fail(self, error: Exception) -> None:
        self.close()
        answer, self._answer = self._answer, None
        if answer is not None and not answer.done():
            answer.set_exception(error)


class Client:
    """Keep-alive connections pooled per (scheme, host, port)."""

    def __init__(self, timeout: float, connect_timeout: float,
                 tls: ssl.SSLContext | None = None):
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._tls = tls or ssl.create_default_context()
        self._idle: defaultdict[tuple, list[Connection]] = defaultdict(list)
        self._waiting: set[Connection] = set()  # sent, the answer not yet in
        self._sweeper: asyncio.TimerHandle | None = None
        self._sweep_every = min(timeout, 1.0) / 4  # a late answer fails at most this late

    async def post(self, url: "str | Target", headers: dict[str, str], body: bytes) -> Answer:
        """Raises ValueError (a URL or header that cannot be sent), TimeoutError or OSError.

        A new connection has ``connect_timeout`` to open; the answer then ``timeout``."""
        target = url if isinstance(url, Target) else Target.of(url)
        request = request_bytes(target, headers, body)
        connection = self._take(target.pool_key) or await self._connect(target.pool_key)
        answer = await self._exchange(connection, request)
        if connection.reusable:
            connection.idle_since = time.monotonic()
            self._idle[target.pool_key].append(connection)
        return answer

    async def _exchange(self, connection: Connection, request: bytes) -> Answer:
        loop = asyncio.get_running_loop()
        answer = connection.send(request, loop.time() + self.timeout)
        self._waiting.add(connection)
        if self._sweeper is None:
            self._sweeper = loop.call_later(self._sweep_every, self._sweep)
        try:
            return await answer
        except BaseException:  # timed out or cancelled: a late answer must not be misread
            connection.close()
            raise
        finally:
            self._waiting.discard(connection)

    def _sweep(self) -> None:
        """Fail the answers that are late. One timer for all requests, not one each: a
        timer per request (``asyncio.timeout``) cost a tenth of the sender's CPU."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        for connection in [c for c in self._waiting if c.deadline <= now]:
            connection.expire()
        self._sweeper = loop.call_later(self._sweep_every, self._sweep) if self._waiting else None

    def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()

    def _take(self, pool_key: tuple) -> Connection | None:
        idle = self._idle[pool_key]
        oldest_usable = time.monotonic() - IDLE_SECONDS
        while idle:
            connection = idle.pop()
            if connection.reusable and connection.idle_since > oldest_usable:
                return connection
            connection.close()
        return None

    async def _connect(self, pool_key: tuple) -> Connection:
        scheme, host, port = pool_key
        tls = {"ssl": self._tls, "server_hostname": host} if scheme == "https" else {}
        async with asyncio.timeout(self.connect_timeout):
            _, connection = await asyncio.get_running_loop().create_connection(
                Connection, host, port, **tls)
        return connection
