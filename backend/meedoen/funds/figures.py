"""Anonymous figures for a municipality: requests, granted, refused and the median days from
asking to a decision, by fund and by category. Counted from the requests there are and the
totals left by deleted ones (SupportTotal); no person, no request. present.figures labels
them."""

from collections import defaultdict
from statistics import median
from typing import NamedTuple

from sqlalchemy import select

from meedoen.extensions import db
from meedoen.funds.models import Fund, RequestStatus, SupportRequest, SupportTotal


class Row(NamedTuple):
    fund_id: int | None
    category: str
    outcome: RequestStatus
    days: int | None


def live_rows(municipality_id: int | None) -> list[Row]:
    query = select(SupportRequest.fund_id, SupportRequest.category, SupportRequest.status,
                   SupportRequest.created_at, SupportRequest.decided_at)
    if municipality_id is not None:
        query = query.where(SupportRequest.municipality_id == municipality_id)
    return [Row(fund, category, status, (decided - created).days if decided else None)
            for fund, category, status, created, decided in db.session.execute(query)]


def kept_rows(municipality_id: int | None) -> list[Row]:
    query = select(SupportTotal.fund_id, SupportTotal.category, SupportTotal.outcome,
                   SupportTotal.days_to_decision)
    if municipality_id is not None:
        query = query.where(SupportTotal.municipality_id == municipality_id)
    return [Row(*row) for row in db.session.execute(query)]


class Summary(NamedTuple):
    requests: int
    granted: int
    refused: int
    median_days: float | None


def summary(rows: list[Row]) -> Summary:
    days = [row.days for row in rows if row.days is not None]
    return Summary(len(rows), sum(row.outcome == RequestStatus.GRANTED for row in rows),
                   sum(row.outcome == RequestStatus.REFUSED for row in rows),
                   float(median(days)) if days else None)


def grouped(rows: list[Row], key) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def fund_names(ids) -> dict[int, str]:
    return dict(db.session.execute(select(Fund.id, Fund.name).where(Fund.id.in_(ids))).all())


class Figures(NamedTuple):
    """All requests, by fund (fund id or None, fund ids in order, None first) with the funds'
    names, and by category (in order)."""

    total: Summary
    by_fund: list[tuple[int | None, Summary]]
    fund_names: dict[int, str]
    by_category: list[tuple[str, Summary]]


def figures(municipality_id: int | None) -> Figures:
    rows = live_rows(municipality_id) + kept_rows(municipality_id)
    by_fund = grouped(rows, lambda row: row.fund_id)
    return Figures(
        summary(rows),
        [(fund, summary(group))
         for fund, group in sorted(by_fund.items(), key=lambda item: item[0] or 0)],
        fund_names([fund for fund in by_fund if fund is not None]),
        [(category, summary(group))
         for category, group in sorted(grouped(rows, lambda r: r.category).items())],
    )
