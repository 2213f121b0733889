"""Browser tests: the built PWA and the real API served on a loopback port, driven by
Debian's Chromium at phone size (see pwa/README-pwa.md for the fixtures)."""

import os
from pathlib import Path

import pytest

from tests.browser.live import live_server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (a `pytestmark` in a conftest is ignored),
    so `-m "not browser"` leaves them all out and `-m browser` takes them all."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_app():
    """On PostgreSQL too when TEST_DATABASE_URL is set (its own database, dropped after)."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        with live_server() as live:
            yield live
        return
    from tests.conftest import _create_postgres_database

    url, drop = _create_postgres_database(base)
    try:
        with live_server(url) as live:
            yield live
    finally:
        drop()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def login_in_page(page, username: str, password: str) -> None:
    status = page.evaluate(
        """async ([username, password]) => (await fetch('/api/v1/auth/login', {method: 'POST',
             headers: {'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
             body: JSON.stringify({username, password})})).status""", [username, password])
    assert status == 200, f"login as {username}: {status}"
    page.evaluate("localStorage.setItem('meedoen.session', '1')")


def set_language(page, lang: str) -> None:
    """As the settings screen does: stored on the device and in the profile."""
    page.evaluate("""async (lang) => { localStorage.setItem('meedoen.lang', lang);
        await fetch('/api/v1/me', {method: 'PATCH', headers: {'Content-Type': 'application/json',
          'X-Requested-With': 'fetch'}, body: JSON.stringify({ui_language: lang})}); }""", lang)


@pytest.fixture
def phone(browser, live_app):
    """phone(lang="ar", user="demo-youth-ar") → a page at 360×740, logged in if user is given.

    Logging in sets the user's profile language to ``lang``; it is put back after the test,
    so a later test finds the demo users as the demo made them."""
    contexts, languages = [], {}

    def open_phone(lang: str = "nl", user: str | None = None, path: str = "/"):
        context = browser.new_context(viewport=PHONE, base_url=live_app.url, locale=lang,
                                      service_workers="allow")
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto("/welcome")
        page.evaluate("(lang) => localStorage.setItem('meedoen.lang', lang)", lang)
        if user:
            login_in_page(page, user, live_app.password)
            languages.setdefault(user, _profile_language(live_app, user))
            set_language(page, lang)
        page.goto(path)
        page.wait_for_selector("h1")
        return page

    yield open_phone
    for context in contexts:
        context.close()
    for user, language in languages.items():
        _set_profile_language(live_app, user, language)


def _profile_language(live_app, username: str) -> str | None:
    from meedoen.auth.models import User
    from meedoen.extensions import db
    from sqlalchemy import select

    with live_app.app.app_context():
        return db.session.scalar(select(User.ui_language).where(User.username == username))


def _set_profile_language(live_app, username: str, language: str | None) -> None:
    from meedoen.auth.models import User
    from meedoen.extensions import db
    from sqlalchemy import update

    with live_app.app.app_context():
        db.session.execute(update(User).where(User.username == username)
                           .values(ui_language=language))
        db.session.commit()


def wait_idle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.locator(".loading").first.wait_for(state="detached")


def check_axe(page, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    wait_idle(page)
    results = Axe().run(page)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def screenshot(page, name: str) -> Path:
    wait_idle(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


TAP_TARGETS = ("button, a.btn, a.tile, a.card, .chip, .bottom-nav a, .top-bar a, .back, "
               ".toggle-label, input:not([type=checkbox]), select, textarea, [role=tab]")


def check_tap_targets(page, name: str, minimum: int = 44) -> None:
    """Every control is at least 44×44 CSS px (WCAG 2.2 AAA size, our goal on phones)."""
    small = page.evaluate("""([selector, minimum]) => [...document.querySelectorAll(selector)]
        .filter((el) => el.offsetParent !== null && !el.closest('.sr-only'))
        .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < minimum || r.height < minimum)
        .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)""",
                          [TAP_TARGETS, minimum])
    assert small == [], f"{name}: tap targets under {minimum} px: {small}"
