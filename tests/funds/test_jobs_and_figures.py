"""Renewal reminders a month before a grant ends, deletion after the retention period (the
anonymous totals stay), and the figures."""

from datetime import UTC, date, datetime

from meedoen.extensions import db
from meedoen.funds.jobs import purge_closed_requests, send_renewal_reminders
from meedoen.funds.models import RequestStatus, SupportRequest, SupportStep, SupportTotal
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import func, select

from tests.funds.helpers import make_request


def granted(youth, fund, worker, end: date, **fields) -> SupportRequest:
    return make_request(youth, status=RequestStatus.GRANTED, fund_id=fund.id,
                        intermediary_id=worker.id, granted_cents=24000,
                        grant_start=date(2026, 1, 1), grant_end=end, paid_to="VV De Meer",
                        **fields)


def test_both_are_reminded_once_a_month_before_the_grant_ends(youth, worker, fund, app_ctx,
                                                              clock):
    granted(youth, fund, worker, date(2026, 12, 20))
    granted(youth, fund, worker, date(2027, 3, 1))  # too early to remind
    assert send_renewal_reminders() == 1
    db.session.commit()
    assert send_renewal_reminders() == 0
    run_due_work()
    items = db.session.scalars(select(InboxItem).order_by(InboxItem.user_id)).all()
    assert [i.user_id for i in items] == [youth.id, worker.id]
    assert items[0].lang == "so" and items[0].url.startswith("/support/")
    clock.move_to(datetime(2027, 2, 1, 9, tzinfo=UTC))
    assert send_renewal_reminders() == 1


def test_closed_requests_go_after_the_retention_period_leaving_totals(youth, worker, fund,
                                                                      app, app_ctx, clock):
    old = make_request(youth, status=RequestStatus.REFUSED, fund_id=fund.id,
                       created_at=datetime(2024, 9, 1, tzinfo=UTC),
                       decided_at=datetime(2024, 9, 11, tzinfo=UTC),
                       closed_at=datetime(2024, 9, 11, tzinfo=UTC))
    db.session.add(SupportStep(request_id=old.id, author_id=worker.id, kind="refused",
                               body="Te oud", language="nl"))
    recent = make_request(youth, status=RequestStatus.REFUSED,
                          closed_at=datetime(2025, 12, 1, tzinfo=UTC))
    db.session.commit()
    assert app.config["FUND_REQUEST_RETENTION_MONTHS"] == 24
    assert purge_closed_requests() == 1
    db.session.commit()
    assert db.session.scalars(select(SupportRequest.id)).all() == [recent.id]
    assert db.session.scalar(select(func.count()).select_from(SupportStep)) == 0
    total = db.session.scalars(select(SupportTotal)).one()
    assert (total.outcome, total.days_to_decision, total.year) == ("refused", 10, 2024)


def test_figures_by_fund_and_category_without_names(as_worker, youth, worker, fund, clock):
    day = datetime(2026, 11, 1, tzinfo=UTC)
    for days, status in ((4, RequestStatus.GRANTED), (10, RequestStatus.REFUSED),
                         (None, RequestStatus.NEW)):
        make_request(youth, status=status, fund_id=fund.id if days else None, created_at=day,
                     decided_at=day.replace(day=1 + days) if days else None)
    db.session.add(SupportTotal(municipality_id=youth.municipality_id, fund_id=fund.id,
                                category="sport", outcome="granted", days_to_decision=30,
                                year=2024))
    db.session.commit()
    figures = as_worker.get("/api/v1/support-requests/figures?lang=en").json
    assert figures["total"] == {"key": "all", "label": "All requests", "requests": 4,
                                "granted": 2, "refused": 1, "median_days_to_decision": 10.0}
    by_fund = {row["label"]: row["requests"] for row in figures["by_fund"]}
    assert by_fund == {fund.name: 3, "No fund yet": 1}
    assert youth.display_name not in str(figures)


def test_the_background_work_reminds_too(youth, worker, fund, app_ctx, clock):
    granted(youth, fund, worker, date(2026, 12, 24))
    assert run_due_work()["renewal_reminders"] == 1
    assert run_due_work()["renewal_reminders"] == 0
