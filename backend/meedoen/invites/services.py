"""Invite codes: short, single use, expiring, scoped to a municipality/location."""

import hashlib
import secrets

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import update

from meedoen.audit.models import record
from meedoen.auth.models import Role, User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.invites.models import Invite

# No 0/O, 1/I/L: easy to read aloud and type on a phone.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def create_invite(creator: User, role: Role, municipality_id: int | None,
                  location_id: int | None) -> tuple[Invite, str]:
    code = new_code()
    invite = Invite(
        code_hash=hash_code(code), role=role, municipality_id=municipality_id,
        location_id=location_id, created_by_id=creator.id,
        expires_at=utcnow() + current_app.config["INVITE_VALID_FOR"],
    )
    db.session.add(invite)
    record(creator, "invite.create", municipality_id, role=role.value)
    return invite, code


def claim(code: str) -> Invite:
    """Mark the invite used in one conditional UPDATE: two redemptions can't both win."""
    code_hash = hash_code(code)
    now = utcnow()
    claimed = db.session.execute(
        update(Invite)
        .where(Invite.code_hash == code_hash, Invite.used_at.is_(None), Invite.expires_at > now)
        .values(used_at=now)
        .returning(Invite.id)
    ).scalar_one_or_none()
    if claimed is None:
        fail(422, "invalid_invite", _("This invite code is not valid or has expired."),
             fields={"code": [_("This invite code is not valid or has expired.")]})
    return db.session.get(Invite, claimed)
