"""Suggesting, reviewing and the reviewer role."""

from flask_babel import gettext as _
from sqlalchemy import select

from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.core.ratelimit import check_per_person
from meedoen.core.sanitize import plain_text
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.wording.catalog import UiText, placeholders, text_of, texts
from meedoen.wording.models import LanguageReviewer, SuggestionStatus, WordingSuggestion
from meedoen.wording.notices import ACCEPTED


def screen_texts(language: str, msgids: list[str] | None) -> list[UiText]:
    known = texts(language)
    if msgids is None:
        return sorted(known.values(), key=lambda t: t.msgid)
    return [known[m] for m in dict.fromkeys(msgids) if m in known]


def _invalid(field: str, message) -> None:
    fail(422, "invalid_input", _("Some fields are not filled in correctly."),
         {field: [message]})


def check_wording(ui_text: UiText, wording: str) -> None:
    """A suggested wording is plain text with exactly the msgid's placeholders (422)."""
    if plain_text(wording) != wording:
        _invalid("text", _("Write plain text, without HTML."))
    wanted = placeholders(ui_text.msgid)
    if placeholders(wording) != wanted:
        fail(422, "placeholders_differ",
             _("Keep these parts exactly as they are: %(placeholders)s",
               placeholders=" ".join(sorted(wanted))) if wanted
             else _("Leave out the parts in braces: this text has none."),
             {"text": [_("The parts in braces differ from the original text.")]})


def known_text(language: str, msgid: str, status: int = 422) -> UiText:
    ui_text = text_of(language, msgid)
    if ui_text is None:
        if status == 409:
            fail(409, "text_gone", _("This text is no longer in the app."))
        _invalid("msgid", _("This text is not in the app."))
    return ui_text


def check_suggestion_limit(user) -> None:
    check_per_person(user, WordingSuggestion.created_at, [WordingSuggestion.author_id == user.id],
                     "WORDING_SUGGESTION_LIMITS", "too_many_suggestions",
                     _("You have suggested many wordings in a short time. Thank you! Please "
                       "wait a while before you suggest more."))


def suggest(user, data: dict) -> WordingSuggestion:
    ui_text = known_text(data["language"], data["msgid"])
    check_wording(ui_text, data["text"])
    if data["text"] == ui_text.current:
        _invalid("text", _("This is the same as the current wording."))
    check_suggestion_limit(user)
    suggestion = WordingSuggestion(author_id=user.id, language=data["language"],
                                   msgid=ui_text.msgid, current=ui_text.current,
                                   text=data["text"])
    db.session.add(suggestion)
    db.session.flush()
    return suggestion


def queue(languages: list[str], args: dict) -> dict:
    where = [WordingSuggestion.language.in_(languages),
             WordingSuggestion.status == SuggestionStatus(args["status"])]
    return keyset_page(select(WordingSuggestion).where(*where),
                       (WordingSuggestion.created_at, WordingSuggestion.id), args,
                       "wording-suggestions")


def decide(reviewer, suggestion: WordingSuggestion, data: dict) -> None:
    if suggestion.status != SuggestionStatus.PENDING:
        fail(409, "already_decided", _("Someone has already decided about this wording."))
    status = SuggestionStatus(data["status"])
    if status == SuggestionStatus.ACCEPTED:
        wording = data.get("text", suggestion.text)
        check_wording(known_text(suggestion.language, suggestion.msgid, status=409), wording)
        suggestion.text = wording
        if suggestion.author_id is not None:
            notify(ACCEPTED, [suggestion.author_id], suggestion_id=suggestion.id)
    suggestion.status = status
    suggestion.reviewer_id = reviewer.id
    suggestion.reviewed_at = utcnow()
    record(reviewer, f"wording.{status.value}", suggestion_id=suggestion.id,
           language=suggestion.language)


def reviewers() -> list[LanguageReviewer]:
    return list(db.session.scalars(select(LanguageReviewer).join(LanguageReviewer.user)
                                   .order_by(LanguageReviewer.language, User.username)))


def grant(admin, data: dict) -> LanguageReviewer:
    user = db.session.scalar(select(User).where(User.username == data["username"]))
    if user is None:
        _invalid("username", _("We could not find this username."))
    exists = db.session.scalar(select(LanguageReviewer).where(
        LanguageReviewer.user_id == user.id, LanguageReviewer.language == data["language"]))
    if exists:
        fail(409, "already_reviewer", _("This person already reviews this language."))
    reviewer = LanguageReviewer(user_id=user.id, language=data["language"],
                                granted_by_id=admin.id)
    db.session.add(reviewer)
    db.session.flush()
    record(admin, "wording.reviewer_grant", user.municipality_id, user_id=user.id,
           language=data["language"])
    return reviewer


def revoke(admin, reviewer_id: int) -> None:
    reviewer = db.session.get(LanguageReviewer, reviewer_id)
    if reviewer is None:
        fail(404)
    record(admin, "wording.reviewer_revoke", reviewer.user.municipality_id,
           user_id=reviewer.user_id, language=reviewer.language)
    db.session.delete(reviewer)
