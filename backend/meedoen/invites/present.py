"""The answer to a new invite: the code is shown once, here, and stored only as a hash."""

from meedoen.invites.models import Invite


def invite(row: Invite, code: str) -> dict:
    return {"code": code, "role": row.role.value, "municipality_id": row.municipality_id,
            "location_id": row.location_id, "expires_at": row.expires_at}
