"""One place commits. Services and routes only add and flush; they never commit.
A request commits once, after its view, when the answer's status is below 400 (``App``).
An error or a status of 400 or more rolls everything back: nothing half-written.
Background work (jobs, CLI commands, workers) commits with ``with committing():`` per unit.
Work that must wait for the commit (waking a worker, queuing a job) goes in ``after_commit``.

A commit that fails (the database went away) raises inside the view's error scope, so the
app's JSON error handler answers (503 with Retry-After, see meedoen.ops.unavailable), never
a half answer. The callbacks live on the session: a rollback or a failed commit drops them.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Flask

from meedoen.extensions import db

log = logging.getLogger(__name__)
_CALLBACKS = "meedoen_after_commit"


def after_commit(callback: Callable[[], object]) -> None:
    """Run ``callback()`` once this transaction has been committed (never if it is rolled
    back). The same callback registered twice in one transaction runs once."""
    callbacks = db.session.info.setdefault(_CALLBACKS, [])
    if callback not in callbacks:
        callbacks.append(callback)


def commit(*, keep_loaded: bool = False) -> None:
    """Commit the session, then run the after-commit callbacks.

    The request pipeline and ``committing()`` call this. A service calls it itself only to
    keep a record while it refuses the request (a failed login is counted, then 401).
    ``keep_loaded``: the objects keep their values instead of being read again (the end of a
    request: only the response's headers still ask for the logged-in user)."""
    session = db.session()
    callbacks = session.info.pop(_CALLBACKS, [])
    expire = session.expire_on_commit
    session.expire_on_commit = expire and not keep_loaded
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire
    for callback in callbacks:
        try:
            callback()
        except Exception:  # the data is committed: the answer stays a success
            log.exception("after-commit callback %r failed", callback)


def rollback() -> None:
    """Roll the session back and drop its after-commit callbacks."""
    if not db.session.registry.has():
        return  # no session was opened: nothing to undo (and none opened for it)
    db.session.info.pop(_CALLBACKS, None)
    db.session.rollback()


@contextmanager
def committing() -> Iterator[None]:
    """Background work's one place: commit when the block ends, roll back if it raises."""
    try:
        yield
    except BaseException:
        rollback()
        raise
    commit()


class App(Flask):
    """Flask with the request pipeline's one commit, right after the view.

    Committing inside ``dispatch_request`` (not in an ``after_request`` hook) keeps a failing
    commit in the view's error scope: the app's error handlers turn it into the JSON error."""

    def dispatch_request(self):
        response = self.make_response(super().dispatch_request())
        if response.status_code < 400:
            if db.session.registry.has():
                commit(keep_loaded=True)
        else:
            rollback()
        return response
