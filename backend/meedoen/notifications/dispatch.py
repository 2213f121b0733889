"""The background work, in order: what is due becomes inbox rows (``outbox``), then pushes
(``delivery``).

Everything here is idempotent and claims its work in the database, so any number of
workers (RQ or in-process) may run it, and a worker that dies half-way loses nothing: a
delivery it had claimed is sent again once its lease ends — at most once more than what
was in flight.
"""

import logging
from collections.abc import Callable
from datetime import datetime

from meedoen.core.models import utcnow
from meedoen.core.transaction import committing, rollback
from meedoen.notifications.delivery import deliver_due, recover_stale_claims
from meedoen.notifications.outbox import fan_out_due, handle_pending_events

log = logging.getLogger(__name__)

# Work other features do on the clock, before events become messages: name -> (position,
# fn(now) -> how many it made). Filled by the features' init_app (activities: the day-before
# reminders; contacts: screening reminders; funds: renewal reminders).
_due_work: dict[str, tuple[int, Callable[[datetime], int]]] = {}


def due_work(name: str, fn: Callable[[datetime], int], *, position: int) -> None:
    """Register ``fn(now) -> int`` (idempotent; it only flushes) as due work ``name``:
    ``run_due_work`` runs it every tick in the order of ``position`` (smaller first), commits
    it (meedoen.core.transaction.committing) and reports its count under ``name``."""
    _due_work[name] = (position, fn)


def run_due_work(now: datetime | None = None) -> dict:
    now = now or utcnow()
    # Translations first: a message sent now then reaches everyone in their language.
    done = {"recovered": recover_stale_claims(now), "translations": translations_due(now),
            "notifications": fan_out_due(now)}
    for name, (_, work) in sorted(_due_work.items(), key=lambda item: item[1][0]):
        with committing():
            done[name] = work(now)
    done["events"] = handle_pending_events(now)
    done["deliveries"] = deliver_due(now)
    return done


def translations_due(now: datetime) -> int:
    from meedoen.translation.worker import run_due_translations

    try:
        return run_due_translations(now)
    except Exception:
        # Translation is a courtesy: its faults never hold up the messages.
        log.exception("translation work failed")
        rollback()
        return 0
