"""Ideas: proposing, supporting, answering and moderating. Each function validates before it
writes; the route commits once."""

import math
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, select, update

from meedoen.activities.models import Activity
from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.sanitize import clean_html, clean_youth_html
from meedoen.core.sql import insert_ignore
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n import current_language
from meedoen.i18n.texts import TITLE_AND_DESCRIPTION, fields_of, snapshot, stamp_after_edit
from meedoen.ideas.models import (
    Idea,
    IdeaAnswer,
    IdeaAnswerText,
    IdeaReport,
    IdeaStatus,
    IdeaSupport,
    IdeaText,
    ReportReason,
    SupportKind,
)
from meedoen.ideas.translation import ANSWER_FIELDS
from meedoen.translation.service import machine_suggestion
from meedoen.translation.subjects import request_translation, rows_by_language

RATE_WINDOW = timedelta(days=1)


def ideas_per_day() -> int:
    return current_app.config["IDEAS_PER_DAY"]


def check_rate_limit(user: User) -> None:
    """At most IDEAS_PER_DAY new ideas per person in 24 hours, counted in the database.

    A no-op UPDATE of the author's row first makes two requests of one person wait for each
    other (a row lock on PostgreSQL, the write lock on SQLite), so they count each other.
    """
    db.session.execute(update(User).where(User.id == user.id)
                       .values(display_name=User.display_name)
                       .execution_options(synchronize_session=False))
    limit = ideas_per_day()
    recent = db.session.scalars(
        select(Idea.created_at).where(Idea.author_id == user.id,
                                      Idea.created_at > utcnow() - RATE_WINDOW)
        .order_by(Idea.created_at.desc()).limit(limit)
    ).all()
    if len(recent) >= limit:
        wait = (recent[-1] + RATE_WINDOW - utcnow()).total_seconds()
        fail(429, "too_many_ideas",
             ngettext("You can propose %(num)d idea a day. Please try again tomorrow.",
                      "You can propose %(num)d ideas a day. Please try again tomorrow.", limit),
             headers={"Retry-After": str(max(math.ceil(wait), 1))})


def create_idea(user: User, data: dict) -> Idea:
    if user.municipality_id is None:
        fail(403)
    check_rate_limit(user)
    language = data.get("language") or current_language()
    idea = Idea(municipality_id=user.municipality_id, author_id=user.id,
                category=data["category"], original_language=language,
                will_help_organise=data["will_help_organise"], status=IdeaStatus.NEW,
                created_at=utcnow())
    idea.texts = [IdeaText(language=language, title=data["title"],
                           description=clean_youth_html(data["description"]))]
    stamp_after_edit(rows_by_language(idea.texts), language, TITLE_AND_DESCRIPTION, {})
    db.session.add(idea)
    db.session.flush()
    request_translation("idea", idea.id)
    record(user, "idea.create", idea.municipality_id, idea_id=idea.id)
    return idea


def set_text(user: User, idea: Idea, language: str, data: dict) -> None:
    """Add or correct the title and description in one language (staff translations): what
    staff change is theirs (``human``); a changed original has its machine translations redone
    and its human ones marked outdated."""
    rows = rows_by_language(idea.texts)
    before = snapshot(rows, TITLE_AND_DESCRIPTION)
    text = rows.get(language)
    if text is None:
        text = rows[language] = IdeaText(language=language)
        idea.texts.append(text)
    text.title = data["title"]
    text.description = clean_youth_html(data["description"])
    if idea.original_language in rows:
        stamp_after_edit(rows, idea.original_language, TITLE_AND_DESCRIPTION, before)
    edited = before.get(language) != fields_of(text, TITLE_AND_DESCRIPTION)
    if language == idea.original_language and edited:
        db.session.flush()
        request_translation("idea", idea.id)
    record(user, "idea.translate", idea.municipality_id, idea_id=idea.id, language=language)


def support(user: User, idea: Idea, kind: str) -> None:
    """Once per person: a second call only changes between 'join' and 'help'."""
    kind = SupportKind(kind)
    if not insert_ignore(IdeaSupport, idea_id=idea.id, user_id=user.id, kind=kind,
                         created_at=utcnow()):
        db.session.execute(update(IdeaSupport)
                           .where(IdeaSupport.idea_id == idea.id, IdeaSupport.user_id == user.id)
                           .values(kind=kind))


