"""One pagination (issue 18) in the PWA: a paged list shows its first page and "Show more"
brings the next one (pwa/src/lib/pages.js). The admin's Funds screen lists mentors and
contacts to switch on as helpers; the reviewers' queue of wordings. With more than one
page, every row shows up once after "Show more". Screenshots in ar (right to left) and nl
at 360x740."""

import tempfile
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext
from meedoen.auth.models import Role, User
from meedoen.core.pagination import DEFAULT_LIMIT
from meedoen.extensions import db
from meedoen.wording.models import LanguageReviewer, WordingSuggestion
from sqlalchemy import delete, func, select

from .helpers import show_every_page

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots-pagination"
EXTRA_MENTORS = DEFAULT_LIMIT + 5


def add_mentors(live_app) -> int:
    """Enough mentors for two pages; they never log in (a hash of nothing real)."""
    with live_app.app.app_context():
        admin = db.session.scalar(select(User).where(User.username == "demo-admin"))
        for n in range(EXTRA_MENTORS):
            mentor = User(username=f"paged-mentor-{n:02}", role=Role.MENTOR,
                          display_name=f"Mentor {n:02}", ui_language="nl",
                          municipality_id=admin.municipality_id, password_hash="!")
            mentor.languages = ["nl"]
            db.session.add(mentor)
        db.session.commit()
        return db.session.scalar(select(func.count()).select_from(User)
                                 .where(User.role == Role.MENTOR))


def show_more(live_app, lang: str) -> str:
    with live_app.app.test_request_context(), force_locale(lang):
        return gettext("Show more")


def test_show_more_brings_every_mentor_once(phone, live_app):
    mentors = add_mentors(live_app)
    for lang in ("ar", "nl"):
        page = phone(lang, "demo-admin", "/support/funds")
        listed = page.locator("[data-helpers=mentor] li[data-helper]")
        more = page.locator("[data-helpers=mentor] button", has_text=show_more(live_app, lang))
        show_every_page(page, listed, more, DEFAULT_LIMIT, mentors,
                        SHOTS / f"{lang}-show-more.png")
        ids = listed.evaluate_all("(items) => items.map((li) => li.dataset.helper)")
        assert len(set(ids)) == len(ids) == mentors
        if lang == "ar":
            assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.errors == []


def add_arabic_suggestions(live_app) -> int:
    """demo-admin reviews Arabic; more suggestions wait than one page holds."""
    with live_app.app.app_context():
        admin = db.session.scalar(select(User).where(User.username == "demo-admin"))
        db.session.add(LanguageReviewer(user_id=admin.id, language="ar"))
        for n in range(EXTRA_MENTORS):
            db.session.add(WordingSuggestion(author_id=None, language="ar", msgid="Ideas",
                                             current="أفكار", text=f"أفكارنا {n}"))
        db.session.commit()
        return db.session.scalar(select(func.count()).select_from(WordingSuggestion)
                                 .where(WordingSuggestion.language == "ar",
                                        WordingSuggestion.status == "pending"))


def remove_arabic_suggestions(live_app) -> None:
    """The live app is shared by every browser test: leave no reviewer or queue behind."""
    with live_app.app.app_context():
        db.session.execute(delete(WordingSuggestion).where(WordingSuggestion.language == "ar"))
        db.session.execute(delete(LanguageReviewer).where(LanguageReviewer.language == "ar"))
        db.session.commit()


@pytest.fixture
def arabic_suggestions(live_app):
    yield add_arabic_suggestions(live_app)
    remove_arabic_suggestions(live_app)


def test_the_review_queue_shows_more(phone, live_app, arabic_suggestions):
    waiting = arabic_suggestions
    page = phone("ar", "demo-admin", "/wording/review")
    listed = page.locator("li[data-suggestion]")
    more = page.get_by_role("button", name=show_more(live_app, "ar"))
    show_every_page(page, listed, more, DEFAULT_LIMIT, waiting, SHOTS / "ar-review-show-more.png")
    ids = listed.evaluate_all("(items) => items.map((li) => li.dataset.suggestion)")
    assert len(set(ids)) == len(ids) == waiting
    assert page.errors == []
