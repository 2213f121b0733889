"""The contact lists page with the one pagination (issue 18 item 2): staff see a page of
contacts, "Show more" brings the rest once each, and a search narrows the list; the young
person's "my people" and a topic's contacts keep their first page for when they are offline.
Screenshots in ar (right to left) and nl at 360x740 (under /tmp/shots-contacts-pages), with
axe-core and tap-target checks."""

import tempfile
from pathlib import Path

import pytest
from meedoen.auth.models import User
from meedoen.contacts.models import Contact, ContactKind
from meedoen.core.pagination import DEFAULT_LIMIT
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import delete, select

from .conftest import check_axe, check_tap_targets, wait_idle
from .helpers import tr, wait_for_service_worker

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots-contacts-pages"
EXTRA = DEFAULT_LIMIT + 3
PREFIX = "Gepagineerd contact"


@pytest.fixture
def many_contacts(live_app):
    """Enough contacts in demo-worker's municipality for two pages; removed afterwards."""
    with live_app.app.app_context():
        worker = db.session.scalar(select(User).where(User.username == "demo-worker"))
        for n in range(EXTRA):
            contact = Contact(kind=ContactKind.OTHER, name=f"{PREFIX} {n:02}",
                              municipality_id=worker.municipality_id)
            contact.languages, contact.topics = ["nl"], ["work"]
            db.session.add(contact)
        db.session.commit()
    yield
    with live_app.app.app_context():
        db.session.execute(delete(Contact).where(Contact.name.like(f"{PREFIX} %")))
        db.session.commit()


def shot(page, name: str) -> None:
    """A screenshot to look at; axe-core finds nothing and every control is big enough."""
    wait_idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    check_axe(page, name)
    check_tap_targets(page, name)


@pytest.mark.parametrize("lang", ["ar", "nl"])
def test_staff_contacts_show_more_and_search(phone, live_app, many_contacts, lang):
    page = phone(lang, "demo-worker", "/staff/contacts")
    cards = page.locator("li.card[data-contact]")
    expect(cards).to_have_count(DEFAULT_LIMIT)
    shot(page, f"staff-contacts-{lang}")
    more = page.get_by_role("button", name=tr(lang, "Show more"))
    more.click()
    expect(more).to_have_count(0)
    ids = cards.evaluate_all("(items) => items.map((item) => item.dataset.contact)")
    assert len(ids) == len(set(ids)) > DEFAULT_LIMIT
    assert page.locator(f"li.card:has-text('{PREFIX}')").count() == EXTRA

    page.get_by_role("searchbox").fill(f"{PREFIX} 07")
    page.get_by_role("searchbox").press("Enter")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(f"{PREFIX} 07")
    shot(page, f"staff-contacts-search-{lang}")
    assert page.errors == []


@pytest.mark.parametrize(("lang", "user"), [("ar", "demo-youth-ar"), ("nl", "demo-youth")])
def test_my_people_and_a_topic_are_there_offline(phone, lang, user):
    page = phone(lang, user, "/help/people")
    wait_for_service_worker(page)
    expect(page.locator("li.card.contact").first).to_be_visible()
    people = page.locator("li.card.contact").count()
    shot(page, f"my-people-{lang}")
    page.goto("/help/work")
    expect(page.locator("li.card.contact").first).to_be_visible()
    helpers = page.locator("li.card.contact").count()
    shot(page, f"topic-work-{lang}")

    page.context.set_offline(True)
    for path, count in (("/help/people", people), ("/help/work", helpers)):
        page.goto(path)
        page.wait_for_selector(".note-offline")
        expect(page.locator("li.card.contact")).to_have_count(count)
    page.context.set_offline(False)
    assert page.errors == []


@pytest.mark.parametrize("lang", ["ar", "nl"])
def test_coverage_picker_searches(phone, live_app, lang):
    page = phone(lang, "demo-mentor", "/staff/people")
    page.wait_for_selector("dl.stats dd[data-stat=total]")
    card = page.locator("li.card[data-youth]").first
    # The select shows "Choose a person" at once; the contacts come with their own request.
    expect(card.locator("select option").nth(1)).to_be_attached()
    shot(page, f"coverage-{lang}")
    with live_app.app.app_context():
        mentor = db.session.scalar(select(User).where(User.username == "demo-mentor"))
        name = db.session.scalar(select(Contact.name).where(
            Contact.municipality_id == mentor.municipality_id, Contact.kind == ContactKind.BUDDY)
            .order_by(Contact.id))
    card.get_by_role("searchbox").fill(name)
    card.get_by_role("searchbox").press("Enter")
    expect(card.locator("select option")).to_have_count(2)  # "Choose a person" and the one
    expect(card.locator("select option").nth(1)).to_contain_text(name)
    assert page.errors == []
