"""A loopback Web Push service for tests and the benchmark.

It does what a browser vendor's push service does with a message: checks the
VAPID JWT (ES256 signature with the ``k`` key, ``aud`` = this origin with its
port, ``exp`` at most 24 h ahead, ``sub``), refuses bodies over 4096 bytes,
decrypts the ``aes128gcm`` body with the subscriber's private key (http_ece)
and records the plaintext. It can be told to answer 404/410/429/500 or to be slow.

In a test: ``with PushService() as service: info = service.subscribe()``.
Across processes (the benchmark, worker subprocesses): ``python -m tests.pushservice``
prints its port and answers JSON control requests under ``/_control/``.
"""

import asyncio
import base64
import json
import os
import threading
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

import http_ece
import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

MAX_BODY = 4096
MAX_EXP = 24 * 3600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Subscriber:
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @property
    def p256dh(self) -> str:
        return b64url(self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))


@dataclass
class Received:
    token: str
    plaintext: bytes
    headers: dict
    at: float = field(default_factory=time.monotonic)

    def json(self) -> dict:
        return json.loads(self.plaintext)


@dataclass
class State:
    subscribers: dict = field(default_factory=dict)
    received: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (token, status, reason)
    scripted: dict = field(default_factory=lambda: defaultdict(deque))  # token -> answers
    slow: dict = field(default_factory=dict)  # token -> seconds
    latency: float = 0.0
    expected_k: str | None = None
    requests: Counter = field(default_factory=Counter)


class VapidError(Exception):
    pass


