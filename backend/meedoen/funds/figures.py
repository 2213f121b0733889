"""Anonymous figures for a municipality: requests, granted, refused and the median days from
asking to a decision, by fund and by category. Counted from the requests there are and the
totals left by deleted ones (SupportTotal); no person, no request."""

from collections import defaultdict
from statistics import median
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import select

from meedoen.extensions import db
from meedoen.funds.models import Fund, RequestStatus, SupportRequest, SupportTotal
from meedoen.funds.texts import kind_label


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


def summary(key: str, label: str, rows: list[Row]) -> dict:
    days = [row.days for row in rows if row.days is not None]
    return {"key": key, "label": label, "requests": len(rows),
            "granted": sum(row.outcome == RequestStatus.GRANTED for row in rows),
            "refused": sum(row.outcome == RequestStatus.REFUSED for row in rows),
            "median_days_to_decision": float(median(days)) if days else None}


def grouped(rows: list[Row], key) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def fund_names(ids) -> dict[int, str]:
    return dict(db.session.execute(select(Fund.id, Fund.name).where(Fund.id.in_(ids))).all())


def figures(municipality_id: int | None) -> dict:
    rows = live_rows(municipality_id) + kept_rows(municipality_id)
    by_fund = grouped(rows, lambda row: row.fund_id)
    names = fund_names([fund for fund in by_fund if fund is not None])
    return {
        "total": summary("all", _("All requests"), rows),
        "by_fund": [summary(str(fund or "none"), names.get(fund) or _("No fund yet"), group)
                    for fund, group in sorted(by_fund.items(), key=lambda i: i[0] or 0)],
        "by_category": [summary(str(category), kind_label(category), group)
                        for category, group in sorted(grouped(rows, lambda r: r.category).items())],
    }
