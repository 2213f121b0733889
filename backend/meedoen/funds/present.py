"""The answers of funds: a fund; a request as the reader sees it (statuses and next steps
in their language, and every message in the thread in their language where a translation
exists); the intermediaries; the anonymous figures, labelled."""


from flask_babel import gettext as _

from meedoen.auth.models import User
from meedoen.funds import queries
from meedoen.funds.figures import Figures, Summary
from meedoen.funds.models import COST_KIND_LABELS, Fund, StepKind, SupportRequest, SupportStep
from meedoen.funds.services import funds_of, is_stale
from meedoen.funds.texts import (
    STATUS_LABELS,
    STEP_LABELS,
    fund_in_plain_words,
    kind_label,
    next_step,
)
from meedoen.funds.translation import FIELDS, step_rows
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized_fields


def present_fund(fund: Fund) -> dict:
    return {"id": fund.id, "municipality_id": fund.municipality_id, "name": fund.name,
            "min_age": fund.min_age, "max_age": fund.max_age, "kinds": fund.kinds,
            "max_cents_per_year": fund.max_cents_per_year, "apply_url": fund.apply_url,
            "grant_months": fund.grant_months, "active": fund.active,
            "plain": fund_in_plain_words(fund)}


def present_request(request: SupportRequest, viewer: User, detail: bool = False) -> dict:
    data = {
        "id": request.id, "municipality_id": request.municipality_id,
        "category": request.category.value,
        "category_label": str(COST_KIND_LABELS[request.category]),
        "club": request.club, "activity_id": request.activity_id,
        "cost_cents": request.cost_cents, "cost_period": request.cost_period.value,
        "months": request.months, "gear": request.gear, "age": request.age,
        "status": request.status.value, "status_label": str(STATUS_LABELS[request.status]),
        "question_open": request.question_open,
        "next": next_step(request.status, request.question_open),
        "fund": {"id": request.fund.id, "name": request.fund.name} if request.fund else None,
        "granted_cents": request.granted_cents, "grant_start": request.grant_start,
        "grant_end": request.grant_end, "paid_to": request.paid_to,
        "youth": {"name": request.youth.display_name, "is_me": request.youth_id == viewer.id,
                  "is_youth": True},
        "stale": is_stale(request), "created_at": request.created_at,
        "last_step_at": request.last_step_at,
    }
    if detail:
        data["steps"] = present_steps(request, viewer)
        data["funds_that_may_fit"] = [
            present_fund(fund) for fund in funds_of(request.municipality_id, only_active=True)
            if fund.fits(request.age, request.category.value)]
    return data


def present_requests(page: dict, viewer: User) -> dict:
    """A page of requests (``keyset_page``) as the list shows them."""
    return {**page, "items": [present_request(r, viewer) for r in page["items"]]}


def present_steps(request: SupportRequest, viewer: User) -> list[dict]:
    wanted = current_language()
    funds = queries.fund_names({s.fund_id for s in request.steps if s.fund_id})
    return [present_step(step, request, viewer, wanted, funds) for step in request.steps]


def author_name(step: SupportStep, request: SupportRequest, from_youth: bool) -> str | None:
    if from_youth:
        return request.youth.display_name
    return queries.display_name(step.author_id) if step.author_id else None


def present_step(step: SupportStep, request: SupportRequest, viewer: User, wanted: str,
                 funds: dict[int, str]) -> dict:
    own = step.language if step.author_id == viewer.id else None
    from_youth = step.author_id == request.youth_id
    return {"id": step.id, "kind": step.kind.value, "label": str(STEP_LABELS[StepKind(step.kind)]),
            **localized_fields(step_rows(step), step.language, wanted, FIELDS, True, chosen=own),
            "fund_name": funds.get(step.fund_id),
            "author": {"name": author_name(step, request, from_youth),
                       "is_me": step.author_id == viewer.id, "is_youth": from_youth},
            "created_at": step.created_at}


def intermediary(user_id: int, marked: bool) -> dict:
    return {"user_id": user_id, "is_intermediary": marked}


def intermediaries(user_ids) -> list[dict]:
    """The users marked as intermediaries."""
    return [intermediary(user_id, True) for user_id in user_ids]


def figures(counted: Figures) -> dict:
    """FiguresOutSchema: the counts labelled in the reader's language."""
    return {
        "total": _figure_row("all", _("All requests"), counted.total),
        "by_fund": [_figure_row(str(fund or "none"),
                                counted.fund_names.get(fund) or _("No fund yet"), summary)
                    for fund, summary in counted.by_fund],
        "by_category": [_figure_row(str(category), kind_label(category), summary)
                        for category, summary in counted.by_category],
    }


def _figure_row(key: str, label: str, summary: Summary) -> dict:
    return {"key": key, "label": label, "requests": summary.requests,
            "granted": summary.granted, "refused": summary.refused,
            "median_days_to_decision": summary.median_days}