class PushService:
    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host, self.port = host, port
        self.state = State()
        self._tokens: dict[str, tuple[str, dict]] = {}  # verified JWT -> (k, claims)
        self._loop = None
        self._thread = None
        self._counter = 0
        self._lock = threading.Lock()

    # -- control (same process) ------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def subscribe(self) -> dict:
        with self._lock:
            self._counter += 1
            token = f"s{self._counter}-{b64url(os.urandom(6))}"
        subscriber = Subscriber(ec.generate_private_key(ec.SECP256R1()), os.urandom(16))
        self.state.subscribers[token] = subscriber
        return {"endpoint": f"{self.origin}/push/{token}",
                "keys": {"p256dh": subscriber.p256dh, "auth": b64url(subscriber.auth)}}

    @staticmethod
    def token_of(endpoint: str) -> str:
        return endpoint.rsplit("/", 1)[1]

    def answer(self, endpoint: str, status: int, times: int = 1,
               headers: dict | None = None) -> None:
        """The next ``times`` messages to this endpoint get ``status`` (not delivered)."""
        for _ in range(times):
            self.state.scripted[self.token_of(endpoint)].append((status, headers or {}))

    def make_slow(self, endpoint: str, seconds: float) -> None:
        self.state.slow[self.token_of(endpoint)] = seconds

    def set_latency(self, seconds: float) -> None:
        self.state.latency = seconds

    def expect_key(self, public_key: str | None) -> None:
        """Refuse a JWT whose ``k`` is not this server key."""
        self.state.expected_k = public_key

    def messages(self, endpoint: str | None = None) -> list[Received]:
        token = self.token_of(endpoint) if endpoint else None
        return [r for r in self.state.received if token is None or r.token == token]

    def reset(self) -> None:
        self.state.received.clear()
        self.state.rejected.clear()
        self.state.requests.clear()

    def wait_for(self, count: int, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while len(self.state.received) < count:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    # -- HTTP -----------------------------------------------------------------------------
    def _check_vapid(self, header: str) -> dict:
        scheme, _, params = header.partition(" ")
        if scheme.lower() != "vapid":
            raise VapidError("not a vapid authorization")
        parts = dict(p.strip().split("=", 1) for p in params.split(",") if "=" in p)
        token, k = parts.get("t"), parts.get("k")
        if not token or not k:
            raise VapidError("t or k missing")
        if self.state.expected_k and k != self.state.expected_k:
            raise VapidError("unexpected k")
        cached = self._tokens.get(token)
        if cached is None or cached[0] != k:
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(k))
            try:
                claims = jwt.decode(token, key, algorithms=["ES256"], audience=self.origin,
                                    options={"require": ["exp", "aud", "sub"]})
            except jwt.PyJWTError as error:
                raise VapidError(f"jwt: {error}") from None
            cached = (k, claims)
            self._tokens[token] = cached
        claims = cached[1]
        now = time.time()
        if claims["aud"] != self.origin:
            raise VapidError("wrong aud")
        if not now < claims["exp"] <= now + MAX_EXP + 60:
            raise VapidError("exp out of range")
        if not str(claims["sub"]).startswith(("mailto:", "https:")):
            raise VapidError("bad sub")
        return claims

    def _refuse(self, token: str, status: int, reason: str) -> web.Response:
        self.state.rejected.append((token, status, reason))
        return web.Response(status=status, text=reason)

    async def _push(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        self.state.requests[token] += 1
        body = await request.content.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            return self._refuse(token, 413, "payload too large")
        subscriber = self.state.subscribers.get(token)
        if subscriber is None:
            return self._refuse(token, 404, "no such subscription")
        try:
            self._check_vapid(request.headers.get("Authorization", ""))
        except VapidError as error:
            return self._refuse(token, 403, str(error))
        problem = self._header_problem(request.headers)
        if problem:
            return self._refuse(token, 400, problem)
        delay = self.state.slow.get(token, self.state.latency)
        if delay:
            await asyncio.sleep(delay)
        if self.state.scripted.get(token):
            status, headers = self.state.scripted[token].popleft()
            self.state.rejected.append((token, status, "scripted"))
            return web.Response(status=status, headers=headers)
        try:
            plaintext = http_ece.decrypt(body, private_key=subscriber.private_key,
                                         auth_secret=subscriber.auth, version="aes128gcm")
        except Exception as error:
            return self._refuse(token, 400, f"cannot decrypt: {error!r}")
        headers = {name: request.headers.get(name)
                   for name in ("TTL", "Urgency", "Topic", "Authorization")}
        self.state.received.append(Received(token, plaintext, headers))
        return web.Response(status=201)

    @staticmethod
    def _header_problem(headers) -> str | None:
        if not headers.get("TTL", "").isdigit():
            return "TTL missing"
        if headers.get("Content-Encoding") != "aes128gcm":
            return "Content-Encoding must be aes128gcm"
        if headers.get("Urgency", "normal") not in {"very-low", "low", "normal", "high"}:
            return "bad Urgency"
        topic = headers.get("Topic")
        if topic is not None and (len(topic) > 32 or not all(
                c.isalnum() or c in "-_" for c in topic)):
            return "bad Topic"
        return None

    # -- cross-process control --------------------------------------------------------------
    async def _control(self, request: web.Request) -> web.Response:
        action = request.match_info["action"]
        data = await request.json() if request.can_read_body else {}
        if action == "subscribe":
            return web.json_response([self.subscribe() for _ in range(int(data.get("n", 1)))])
        if action == "latency":
            self.set_latency(float(data["seconds"]))
        elif action == "expect_key":
            self.expect_key(data.get("k"))
        elif action == "reset":
            self.reset()
        elif action != "stats":
            return web.json_response({"error": "unknown"}, status=404)
        return web.json_response(self.stats())

    def stats(self) -> dict:
        per_token = Counter(r.token for r in self.state.received)
        return {"received": len(self.state.received), "rejected": len(self.state.rejected),
                "subscribers_reached": len(per_token),
                "max_per_subscriber": max(per_token.values(), default=0),
                "requests": sum(self.state.requests.values())}

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY * 4)
        app.router.add_post("/push/{token}", self._push)
        app.router.add_post("/_control/{action}", self._control)
        return app

    # -- running ------------------------------------------------------------------------------
    async def _start(self) -> None:
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=1024)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    def start(self) -> "PushService":
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="pushservice")
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
        self._loop = None

    def __enter__(self) -> "PushService":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
