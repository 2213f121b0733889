"""The ``Idempotency-Key`` header: a request replayed (e.g. by the PWA after being offline)
has its effect once; every replay gets the first answer again.

The key is stored with INSERT … ON CONFLICT DO NOTHING in the same transaction as the
effect (the request pipeline commits both, meedoen.core.transaction): a concurrent replay
waits for the first one's commit and then finds its answer.
If the effect fails, the key is rolled back with it and a replay tries again. A shared
block: any route wraps its effect in ``run_once`` (activities' sign-up and cancel do).
"""

import hashlib
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Response, jsonify, request
from flask_babel import gettext as _
from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, delete, select, update
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.core.errors import fail
from meedoen.core.models import UTCDateTime, utcnow
from meedoen.core.sql import insert_ignore
from meedoen.core.transaction import rollback
from meedoen.extensions import db

HEADER = "Idempotency-Key"
# For a route that wraps its effect in run_once: ``@blp.doc(**HEADER_DOC)``.
HEADER_DOC = {"parameters": [{
    "in": "header", "name": HEADER, "required": False, "schema": {"type": "string"},
    "description": "Replays with the same key get the first answer; no second effect."}]}
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,100}$")
KEEP_FOR = timedelta(days=1)


class IdempotencyKey(db.Model):
    """A replayed request (same user, same key) gets the stored answer instead of a new effect."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("user_id", "key"),)


def run_once(user, effect: Callable[[], tuple[dict, int]]) -> Response:
    """Run ``effect`` (returning a JSON body and status) at most once per key. The request
    pipeline commits the effect and the stored answer together (meedoen.core.transaction)."""
    key = request.headers.get(HEADER)
    if key is None:
        body, status = effect()
        return _answer(body, status)
    if not KEY_PATTERN.match(key):
        fail(422, fields={HEADER: [_("Use up to 100 letters, digits or symbols.")]})
    fingerprint = _fingerprint()
    if not _claim(user, key, fingerprint):
        return _replay(user, key, fingerprint)
    body, status = effect()
    db.session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
        .values(status_code=status, response=body)
        .execution_options(synchronize_session=False)
    )
    return _answer(body, status)


def _fingerprint() -> str:
    body = request.get_json(silent=True)
    canonical = json.dumps([request.method, request.path, body], sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _claim(user, key: str, fingerprint: str) -> bool:
    now = utcnow()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.user_id == user.id,
                                                    IdempotencyKey.created_at < now - KEEP_FOR))
    return insert_ignore(IdempotencyKey, user_id=user.id, key=key, fingerprint=fingerprint,
                         created_at=now)


def _replay(user, key: str, fingerprint: str) -> Response:
    stored = db.session.execute(
        select(IdempotencyKey.fingerprint, IdempotencyKey.status_code, IdempotencyKey.response)
        .where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    ).one()
    rollback()  # nothing of this request is kept (the stale keys' clean-up included)
    if stored.fingerprint != fingerprint:
        fail(422, "idempotency_key_reused",
             _("This Idempotency-Key was already used for a different request."))
    response = _answer(stored.response, stored.status_code)
    response.headers["Idempotent-Replayed"] = "true"
    return response


def _answer(body: dict, status: int) -> Response:
    response = jsonify(body)
    response.status_code = status
    return response
