"""Ideas as the API shows them, in the reader's language, in a fixed number of queries."""

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from meedoen.activities.models import Activity
from meedoen.activities.policy import YOUTH_SEES
from meedoen.auth.models import Role, User
from meedoen.extensions import db
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized, localized_fields
from meedoen.ideas.models import (
    STATUS_LABELS,
    Idea,
    IdeaAnswer,
    IdeaReport,
    IdeaStatus,
    IdeaSupport,
    SupportKind,
)
from meedoen.ideas.policy import is_moderator, sees_author
from meedoen.ideas.queries import Stats
from meedoen.ideas.translation import ANSWER_FIELDS
from meedoen.translation.subjects import rows_by_language

VISIBLE_NAMES = 50


def localized_answer(answer: IdeaAnswer, wanted: str, with_original: bool = False) -> dict:
    """Like an activity text: the message in ``wanted``, else the original, which it is and
    its translation status (``with_original``: the original behind a machine text)."""
    return localized_fields(rows_by_language(answer.texts), answer.original_language, wanted,
                            ANSWER_FIELDS, with_original)


def status_fields(status: IdeaStatus) -> dict:
    return {"status": status.value, "status_label": str(STATUS_LABELS[status])}


def support_counts(idea_ids: list[int]) -> dict[int, dict[str, int]]:
    counts = defaultdict(lambda: {kind.value: 0 for kind in SupportKind})
    rows = db.session.execute(
        select(IdeaSupport.idea_id, IdeaSupport.kind, func.count())
        .where(IdeaSupport.idea_id.in_(idea_ids))
        .group_by(IdeaSupport.idea_id, IdeaSupport.kind)
    )
    for idea_id, kind, count in rows:
        counts[idea_id][kind.value] = count
    return counts


def own_supports(user: User, idea_ids: list[int]) -> dict[int, str]:
    rows = db.session.execute(select(IdeaSupport.idea_id, IdeaSupport.kind).where(
        IdeaSupport.idea_id.in_(idea_ids), IdeaSupport.user_id == user.id))
    return {idea_id: kind.value for idea_id, kind in rows}


def visible_supporter_names(idea_id: int) -> list[str]:
    """Names only of those who chose "show my name on ideas I support"."""
    return list(db.session.scalars(
        select(User.display_name).join(IdeaSupport, IdeaSupport.user_id == User.id)
        .where(IdeaSupport.idea_id == idea_id, User.show_name_as_supporter.is_(True))
        .order_by(IdeaSupport.created_at, User.id).limit(VISIBLE_NAMES)
    ))


def open_reports(idea_ids: list[int]) -> dict[int, dict]:
    found = defaultdict(lambda: {"open": 0, "reasons": {}, "notes": []})
    rows = db.session.execute(
        select(IdeaReport.idea_id, IdeaReport.reason, IdeaReport.note)
        .where(IdeaReport.idea_id.in_(idea_ids), IdeaReport.resolved_at.is_(None))
        .order_by(IdeaReport.created_at)
    )
    for idea_id, reason, note in rows:
        entry = found[idea_id]
        entry["open"] += 1
        entry["reasons"][reason.value] = entry["reasons"].get(reason.value, 0) + 1
        if note:
            entry["notes"].append(note)
    return found


def activity_refs(user: User, activity_ids: set[int]) -> dict[int, dict]:
    """The activities that came of ideas; young people only see published or cancelled ones."""
    if not activity_ids:
        return {}
    query = select(Activity).where(Activity.id.in_(activity_ids)).options(
        selectinload(Activity.texts))
    if user.role == Role.YOUTH:
        query = query.where(Activity.status.in_(YOUTH_SEES))
    wanted = current_language()
    return {a.id: {"id": a.id, "starts_at": a.starts_at, "status": a.status.value,
                   "title": localized(a.texts, a.original_language, wanted)["title"]}
            for a in db.session.scalars(query)}


def present_answer(answer: IdeaAnswer, activities: dict, wanted: str,
                   with_original: bool = False) -> dict:
    return {"id": answer.id, **status_fields(answer.status),
            "text": localized_answer(answer, wanted, with_original),
            "by": answer.author.display_name if answer.author else None,
            "activity": activities.get(answer.activity_id), "created_at": answer.created_at}


def present_ideas(user: User, ideas: list[Idea], *, detail: bool = False) -> list[dict]:
    ids = [idea.id for idea in ideas]
    counts, mine = support_counts(ids), own_supports(user, ids)
    reports = open_reports(ids) if is_moderator(user) else {}
    activities = activity_refs(user, {i.activity_id for i in ideas if i.activity_id}
                               | {a.activity_id for i in ideas for a in i.answers
                                  if a.activity_id})
    wanted = current_language()
    result = []
    for idea in ideas:
        answers = [present_answer(a, activities, wanted, detail) for a in idea.answers]
        item = {
            "id": idea.id, "municipality_id": idea.municipality_id, "category": idea.category,
            "text": localized(idea.texts, idea.original_language, wanted, detail),
            **status_fields(idea.status),
            "will_help_organise": idea.will_help_organise,
            "author": idea.author.display_name if sees_author(user, idea) else None,
            "is_mine": idea.author_id == user.id,
            "support": {**counts[idea.id], "total": sum(counts[idea.id].values()),
                        "mine": mine.get(idea.id), "names": []},
            "answer_count": len(answers), "latest_answer": answers[-1] if answers else None,
            "activity": activities.get(idea.activity_id),
            "hidden": _hidden(user, idea), "created_at": idea.created_at,
            "status_changed_at": idea.status_changed_at,
            "first_answered_at": idea.first_answered_at,
            "reports": reports[idea.id] if is_moderator(user) else None,
        }
        if detail:
            item["answers"] = answers
            item["support"]["names"] = visible_supporter_names(idea.id)
        result.append(item)
    return result


def page(user: User, found: dict) -> dict:
    """``GET /ideas``: the page ``queries.list_ideas`` found, its ideas as the user sees them."""
    return {**found, "items": present_ideas(user, found["items"])}


def stats(user: User, counted: Stats) -> dict:
    """``GET /ideas/stats``: the waiting list and how soon ideas got a first answer."""
    median = counted.median_wait
    return {
        "waiting": _waiting(user, counted.waiting, counted.now),
        "waiting_count": counted.waiting_count,
        "ideas_counted": counted.counted,
        "answered_within_14_days": counted.in_time,
        "share_answered_within_14_days": (round(counted.in_time / counted.counted, 4)
                                          if counted.counted else None),
        "median_hours_to_first_answer": _hours(median),
        "median_days_to_first_answer": (None if median is None
                                        else round(median / timedelta(days=1), 2)),
    }


def _waiting(user: User, ideas: list[Idea], now: datetime) -> list[dict]:
    return [{**shown, "waiting_days": (now - idea.created_at).days,
             "supporters": shown["support"]["total"]}
            for idea, shown in zip(ideas, present_ideas(user, ideas), strict=True)]


def _hours(duration: timedelta | None) -> float | None:
    return None if duration is None else round(duration / timedelta(hours=1), 2)


def _hidden(user: User, idea: Idea) -> dict | None:
    if not idea.is_hidden or not (is_moderator(user) or idea.author_id == user.id):
        return None
    return {"reason": idea.hidden_reason, "at": idea.hidden_at}
