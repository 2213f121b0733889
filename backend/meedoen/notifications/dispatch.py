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

# Work other features do on the clock, before events become messages: name -> fn(now) -> how
# many it made. Filled by the features' init_app (activities: the day-before reminders).
_due_work: dict[str, Callable[[datetime], int]] = {}


def due_work(name: str):
    """Register ``fn(now) -> int`` (idempotent; it only flushes) as due work ``name``;
    ``run_due_work`` runs it every tick, commits it (meedoen.core.transaction.committing)
    and reports its count under ``name``."""

    def register(fn):
        _due_work[name] = fn
        return fn

    return register


def run_due_work(now: datetime | None = None) -> dict:
    now = now or utcnow()
    from meedoen.contacts.screening import make_due_screening_reminders
    from meedoen.funds.jobs import make_due_renewal_reminders

    # Translations first: a message sent now then reaches everyone in their language.
    done = {"recovered": recover_stale_claims(now), "translations": translations_due(now),
            "notifications": fan_out_due(now)}
    for name, work in _due_work.items():
        with committing():
            done[name] = work(now)
    done["screening_reminders"] = make_due_screening_reminders(now)
    done["renewal_reminders"] = make_due_renewal_reminders(now)
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
