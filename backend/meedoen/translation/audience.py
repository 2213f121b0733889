"""Which languages a text should be readable in: those the people of its municipality use."""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import select, union

from meedoen.auth.models import Role, User, UserLanguage
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.core.languages import base as language_of
from meedoen.extensions import db

_memo: ContextVar[dict | None] = ContextVar("community_languages", default=None)


def community_languages(municipality_id: int | None) -> set[str]:
    """The app languages of everyone active there, and the languages young people say they
    speak, among the shipped ones. ``None`` (a national text): the whole country's.
    Asked once per municipality within a batch of background work (``remembered``)."""
    memo = _memo.get()
    if memo is not None and municipality_id in memo:
        return memo[municipality_id]
    languages = _community_languages(municipality_id)
    if memo is not None:
        memo[municipality_id] = languages
    return languages


@contextmanager
def remembered():
    """Within this block each municipality's languages are asked once."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _community_languages(municipality_id: int | None) -> set[str]:
    users = select(User.id).where(User.is_active_account)
    if municipality_id is not None:
        users = users.where(User.municipality_id == municipality_id)
    app_languages = select(User.ui_language.label("code")).where(User.id.in_(users))
    spoken = (select(UserLanguage.code.label("code"))
              .join(User, User.id == UserLanguage.user_id)
              .where(User.id.in_(users), User.role == Role.YOUTH))
    codes = db.session.scalars(select(union(app_languages, spoken).subquery().c.code))
    return {base(code) for code in codes} & set(SHIPPED_LANGUAGES)


def app_languages(user_ids: Iterable[int]) -> set[str]:
    """The app languages of these people (those who can still log in), among the shipped
    ones: who a conversation's message should be readable for."""
    ids = [user_id for user_id in user_ids if user_id is not None]
    if not ids:
        return set()
    codes = db.session.scalars(select(User.ui_language).where(User.id.in_(ids),
                                                              User.is_active_account))
    return {base(code) for code in codes if code} & set(SHIPPED_LANGUAGES)


def base(code: str) -> str:
    """The language whose translation the speaker of ``code`` reads (fa_AF, Dari: prs)."""
    return language_of(code)
