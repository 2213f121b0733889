"""Web Push encryption (RFC 8291, aes128gcm), inline or in worker processes.

Our own, on `cryptography`, instead of pywebpush's: the same steps (a fresh key pair per
message, ECDH, HKDF-SHA-256, AES-128-GCM, one record) without pywebpush's per-message
objects and copies, in about three quarters of its CPU (notifications/README.md,
"Encryption").

Encrypting a message is CPU work that holds the GIL for about as long as sending it, and
this process's GIL also runs the event loop and the database work. A large fan-out
therefore encrypts its messages in a small pool of processes (other cores), while small
batches, and the first messages while the pool starts, are encrypted inline.
"""

import asyncio
import base64
import hmac
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from meedoen.push.endpoints import origin

log = logging.getLogger(__name__)
CHUNK = 32  # messages per hand-over to the pool: sending starts as each chunk comes back
POOL_MIN = 8  # fewer than this are quicker to encrypt inline than to hand over

CURVE = ec.SECP256R1()
RECORD_SIZE = 4096  # one record: the plaintext, its delimiter and the 16-byte tag fit
KEY_INFO = b"WebPush: info\x00"
# HKDF infos ‖ 0x01: the first block of output is all we need.
CEK_INFO = b"Content-Encoding: aes128gcm\x00\x01"
NONCE_INFO = b"Content-Encoding: nonce\x00\x01"
HEADER_MIDDLE = RECORD_SIZE.to_bytes(4, "big") + bytes([65])  # rs, idlen (the key id's length)


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _hmac(key: bytes, data: bytes) -> bytes:
    return hmac.digest(key, data, "sha256")


def aes128gcm(payload: bytes, receiver: bytes, auth: bytes,
              sender_key: ec.EllipticCurvePrivateKey | None = None,
              salt: bytes | None = None) -> bytes:
    """The RFC 8291 body: salt ‖ rs ‖ idlen ‖ our public key ‖ one encrypted record.

    ``receiver`` is the device's p256dh key (65 bytes), ``auth`` its 16-byte secret. The key
    pair and the salt are fresh for every message; tests may pass them (RFC 8291 Appendix A).
    """
    if len(receiver) != 65 or len(auth) != 16:
        raise ValueError("a p256dh key has 65 bytes and an auth secret 16")
    if len(payload) > RECORD_SIZE - 17:
        raise ValueError("the payload does not fit in one record")
    receiver_key = ec.EllipticCurvePublicKey.from_encoded_point(CURVE, receiver)
    sender_key = sender_key or ec.generate_private_key(CURVE)
    sender = sender_key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    shared = sender_key.exchange(ec.ECDH(), receiver_key)
    # HKDF (RFC 5869) with 32 bytes or fewer out is one HMAC to extract, one to expand.
    ikm = _hmac(_hmac(auth, shared), KEY_INFO + receiver + sender + b"\x01")
    salt = salt or os.urandom(16)
    prk = _hmac(salt, ikm)
    record = AESGCM(_hmac(prk, CEK_INFO)[:16]).encrypt(_hmac(prk, NONCE_INFO)[:12],
                                                        payload + b"\x02", None)
    return salt + HEADER_MIDDLE + sender + record


def encrypt(subscription: dict, payload: bytes) -> bytes | None:
    """The encrypted body for one device, or None if its keys are unusable."""
    try:
        keys = subscription["keys"]
        return aes128gcm(payload, unb64url(keys["p256dh"]), unb64url(keys["auth"]))
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
