"""A user's own data: every feature registers what it holds about a user for export.

Erasure relies on the database: every foreign key to ``user.id`` declares
``ondelete`` (CASCADE for the user's own rows, SET NULL where a shared record
must stay), and a test checks that no row references an erased user.
"""

from collections.abc import Callable

_exporters: dict[str, Callable] = {}


def exporter(section: str):
    """Register ``fn(user) -> JSON-able`` as the part ``section`` of a user's export."""

    def register(fn):
        _exporters[section] = fn
        return fn

    return register


def export_user(user) -> dict:
    return {section: fn(user) for section, fn in sorted(_exporters.items())}
