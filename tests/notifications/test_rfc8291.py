"""Our RFC 8291 (aes128gcm) encryption: the RFC's own example byte for byte, a round trip
through another implementation (http_ece), and keys that cannot be used."""

import base64

import http_ece
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from meedoen.push.encryption import CURVE, RECORD_SIZE, aes128gcm, encrypt, unb64url


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def private_key(text: str) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(int.from_bytes(unb64url(text), "big"), CURVE)


def public_bytes(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


# RFC 8291 Appendix A (base64url, the line breaks removed).
RFC = {
    "plaintext": b"When I grow up, I want to be a watermelon",
    "as_private": "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
    "ua_private": "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
    "ua_public": "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNt"
                 "oIAiw4",
    "auth": "BTBZMqHH6r4Tts7J_aSIgg",
    "salt": "DGv6ra1nlYgDCS1FRnbzlw",
    "body": "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCY"
            "LocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWy"
            "ouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
}


def test_the_rfc_8291_example_byte_for_byte():
    body = aes128gcm(RFC["plaintext"], unb64url(RFC["ua_public"]), unb64url(RFC["auth"]),
                     sender_key=private_key(RFC["as_private"]), salt=unb64url(RFC["salt"]))
    assert b64url(body) == RFC["body"]
    # and the user agent of the example reads it with another implementation
    assert http_ece.decrypt(body, private_key=private_key(RFC["ua_private"]),
                            auth_secret=unb64url(RFC["auth"]),
                            version="aes128gcm") == RFC["plaintext"]


def device() -> tuple[ec.EllipticCurvePrivateKey, dict]:
    key = ec.generate_private_key(CURVE)
    auth = bytes(range(16))
    return key, {"endpoint": "https://fcm.googleapis.com/fcm/send/abc",
                 "keys": {"p256dh": b64url(public_bytes(key)), "auth": b64url(auth)}}


@pytest.mark.parametrize("payload", [b"", "سباحة يوم السبت".encode(), b"x" * 3072,
                                     b"y" * (RECORD_SIZE - 17)])
def test_a_device_decrypts_what_we_encrypt(payload):
    key, subscription = device()
    body = encrypt(subscription, payload)
    assert body[16:21] == RECORD_SIZE.to_bytes(4, "big") + bytes([65])
    assert len(body) <= RECORD_SIZE + 86  # one record after the header
    assert http_ece.decrypt(body, private_key=key, auth_secret=bytes(range(16)),
                            version="aes128gcm") == payload


def test_every_message_has_its_own_key_pair_and_salt():
    _, subscription = device()
    first, second = encrypt(subscription, b"hello"), encrypt(subscription, b"hello")
    assert first[:16] != second[:16]  # salt
    assert first[21:86] != second[21:86]  # our public key (the key id)


def unusable(subscription: dict, **keys) -> dict:
    return {**subscription, "keys": {**subscription["keys"], **keys}}


@pytest.mark.parametrize("change", [
    {"p256dh": "AAAA"},  # too short
    {"p256dh": b64url(b"\x04" + bytes(64))},  # 65 bytes, not a point on the curve
    {"p256dh": "not base64 at all!"},
    {"auth": b64url(bytes(12))},  # an auth secret has 16 bytes
    {"auth": None},
])
def test_unusable_keys_give_none(change, caplog):
    _, subscription = device()
    assert encrypt(unusable(subscription, **change), b"hello") is None
    assert "cannot encrypt for a device at https://fcm.googleapis.com" in caplog.text
    assert "/abc" not in caplog.text


def test_a_payload_over_one_record_is_refused():
    _, subscription = device()
    assert encrypt(subscription, b"z" * (RECORD_SIZE - 16)) is None
