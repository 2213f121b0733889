"""The answers of push that are not a model dumped by its schema."""

from meedoen.push.vapid import key_id, public_key


def key(vapid) -> dict:
    """KeySchema: the server's public key and its short id."""
    return {"public_key": public_key(vapid), "key_id": key_id(vapid)}
