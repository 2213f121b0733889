"""The PWA's stores are signals (issue 18 item 7, pwa/README-pwa.md): logging in through the form
sets the user and their language; a language chosen in Settings redraws the whole app at once,
right to left for Arabic, without a reload; logging out forgets the user on this phone."""

import pytest
from meedoen.auth.models import User
from meedoen.extensions import db
from playwright.sync_api import expect

from .conftest import login_in_page, screenshot
from .helpers import new_youth, tr, user_id

pytestmark = pytest.mark.browser

USERNAME = "stores-youth"


def delete_youth(page, live_app) -> None:
    """Through the app, as the young person would (everything of theirs goes with it)."""
    login_in_page(page, USERNAME, live_app.password)
    status = page.evaluate("""async () => (await fetch('/api/v1/me', {method: 'DELETE',
        headers: {'X-Requested-With': 'fetch'}})).status""")
    assert status == 204
    assert user_id(live_app.app, USERNAME) is None


def expect_language(page, lang: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    expect(page.locator("h1")).to_have_text(tr(lang, "Settings"))
    nav = page.locator("nav.bottom-nav")
    expect(nav).to_have_attribute("aria-label", tr(lang, "Main menu"))
    expect(nav.locator("a[href='/activities']")).to_have_text(tr(lang, "Activities"))
    expect(page.locator("section[aria-labelledby=logout] button")).to_have_text(tr(lang, "Log out"))


def test_login_language_switch_and_logout(phone, live_app):
    new_youth(live_app, USERNAME, "ti", "Signals")
    page = phone("nl", None, "/login")
    try:
        page.fill("input[name=username]", USERNAME)
        page.fill("input[name=password]", live_app.password)
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: url.endswith("/"))
        # Signed in: the home screen for this user, in the language of their profile.
        expect(page.locator("html")).to_have_attribute("lang", "ti")
        expect(page.locator("nav.bottom-nav a[href='/help']")).to_be_visible()

        page.click("nav.bottom-nav a[href='/settings'], .top-bar a[href='/settings']")
        page.wait_for_url("**/settings")
        expect_language(page, "ti")
        page.evaluate("window.notReloaded = true")

        select = page.locator("section[aria-labelledby=language] select")
        select.select_option("ar")
        expect_language(page, "ar")
        expect(select).to_have_value("ar")
        screenshot(page, "stores-settings-after-switch-ar")

        page.click("nav.bottom-nav a[href='/activities']")
        expect(page.locator("h1")).to_have_text(tr("ar", "Activities"))
        screenshot(page, "stores-activities-after-switch-ar")
        page.go_back()

        select.select_option("ti")
        expect_language(page, "ti")
        screenshot(page, "stores-settings-after-switch-ti")
        assert page.evaluate("window.notReloaded") is True  # redrawn, not loaded again
        with live_app.app.app_context():
            assert db.session.get(User, user_id(live_app.app, USERNAME)).ui_language == "ti"

        page.locator("section[aria-labelledby=logout] button").click()
        page.wait_for_url("**/welcome")
        assert page.evaluate("localStorage.getItem('meedoen.session')") is None
        expect(page.locator("nav.bottom-nav")).to_have_count(0)
        page.goto("/settings")  # logged out: back to the start
        page.wait_for_url("**/welcome")
        expect(page.locator("html")).to_have_attribute("lang", "ti")  # the phone keeps its language
        assert page.errors == []
    finally:
        delete_youth(page, live_app)
