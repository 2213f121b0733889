"""Settings: the three choices of who sees a young person's name, at phone size in Arabic
(RTL), Tigrinya and Somali (long words); each saved on its own. Screenshots go to
tests/screenshots and /tmp/shots."""

import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import check_axe, check_tap_targets, screenshot, wait_idle

SHOTS = Path("/tmp/shots")  # noqa: S108  (where the team looks at screenshots)
SECTION = "section[aria-labelledby=name-choices]"
CHOICES = ["show_as_going", "show_name_on_ideas", "show_name_as_supporter"]


def _me(page) -> dict:
    return page.evaluate("async () => (await fetch('/api/v1/me')).json()")


@pytest.mark.parametrize("lang", ["ar", "ti", "so"])
def test_name_choices_in_settings(phone, lang):
    page = phone(lang, "demo-youth-so" if lang == "so" else
                 {"ar": "demo-youth-ar", "ti": "demo-youth"}[lang], "/settings")
    page.evaluate("""async () => fetch('/api/v1/me', {method: 'PATCH', headers: {
        'Content-Type': 'application/json', 'X-Requested-With': 'fetch'},
        body: JSON.stringify({show_as_going: false, show_name_on_ideas: false,
                              show_name_as_supporter: false})})""")
    page.reload()
    page.wait_for_selector("h1")
    section = page.locator(SECTION)
    toggles = section.locator("input[type=checkbox]")
    assert toggles.count() == 3
    assert [toggles.nth(i).is_checked() for i in range(3)] == [False] * 3
    section.scroll_into_view_if_needed()
    page.evaluate("document.getElementById('name-choices').scrollIntoView()")
    wait_idle(page)
    path = screenshot(page, f"{lang}-youth-settings-name-choices")
    SHOTS.mkdir(exist_ok=True)
    shutil.copy(path, SHOTS / path.name)
    check_axe(page, f"{lang}-settings-name-choices")
    check_tap_targets(page, f"{lang}-settings-name-choices")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # Turning on "my name on ideas I propose" changes only that choice.
    section.locator(".toggle-label").nth(1).click()
    for _ in range(50):  # the PATCH is on its way
        me = _me(page)
        if me["show_name_on_ideas"]:
            break
        page.wait_for_timeout(100)
    assert [me[c] for c in CHOICES] == [False, True, False]
    page.reload()
    page.wait_for_selector(SECTION)
    assert page.locator(f"{SECTION} input[type=checkbox]").nth(1).is_checked()
    assert page.errors == []
