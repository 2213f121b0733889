"""Finding ideas, and counting the 'nobody goes unheard' figures for staff (present.py
shapes the answers)."""

import statistics
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import selectinload

from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaAnswer, IdeaReport, IdeaStatus, IdeaSupport
from meedoen.ideas.policy import is_moderator, visible_ideas

ANSWER_TARGET = timedelta(days=14)
WAITING_SHOWN = 100
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
