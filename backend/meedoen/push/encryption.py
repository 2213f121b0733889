"""Web Push encryption (RFC 8291, aes128gcm, done by pywebpush), inline or in worker processes.

Encrypting a message is CPU work that holds the GIL for about as long as sending it, and
this process's GIL also runs the event loop and the database work. A large fan-out
therefore encrypts its messages in a small pool of processes (other cores), while small
batches, and the first messages while the pool starts, are encrypted inline.
"""

import asyncio
import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from pywebpush import WebPusher

from meedoen.push.endpoints import origin

log = logging.getLogger(__name__)
CHUNK = 32  # messages per hand-over to the pool: sending starts as each chunk comes back
POOL_MIN = 8  # fewer than this are quicker to encrypt inline than to hand over


def encrypt(subscription: dict, payload: bytes) -> bytes | None:
    """The encrypted body for one device, or None if its keys are unusable."""
    try:
        return WebPusher(subscription).encode(payload, "aes128gcm")["body"]
    except Exception:
        # The origin only: the endpoint's path is the device's secret capability.
        log.warning("cannot encrypt for a device at %s", origin(subscription["endpoint"]),
                    exc_info=True)
        return None


def encrypt_all(items: list[tuple[dict, bytes]]) -> list[bytes | None]:
    return [encrypt(subscription, payload) for subscription, payload in items]


class Encryptor:
    """Encrypts batches of (subscription, payload); ``processes=0`` keeps it all inline."""

    def __init__(self, processes: int):
        self._pool: ProcessPoolExecutor | None = None
        self._ready: Future | None = None
        if processes > 0:
            # "spawn": a fork would copy this process's threads' locks in whatever state.
            self._pool = ProcessPoolExecutor(processes,
                                             mp_context=multiprocessing.get_context("spawn"))
            self._ready = self._pool.submit(encrypt_all, [])

    @property
    def pooled(self) -> bool:
        """Whether batches go to the pool now (it is started and not broken)."""
        return self._pool is not None and self._ready.done() and not self._ready.exception()

    def wait_until_ready(self, timeout: float) -> bool:
        """Block until the pool's processes run (True), or it is inline-only or broken."""
        if self._pool is None:
            return False
        try:
            self._ready.result(timeout)
        except Exception:
            return False
        return True

    async def encrypt(self, items: list[tuple[dict, bytes]]) -> list[bytes | None]:
        if len(items) < POOL_MIN or not self.pooled:
            return encrypt_all(items)
        try:
            return await asyncio.wrap_future(self._pool.submit(encrypt_all, items))
        except Exception as error:  # never lose a message to a pool problem
            log.warning("push encryption pool failed (%r); encrypting inline from now on", error)
            self.close()
            return encrypt_all(items)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
