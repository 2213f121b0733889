"""Concurrent Web Push delivery with pooled connections (``meedoen.push.http``).

Encryption is our RFC 8291 aes128gcm (``meedoen.push.encryption``), in worker processes
for large batches (``Encryptor``), once per message and device: a retry resends the same
body. The VAPID header comes from a per-origin token cache. Every request has an
explicit TTL, Urgency, Topic and timeout and never follows a redirect. The event
loop runs in its own thread: callers (request handlers, RQ jobs) hand it a batch of
messages at a time and take the ``Outcome``s back in batches from ``Outcomes`` (one
hand-over and one wake-up per batch, not per message: the per-message thread hand-over
cost as much as the HTTP request). Retries follow the one ``RetryPolicy``
(``meedoen.push.outcomes``).
"""

import asyncio
import logging
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from meedoen.push.encryption import CHUNK, Encryptor
from meedoen.push.http import Client, Target
from meedoen.push.outcomes import Outcome, Result, RetryPolicy, classify
from meedoen.push.vapid import TokenCache

log = logging.getLogger(__name__)

# Plaintext above 3,993 bytes becomes a multi-record body that push services refuse.
MAX_PAYLOAD = 3072
URGENCIES = ("very-low", "low", "normal", "high")
# Devices whose parsed endpoint a sender keeps (a few hundred bytes each): a worker sends to
# the same devices again and again, and parsing each URL for every message (allowlist, JWT
# audience, HTTP target, metrics label) took a fifth of the sender thread's CPU.
ROUTES_KEPT = 65_536


@dataclass(frozen=True)
class Message:
    payload: bytes
    ttl: int
    urgency: str = "normal"
    topic: str | None = None

    def __post_init__(self):
        if len(self.payload) > MAX_PAYLOAD:
            raise ValueError(f"push payload of {len(self.payload)} bytes is over {MAX_PAYLOAD}")
        if self.urgency not in URGENCIES:
            raise ValueError(f"unknown urgency {self.urgency!r}")


@dataclass(frozen=True)
class SenderSettings:
    concurrency: int = 64
    timeout: float = 10.0
    connect_timeout: float = 5.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    encrypt_processes: int = 0

    @classmethod
    def from_config(cls, config) -> "SenderSettings":
        retry = RetryPolicy(attempts=config["PUSH_ATTEMPTS"], backoff=config["PUSH_BACKOFF"],
                            max_inline_wait=config["PUSH_MAX_INLINE_WAIT"])
        return cls(concurrency=config["PUSH_CONCURRENCY"], timeout=config["PUSH_TIMEOUT"],
                   connect_timeout=config["PUSH_CONNECT_TIMEOUT"], retry=retry,
                   encrypt_processes=config["PUSH_ENCRYPT_PROCESSES"])


class Outcomes:
    """The final ``(key, Outcome)``s of a batch, from the sender's thread to the caller's.

    The caller sleeps until as many answers as it asked for are in (or ``linger`` ends):
    one wake-up per batch, not per answer and not a polling loop."""

    def __init__(self):
        self._items: list = []
        self._wanted = 1
        self._ready = threading.Condition(threading.Lock())

    def put(self, key: Hashable, outcome: Outcome) -> None:
        with self._ready:
            self._items.append((key, outcome))
            if len(self._items) == self._wanted:
                self._ready.notify()

    def take(self, wanted: int, linger: float, timeout: float = 1.0) -> list:
        """At least one answer (waiting up to ``timeout``), then up to ``linger`` seconds
        more for ``wanted`` in all; ``[]`` if none came."""
        with self._ready:
            if not self._ready.wait_for(lambda: self._items, timeout):
                return []
            self._wanted = max(wanted, 1)
            self._ready.wait_for(lambda: len(self._items) >= self._wanted, linger)
            self._wanted = 1
            taken, self._items = self._items, []
            return taken


class Job(NamedTuple):
    key: Hashable
    subscription: dict
    message: Message
    body: bytes | None  # None: the device's keys are unusable
    outcomes: Outcomes
    attempt: int  # of the delivery in all (RetryPolicy counts it)


class Route(NamedTuple):
    """What one endpoint comes to, worked out once per sender (whose allowlist is fixed:
    ``client.get_push_client`` makes a new sender when the configuration changes)."""

    allowed: bool
    target: Target | None = None  # where to POST; its origin is the JWT audience


