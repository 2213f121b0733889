"""Ideas as the API shows them, in the reader's language, in a fixed number of queries."""

from datetime import datetime, timedelta

from meedoen.auth.models import User
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized, localized_fields
from meedoen.ideas import queries
from meedoen.ideas.models import (
    STATUS_LABELS,
    Idea,
    IdeaAnswer,
    IdeaStatus,
)
from meedoen.ideas.policy import is_moderator, sees_author
from meedoen.ideas.queries import Stats
from meedoen.ideas.translation import ANSWER_FIELDS
from meedoen.translation.subjects import rows_by_language


def localized_answer(answer: IdeaAnswer, wanted: str, with_original: bool = False) -> dict:
    """Like an activity text: the message in ``wanted``, else the original, which it is and
    its translation status (``with_original``: the original behind a machine text)."""
    return localized_fields(rows_by_language(answer.texts), answer.original_language, wanted,
                            ANSWER_FIELDS, with_original)


def status_fields(status: IdeaStatus) -> dict:
    return {"status": status.value, "status_label": str(STATUS_LABELS[status])}


def activity_refs(user: User, activity_ids: set[int]) -> dict[int, dict]:
    """The activities that came of ideas, in the reader's language."""
    wanted = current_language()
    return {a.id: {"id": a.id, "starts_at": a.starts_at, "status": a.status.value,
                   "title": localized(a.texts, a.original_language, wanted)["title"]}
            for a in queries.activities_of(user, activity_ids)}


def present_answer(answer: IdeaAnswer, activities: dict, wanted: str,
                   with_original: bool = False) -> dict:
    return {"id": answer.id, **status_fields(answer.status),
            "text": localized_answer(answer, wanted, with_original),
            "by": answer.author.display_name if answer.author else None,
            "activity": activities.get(answer.activity_id), "created_at": answer.created_at}


def present_ideas(user: User, ideas: list[Idea], *, detail: bool = False) -> list[dict]:
    ids = [idea.id for idea in ideas]
    counts, mine = queries.support_counts(ids), queries.own_supports(user, ids)
    reports = queries.open_reports(ids) if is_moderator(user) else {}
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
            item["support"]["names"] = queries.visible_supporter_names(idea.id)
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