def withdraw_support(user: User, idea: Idea) -> None:
    db.session.execute(delete(IdeaSupport).where(IdeaSupport.idea_id == idea.id,
                                                 IdeaSupport.user_id == user.id))


def linkable_activity(idea: Idea, activity_id: int | None) -> Activity | None:
    if activity_id is None:
        return None
    activity = db.session.get(Activity, activity_id)
    if activity is None or activity.municipality_id != idea.municipality_id:
        fail(422, fields={"activity_id": [_("Choose an activity in the idea's municipality.")]})
    return activity


def check_status_change(idea: Idea, status: IdeaStatus) -> None:
    if idea.status == IdeaStatus.DONE and status != IdeaStatus.DONE:
        fail(409, "idea_done", _("This idea is done; its status can no longer change."))


def answer(user: User, idea: Idea, data: dict) -> IdeaAnswer:
    status = IdeaStatus(data["status"])
    check_status_change(idea, status)
    activity = linkable_activity(idea, data.get("activity_id"))
    messages = data["message"]
    # The original: as given, else the writer's app language, else the first message.
    original_language = data.get("language") or (
        current_language() if current_language() in messages else next(iter(messages)))
    reply = IdeaAnswer(idea_id=idea.id, author_id=user.id, status=status,
                       original_language=original_language,
                       activity_id=activity.id if activity else None, created_at=utcnow())
    reply.texts = [IdeaAnswerText(language=language, message=clean_html(message))
                   for language, message in messages.items()]
    # Texts typed by staff are theirs; one saved exactly as the machine suggested it stays
    # marked as machine translated (POST /translation/preview, kind "idea_answer").
    stamp_after_edit(rows_by_language(reply.texts), reply.original_language, ANSWER_FIELDS, {},
                     suggestion=machine_suggestion("idea_answer"))
    idea.answers.append(reply)
    if activity:
        idea.activity_id = activity.id
    idea.first_answered_at = idea.first_answered_at or reply.created_at
    changed = status != idea.status
    idea.status = status
    db.session.flush()
    request_translation("idea_answer", reply.id)
    if changed:
        idea.status_changed_at = reply.created_at
        tell_status_changed(user, idea, reply)
    record(user, "idea.answer", idea.municipality_id, idea_id=idea.id, status=status.value)
    return reply


def told_about(idea: Idea) -> list[int]:
    """The proposer and everyone who supports the idea."""
    supporters = db.session.scalars(select(IdeaSupport.user_id)
                                    .where(IdeaSupport.idea_id == idea.id)
                                    .order_by(IdeaSupport.created_at))
    return [idea.author_id, *supporters]


def tell_status_changed(actor: User, idea: Idea, reply: IdeaAnswer) -> None:
    recipients = [uid for uid in told_about(idea) if uid != actor.id]
    notify("idea.status_changed", recipients, idea_id=idea.id, answer_id=reply.id,
           status=reply.status.value)


def report(user: User, idea: Idea, data: dict) -> None:
    """Once per person; a repeated report changes nothing."""
    if insert_ignore(IdeaReport, idea_id=idea.id, reporter_id=user.id,
                     reason=ReportReason(data["reason"]), note=data.get("note") or None,
                     created_at=utcnow()):
        record(user, "idea.report", idea.municipality_id, idea_id=idea.id,
               reason=data["reason"])


def resolve_reports(idea: Idea) -> None:
    db.session.execute(update(IdeaReport)
                       .where(IdeaReport.idea_id == idea.id, IdeaReport.resolved_at.is_(None))
                       .values(resolved_at=utcnow()))


def hide(user: User, idea: Idea, reason: str) -> None:
    newly_hidden = not idea.is_hidden
    idea.hidden_at = idea.hidden_at or utcnow()
    idea.hidden_reason = reason
    idea.hidden_by_id = user.id
    resolve_reports(idea)
    if newly_hidden and idea.author_id != user.id:
        notify("idea.hidden", [idea.author_id], idea_id=idea.id)
    record(user, "idea.hide", idea.municipality_id, idea_id=idea.id)


def unhide(user: User, idea: Idea) -> None:
    idea.hidden_at = idea.hidden_reason = idea.hidden_by_id = None
    resolve_reports(idea)
    record(user, "idea.unhide", idea.municipality_id, idea_id=idea.id)

