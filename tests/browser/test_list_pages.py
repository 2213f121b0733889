"""Ideas, the support queue and the inbox page with the one pagination (issue 18 item 2):
the first page, the count the screen shows (ideas and requests: of the whole list; the
inbox: unread on the home screen), and "Show more" bringing every row once. Screenshots in
ar (right to left) and nl at 360x740. Everything added is removed again."""

import tempfile
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext, ngettext
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.core.pagination import DEFAULT_LIMIT
from meedoen.extensions import db
from meedoen.funds.models import RequestStatus, SupportRequest
from meedoen.funds.services import OPEN
from meedoen.ideas.models import Idea, IdeaStatus, IdeaText
from meedoen.notifications.models import InboxItem
from playwright.sync_api import expect
from sqlalchemy import delete, func, select

from .conftest import wait_idle
from .helpers import wait_for_service_worker

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots-list-pages"
IDEAS_SHOWN = 20  # IdeaList asks for 20 at a time


def user_named(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def worded(live_app, lang: str, msgid: str, plural: str | None = None, n: int = 0) -> str:
    with live_app.app.test_request_context(), force_locale(lang):
        return ngettext(msgid, plural, n).replace("{count}", str(n)) if plural else (
            gettext(msgid))


def shot(page, name: str) -> None:
    wait_idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def show_more_everything(page, live_app, lang: str, rows, expected: int, first: int,
                         name: str) -> None:
    expect(rows).to_have_count(first)
    shot(page, f"{lang}-{name}-top")
    more = page.get_by_role("button", name=worded(live_app, lang, "Show more"))
    more.scroll_into_view_if_needed()
    shot(page, f"{lang}-{name}")
    more.click()
    expect(more).to_have_count(0)
    expect(rows).to_have_count(expected)
    ids = rows.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert len(set(ids)) == len(ids) == expected
    if lang == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.errors == []


def rows_for_the_test(live_app, make, count=None):
    """A fixture's body: the rows make() returns exist while the test runs (it gets count(),
    or how many were made), and are deleted afterwards (an idea's texts first)."""
    with live_app.app.app_context():
        made = make(lambda username: db.session.scalar(
            select(User).where(User.username == username)))
        db.session.add_all(made)
        db.session.commit()
        model, ids = type(made[0]), [row.id for row in made]
        shown = count() if count else len(ids)
    yield shown
    with live_app.app.app_context():
        if model is Idea:
            db.session.execute(delete(IdeaText).where(IdeaText.idea_id.in_(ids)))
        db.session.execute(delete(model).where(model.id.in_(ids)))
        db.session.commit()


def _ideas(user_named):
    youth = user_named("demo-youth-ar")
    return [Idea(municipality_id=youth.municipality_id, author_id=youth.id, category="sport",
                 original_language="nl", status=IdeaStatus.NEW, created_at=utcnow(),
                 texts=[IdeaText(language="nl", title=f"Idee om te bladeren {n:02}",
                                 description="Meer dan een pagina")])
            for n in range(IDEAS_SHOWN + 5)]


@pytest.fixture
def many_ideas(live_app):
    yield from rows_for_the_test(live_app, _ideas)


def test_ideas_show_their_count_and_more(phone, live_app, many_ideas):
    for lang in ("ar", "nl"):
        page = phone(lang, "demo-youth-ar", "/ideas")
        total = page.evaluate("async () => (await (await fetch('/api/v1/ideas?limit=1')).json())"
                              ".total")
        assert total >= many_ideas
        count = worded(live_app, lang, "{count} idea", "{count} ideas", total)
        expect(page.get_by_role("status").filter(has_text=count)).to_be_visible()
        show_more_everything(page, live_app, lang, page.locator("a[data-idea]"), total,
                             IDEAS_SHOWN, "ideas")


def _requests(user_named):
    youth = user_named("demo-youth")
    return [SupportRequest(municipality_id=youth.municipality_id, youth_id=youth.id,
                           category="sport", club=f"Club {n:02}", cost_cents=1000,
                           cost_period="year", age=17, status=RequestStatus.NEW)
            for n in range(DEFAULT_LIMIT + 3)]


@pytest.fixture
def long_queue(live_app):
    def open_here():
        youth = user_named("demo-youth")
        return db.session.scalar(select(func.count()).select_from(SupportRequest).where(
            SupportRequest.municipality_id == youth.municipality_id,
            SupportRequest.status.in_(OPEN)))

    yield from rows_for_the_test(live_app, _requests, open_here)


def test_the_support_queue_shows_its_count_and_more(phone, live_app, long_queue):
    for lang in ("ar", "nl"):
        page = phone(lang, "demo-worker", "/support")
        count = worded(live_app, lang, "{count} request, oldest first",
                       "{count} requests, oldest first", long_queue)
        expect(page.get_by_role("status").filter(has_text=count)).to_be_visible()
        show_more_everything(page, live_app, lang, page.locator("a[data-request]"), long_queue,
                             DEFAULT_LIMIT, "queue")


def _messages(user_named):
    youth = user_named("demo-youth-ar")
    return [InboxItem(user_id=youth.id, kind="message", lang="ar", topic="message",
                      title=f"رسالة {n:02}", body="نص الرسالة") for n in range(DEFAULT_LIMIT + 2)]


@pytest.fixture
def full_inbox(live_app):
    def all_mine():
        youth = user_named("demo-youth-ar")
        return db.session.scalar(select(func.count()).select_from(InboxItem)
                                 .where(InboxItem.user_id == youth.id))

    yield from rows_for_the_test(live_app, _messages, all_mine)


def test_the_inbox_shows_more(phone, live_app, full_inbox):
    for lang in ("ar", "nl"):
        page = phone(lang, "demo-youth-ar", "/inbox")
        rows = page.locator("ul.card-list a.card")
        show_more_everything(page, live_app, lang, rows, full_inbox, DEFAULT_LIMIT, "inbox")
    far = rows.last  # beyond the first page: the message screen opens it by itself
    title = far.locator("h2").inner_text().split("\n")[0].strip()  # without "(new)"
    far.click()
    expect(page.locator("h1")).to_have_text(title)


def test_offline_a_message_opens_from_the_saved_inbox(phone, live_app, full_inbox):
    page = phone("ar", "demo-youth-ar", "/inbox")
    wait_for_service_worker(page)
    page.reload()
    page.wait_for_selector("ul.card-list a.card")
    page.wait_for_load_state("networkidle")  # the first page is saved
    second = page.locator("ul.card-list a.card").nth(1)
    href = second.get_attribute("href")
    title = second.locator("h2").inner_text().split("\n")[0].strip()
    page.context.set_offline(True)
    page.goto(href)
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".note-offline")).to_have_count(1)
    page.context.set_offline(False)
