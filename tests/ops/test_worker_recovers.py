"""The RQ worker runs every job in one app context (``flask worker``): a job whose database
connection broke must not leave its transaction behind for the next job (found by
``make prodlike``: after PostgreSQL was stopped, every later job failed until a restart)."""

import pytest
from meedoen.extensions import db
from meedoen.notifications import dispatch, runner
from sqlalchemy import text


def test_a_failed_job_leaves_no_transaction_for_the_next(app, monkeypatch):
    seen = []

    def breaks_mid_transaction(now=None):
        db.session.execute(text("SELECT 1"))
        seen.append(db.session().in_transaction())
        raise RuntimeError("the database went away")

    with app.app_context():
        monkeypatch.setattr(dispatch, "run_due_work", breaks_mid_transaction)
        with pytest.raises(RuntimeError):
            runner.run_due_work_job()
        assert seen == [True]
        assert not db.session().in_transaction()
        monkeypatch.undo()
        assert isinstance(runner.run_due_work_job(), dict)  # the next job runs
        assert not db.session().in_transaction()
