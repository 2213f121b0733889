"""The home screen and the top bar on a 360 px phone: the money-for-a-club tile only for the
people who use it (a young person asks; intermediaries have their queue), and the top bar on
one row in the languages with the longest labels."""

import pytest
from meedoen.auth.models import User
from meedoen.extensions import db
from meedoen.funds.models import Intermediary
from playwright.sync_api import expect
from sqlalchemy import select

from .conftest import check_axe, check_tap_targets, screenshot, wait_idle

pytestmark = pytest.mark.browser

SUPPORT_TILE = "a.tile[href='/support']"


def support_tiles(page) -> list[str]:
    wait_idle(page)
    return page.locator(SUPPORT_TILE).all_inner_texts()


def test_the_support_tile_only_for_youth_and_intermediaries(phone, live_app):
    youth = phone("nl", "demo-youth-so", "/")
    expect(youth.locator(SUPPORT_TILE)).to_have_text("Geld voor een club")
    worker = phone("nl", "demo-worker", "/")
    expect(worker.locator(f"section[aria-labelledby=work] {SUPPORT_TILE}")).to_be_visible()
    for username in ("demo-mentor", "demo-contact"):
        assert support_tiles(phone("nl", username, "/")) == [], username

    # A mentor an admin marked as an intermediary has the queue on the home screen.
    with live_app.app.app_context():
        mentor_id = db.session.scalar(select(User.id).where(User.username == "demo-mentor"))
        db.session.add(Intermediary(user_id=mentor_id))
        db.session.commit()
    try:
        mentor = phone("nl", "demo-mentor", "/")
        expect(mentor.locator(f"section[aria-labelledby=work] {SUPPORT_TILE}")).to_be_visible()
        mentor.locator(SUPPORT_TILE).click()
        expect(mentor.locator("[data-filter=open]")).to_be_visible()
        assert mentor.errors == []
    finally:
        with live_app.app.app_context():
            db.session.delete(db.session.get(Intermediary, mentor_id))
            db.session.commit()
    assert youth.errors == [] and worker.errors == []


ONE_ROW = """() => {
    const bar = document.querySelector('.top-bar');
    const boxes = [...bar.children].map((child) => child.getBoundingClientRect());
    return {height: bar.getBoundingClientRect().height,
            oneRow: Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)),
            sideways: document.documentElement.scrollWidth - window.innerWidth};
}"""


@pytest.mark.parametrize("lang", ["ti", "am", "om", "nl", "ar"])
@pytest.mark.parametrize("username", ["demo-youth", "demo-mentor"])
def test_the_top_bar_keeps_one_row_on_a_360_px_phone(phone, lang, username):
    """The brand, check-in and settings side by side (they wrapped onto two rows in ti, om,
    nl and ar): the links have their icon above a small label, as in the bottom bar."""
    page = phone(lang, username, "/")
    expect(page.locator(".top-bar .top-link")).to_have_count(2)
    wait_idle(page)
    bar = page.evaluate(ONE_ROW)
    assert bar["oneRow"] and bar["height"] <= 72 and bar["sideways"] <= 0, (lang, bar)
    check_tap_targets(page, f"{lang}-{username}-top-bar")
    check_axe(page, f"{lang}-{username}-home")  # the small labels keep their contrast
    screenshot(page, f"{lang}-{username}-home-top-bar")
    assert page.errors == []
