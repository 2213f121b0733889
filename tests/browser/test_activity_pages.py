"""The activity list on the one pagination (issue 18): Activities shows 20, "Show more" brings
the next page once (every activity once), and offline the first page is shown from the
phone with its note. Screenshots in ar (right to left) and nl at 360x740."""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from meedoen.activities.models import Activity, ActivityText
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.places.models import Location, LocationKind, Municipality
from playwright.sync_api import expect
from sqlalchemy import delete, select

from tests.activities.helpers import make_activity
from tests.factories import Factory

from .helpers import show_every_page, tr, wait_for_service_worker

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))  # noqa: S108  (team rule)
PAGE = 20
VENUE = "Paginahal"
SLUG = "paginadorp"  # the municipality this test adds, removed after it
EXTRA = PAGE + 6


def _remove_town(slug: str) -> None:
    town = db.session.scalar(select(Municipality).where(Municipality.slug == slug))
    if town is None:
        return
    ids = select(Activity.id).where(Activity.municipality_id == town.id)
    db.session.execute(delete(ActivityText).where(ActivityText.activity_id.in_(ids)))
    db.session.execute(delete(Activity).where(Activity.municipality_id == town.id))
    db.session.execute(delete(User).where(User.municipality_id == town.id))
    db.session.execute(delete(Location).where(Location.municipality_id == town.id))
    db.session.execute(delete(Municipality).where(Municipality.id == town.id))
    db.session.commit()


@pytest.fixture
def paged_town(live_app):
    """A youth per language in a municipality of their own, with more activities than a page
    (all removed after the test: the live app is shared)."""
    with live_app.app.app_context():
        _remove_town(SLUG)
        town = Municipality(name="Paginadorp", slug=SLUG)
        town.locations = [Location(name="Paginahuis", kind=LocationKind.KWE)]
        db.session.add(town)
        db.session.commit()
        start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        for n in range(EXTRA):
            make_activity(town, {"nl": (f"Zwemmen {n:02}", ""), "ar": (f"سباحة {n:02}", "")},
                          starts_at=start + timedelta(days=2, hours=n), venue_name=VENUE,
                          languages=["nl", "ar"])
        for lang in ("ar", "nl"):
            Factory().user("youth", town, password=live_app.password,
                           username=f"paged-youth-{lang}", ui_language=lang, languages=[lang])
    try:
        yield
    finally:
        with live_app.app.app_context():
            _remove_town(SLUG)


@pytest.mark.parametrize("lang", ["ar", "nl"])
def test_show_more_and_the_first_page_offline(phone, live_app, paged_town, lang):
    page = phone(lang, f"paged-youth-{lang}", "/activities")
    wait_for_service_worker(page)
    cards = page.locator("ul.card-list a.card")
    more = page.get_by_role("button", name=tr(lang, "Show more"))
    show_every_page(page, cards, more, PAGE, EXTRA, SHOTS / f"activities-show-more-{lang}.png")
    hrefs = cards.evaluate_all("(cards) => cards.map((a) => a.getAttribute('href'))")
    assert len(set(hrefs)) == EXTRA
    titles = cards.locator("h2").all_inner_texts()
    expected = "سباحة" if lang == "ar" else "Zwemmen"
    assert titles == [f"{expected} {n:02}" for n in range(EXTRA)]  # in time order
    if lang == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"

    # Offline: the first page is shown from the phone, with the note.
    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector(".note-offline")
    expect(cards).to_have_count(PAGE)
    page.screenshot(path=str(SHOTS / f"activities-offline-{lang}.png"))
    page.context.set_offline(False)
    assert page.errors == []