class PushClient:
    def __init__(self, tokens: TokenCache, settings: SenderSettings,
                 endpoint_allowed: Callable[[str], bool],
                 observe: Callable[[str, Result], None] = lambda endpoint, result: None):
        self.tokens = tokens
        self.settings = settings
        self.endpoint_allowed = endpoint_allowed
        self.observe = observe  # each attempt's answer, for the metrics
        self._encryptor = Encryptor(settings.encrypt_processes)
        self._routes: dict[str, Route] = {}  # only the sender's thread uses it
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="push-sender")
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._open(), self._loop).result()

    async def _open(self) -> None:
        self._jobs: asyncio.Queue[Job] = asyncio.Queue()
        self._chunks: set[asyncio.Task] = set()
        self._senders = [self._loop.create_task(self._send_jobs())
                         for _ in range(self.settings.concurrency)]
        self._http = Client(self.settings.timeout, self.settings.connect_timeout)

    def submit(self, batch: Iterable[tuple[Hashable, dict, Message, int]],
               outcomes: Outcomes) -> None:
        """Send each (key, subscription, message, attempt: 1 for a first try); its final
        ``(key, Outcome)`` lands in ``outcomes``."""
        self._loop.call_soon_threadsafe(self._start, list(batch), outcomes)

    def _start(self, batch: list, outcomes: Outcomes) -> None:
        for start in range(0, len(batch), CHUNK):
            task = self._loop.create_task(self._send_chunk(batch[start:start + CHUNK], outcomes))
            self._chunks.add(task)  # the loop keeps only weak references to tasks
            task.add_done_callback(self._chunks.discard)

    async def _send_chunk(self, chunk: list, outcomes: Outcomes) -> None:
        try:
            bodies = await self._encryptor.encrypt([(s, m.payload) for _, s, m, _ in chunk])
        except Exception:  # every key must get an outcome, or the caller waits for ever
            log.exception("push encryption crashed")
            for key, _, _, attempt in chunk:
                outcomes.put(key, Outcome(Result.FAILED, attempt=attempt))
            return
        for (key, subscription, message, attempt), body in zip(chunk, bodies, strict=True):
            self._jobs.put_nowait(Job(key, subscription, message, body, outcomes, attempt))

    async def _send_jobs(self) -> None:
        """One of PUSH_CONCURRENCY senders: a slow endpoint holds up only its own."""
        while True:
            job = await self._jobs.get()
            try:
                outcome = await self._attempt(job)
                self.observe(job.subscription["endpoint"], outcome.result)
                final, wait = self.settings.retry.next_step(outcome)
            except Exception:
                log.exception("push delivery crashed")
                final, wait = Outcome(Result.FAILED, attempt=job.attempt), 0.0
            if final is None:  # the same body again, after the policy's wait
                self._loop.call_later(wait, self._jobs.put_nowait,
                                      job._replace(attempt=job.attempt + 1))
            else:
                job.outcomes.put(job.key, final)

    async def _stop(self) -> None:
        for sender in self._senders:
            sender.cancel()
        self._http.close()

    def warm_up(self, timeout: float = 60) -> bool:
        """Wait until the encryption processes have started (a worker does this at start)."""
        return self._encryptor.wait_until_ready(timeout)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()
        self._encryptor.close()

    def _route(self, endpoint: str) -> Route:
        route = self._routes.get(endpoint)
        if route is None:
            if len(self._routes) >= ROUTES_KEPT:
                self._routes.clear()
            allowed = self.endpoint_allowed(endpoint)
            route = Route(allowed, Target.of(endpoint) if allowed else None)
            self._routes[endpoint] = route
        return route

    def _headers(self, target: Target, message: Message) -> dict:
        headers = {
            "Authorization": self.tokens.header(target.origin),
            "TTL": str(message.ttl),
            "Urgency": message.urgency,
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
        }
        if message.topic:
            headers["Topic"] = message.topic
        return headers

    async def _attempt(self, job: Job) -> Outcome:
        endpoint, message, body = job.subscription["endpoint"], job.message, job.body
        route = self._route(endpoint)
        if not route.allowed:  # no longer on the allowlist: never send there
            return Outcome(Result.GONE, attempt=job.attempt)
        if body is None:  # keys that cannot be used: this device can never receive
            return Outcome(Result.REJECTED, attempt=job.attempt)
        try:
            answer = await self._http.post(route.target, self._headers(route.target, message),
                                           body)
        except (TimeoutError, OSError) as error:
            log.info("push to %s failed: %r", route.target.origin, error)
            return Outcome(Result.RETRY, attempt=job.attempt)
        return classify(answer.status, answer.retry_after, job.attempt)
