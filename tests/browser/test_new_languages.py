"""The app in Sorani (right to left, with Sorani's own letters), Oromo and Dari at phone size:
the page says its language and direction, the texts come from the language's catalog, Sorani's
letters are drawn by a font that has them, no word sticks out of a button, axe finds nothing.
Screenshots go to /tmp/shots-languages/ to look at."""

import json
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, check_axe, check_tap_targets, wait_idle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(tempfile.gettempdir()) / "shots-languages"
SORANI_LETTERS = "ڕڵۆێە"
SCREENS = ["/", "/activities", "/activities/{activity}", "/help", "/settings"]
# Buttons, links that look like buttons, chips and tabs: their words must fit inside them.
CONTROLS = "button, a.btn, a.tile, .chip, .bottom-nav a, [role=tab]"


def catalog(lang: str) -> dict:
    """The PWA catalog the build made for this language."""
    folder = ROOT / "backend" / "meedoen" / "static" / "app" / "i18n"
    [path] = folder.glob(f"{lang}-*.json")
    return json.loads(path.read_text(encoding="utf-8"))["messages"]


def shot(page, name: str) -> None:
    wait_idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def clipped_controls(page) -> list[str]:
    """Controls whose text is wider or taller than the control (cut off or spilling out)."""
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter((el) => el.offsetParent !== null && el.innerText.trim())
        .filter((el) => el.scrollWidth > el.clientWidth + 1
                        || el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.innerText.trim()} (${el.scrollWidth}>${el.clientWidth})`)""",
                         CONTROLS)


def activity_id(page) -> int:
    return page.evaluate("""async () => (await (await fetch('/api/v1/activities?limit=1'))
        .json()).items[0].id""")


@pytest.mark.parametrize(("lang", "direction"), [("ckb", "rtl"), ("om", "ltr"), ("prs", "rtl")])
def test_the_app_in_a_new_language(phone, lang, direction):
    page = phone(lang, "demo-youth-ar", "/")
    messages = catalog(lang)
    ids = {"activity": activity_id(page)}
    for path in SCREENS:
        page.goto(path.format(**ids))
        page.wait_for_selector("h1")
        slug = path.strip("/").replace("/", "-").replace("{", "").replace("}", "")
        name = f"{lang}-{slug or 'home'}"
        shot(page, name)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
            lang, direction]
        assert clipped_controls(page) == [], name
        check_tap_targets(page, name)
        check_axe(page, name)
    page.goto("/settings")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == messages["Settings"]
    assert page.get_by_text(messages["Language of the app"]).count() >= 1
    assert page.errors == []


def test_sorani_letters_are_drawn_by_a_font_that_has_them(phone):
    page = phone("ckb", "demo-youth-ar", "/settings")
    page.wait_for_selector("h1")
    text = page.evaluate("document.body.innerText")
    assert {letter for letter in SORANI_LETTERS if letter in text} == set(SORANI_LETTERS)
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans Arabic"'), family
    assert page.evaluate("""async (letters) => { await document.fonts.ready;
        return document.fonts.check('16px "Noto Sans Arabic"', letters); }""", SORANI_LETTERS)
    # Each Sorani letter has a glyph: none is drawn as the same empty box as a missing one.
    widths = page.evaluate("""(letters) => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = '32px "Noto Sans Arabic"';
        return [...letters, '\\u{10FFFD}'].map((l) => c.measureText(l).width); }""",
                           SORANI_LETTERS)
    assert all(width > 0 for width in widths[:-1])
    assert not any(width == widths[-1] for width in widths[:-1]), widths


def test_the_language_picker_names_each_language_in_its_own_script(browser, live_app):
    context = browser.new_context(viewport=PHONE, base_url=live_app.url, locale="ckb")
    try:
        page = context.new_page()
        page.goto("/welcome")
        page.wait_for_selector(".lang-list")
        names = page.locator(".lang-list button").all_inner_texts()
        for name in ("کوردی (سۆرانی)", "دری", "Afaan Oromoo", "فارسی"):
            assert name in [n.strip() for n in names]
        sorani = page.locator(".lang-list button[lang=ckb]")
        assert sorani.get_attribute("dir") == "rtl"
        assert page.evaluate("document.documentElement.lang") == "ckb"  # the phone's language
        shot(page, "ckb-welcome-picker")
        page.locator(".lang-list button[lang=om]").click()
        expect(page.locator("html")).to_have_attribute("lang", "om")
        shot(page, "om-welcome")
        assert clipped_controls(page) == []
    finally:
        context.close()
