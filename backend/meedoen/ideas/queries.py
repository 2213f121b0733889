"""Reading ideas: finding them, what an answer shows beside them (support, reports, the
activities that came of them) and the 'nobody goes unheard' figures for staff (present.py
shapes the answers from these, reading nothing itself)."""

import statistics
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import selectinload

from meedoen.activities.models import Activity
from meedoen.activities.policy import YOUTH_SEES
from meedoen.auth.models import Role, User
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.extensions import db
from meedoen.ideas.models import (
    Idea,
    IdeaAnswer,
    IdeaReport,
    IdeaStatus,
    IdeaSupport,
    SupportKind,
)
from meedoen.ideas.policy import is_moderator, visible_ideas

ANSWER_TARGET = timedelta(days=14)
WAITING_SHOWN = 100
VISIBLE_NAMES = 50
IDEA_LOADING = (
    selectinload(Idea.texts),
    selectinload(Idea.author),
    selectinload(Idea.answers).selectinload(IdeaAnswer.texts),
    selectinload(Idea.answers).selectinload(IdeaAnswer.author),
)


def _filtered(user: User, args: dict) -> Select:
    query = select(Idea).where(visible_ideas(user))
    if "municipality_id" in args:
        query = query.where(Idea.municipality_id == args["municipality_id"])
    if args.get("status"):
        query = query.where(Idea.status.in_([IdeaStatus(s) for s in args["status"]]))
    if args.get("category"):
        query = query.where(Idea.category.in_(args["category"]))
    if "mine" in args:
        mine = Idea.author_id == user.id
        query = query.where(mine if args["mine"] else ~mine)
    if is_moderator(user) and "hidden" in args:
        query = query.where(Idea.hidden_at.isnot(None) if args["hidden"]
                            else Idea.hidden_at.is_(None))
    if is_moderator(user) and args.get("reported"):
        query = query.where(exists().where(IdeaReport.idea_id == Idea.id,
                                           IdeaReport.resolved_at.is_(None)))
    return query


def _sorted(query: Select, sort: str) -> tuple[Select, tuple]:
    """The query with its sort keys selected beside each idea, and the order to page by.

    "Most support" pages by (supporters, created_at, id), all descending. A count that
    changes while someone pages can move an idea across the page edge: it then shows twice
    or not on this pass (the PWA shows each idea once; a fresh start puts it right)."""
    if sort == "newest":
        return query, (Idea.created_at.desc(), Idea.id.desc())
    supporters = (select(IdeaSupport.idea_id, func.count().label("n"))
                  .group_by(IdeaSupport.idea_id).subquery())
    count = func.coalesce(supporters.c.n, 0).label("supporters")
    return (query.outerjoin(supporters, supporters.c.idea_id == Idea.id)
            .add_columns(count, Idea.created_at, Idea.id),
            (count.desc(), Idea.created_at.desc(), Idea.id.desc()))


def list_ideas(user: User, args: dict) -> dict:
    """One page of ideas (``items``: Idea rows), and how many there are with these filters."""
    query, order = _sorted(_filtered(user, args), args["sort"])
    page = keyset_page(query.options(*IDEA_LOADING), order, args, f"ideas-{args['sort']}",
                       total=True)
    return {**page, "items": [row if isinstance(row, Idea) else row[0] for row in page["items"]]}


class Stats(NamedTuple):
    """The ideas that wait for a first answer (the oldest WAITING_SHOWN of ``waiting_count``)
    and, of the ideas counted, how many were answered within ANSWER_TARGET."""

    waiting: list[Idea]
    waiting_count: int
    counted: int
    in_time: int
    median_wait: timedelta | None
    now: datetime


def stats(user: User, args: dict) -> Stats:
    """Hidden ideas are left out: they are moderated, not unheard."""
    scope = _filtered(user, args).where(Idea.hidden_at.is_(None))
    if "since" in args:
        since = datetime.combine(args["since"], datetime.min.time(), UTC)
        scope = scope.where(Idea.created_at >= since)
    now = utcnow()
    times = db.session.execute(scope.with_only_columns(Idea.created_at,
                                                       Idea.first_answered_at)).all()
    waits = [answered - created for created, answered in times if answered]
    counted = sum(1 for created, answered in times if answered or now - created >= ANSWER_TARGET)
    in_time = sum(1 for wait in waits if wait <= ANSWER_TARGET)
    median = statistics.median(waits) if waits else None
    return Stats(*_waiting(scope), counted, in_time, median, now)


def _waiting(scope: Select) -> tuple[list[Idea], int]:
    waiting = scope.where(Idea.first_answered_at.is_(None))
    count = db.session.scalar(select(func.count()).select_from(waiting.subquery()))
    ideas = db.session.scalars(waiting.options(*IDEA_LOADING)
                               .order_by(Idea.created_at, Idea.id).limit(WAITING_SHOWN)).all()
    return list(ideas), count


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


def activities_of(user: User, activity_ids: set[int]) -> list:
    """The activities that came of ideas; young people only see published or cancelled ones."""
    if not activity_ids:
        return []
    query = select(Activity).where(Activity.id.in_(activity_ids)).options(
        selectinload(Activity.texts))
    if user.role == Role.YOUTH:
        query = query.where(Activity.status.in_(YOUTH_SEES))
    return list(db.session.scalars(query))
