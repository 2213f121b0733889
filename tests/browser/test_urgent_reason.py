"""The compose screen asks why an urgent message cannot wait (issue 13): the field appears when
urgent is ticked, the server's refusal of an empty reason shows at the field, and with a reason the
message goes out. Screenshots at 360x740 in Arabic (RTL), Tigrinya and Somali."""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import wait_idle

SHOTS = Path("/tmp/shots")  # noqa: S108  (where the team looks at screenshots)
LABEL = {"nl": "Waarom kan dit niet wachten?", "ar": "لماذا لا يمكن أن ينتظر هذا؟",
         "ti": "እዚ ስለምንታይ ክጽበ ኣይክእልን?", "so": "Maxay tani u sugi kari weyday?"}


@pytest.mark.parametrize("lang", ["ar", "ti", "so", "nl"])
def test_urgent_asks_for_a_reason(phone, live_app, monkeypatch, lang):
    # The demo worker sends one urgent message per language here (3 a day by default).
    monkeypatch.setitem(live_app.app.config, "URGENT_NOTIFICATION_LIMITS", "50 per day")
    page = phone(lang, "demo-worker", "/notify/new")
    wait_idle(page)
    assert page.get_by_label(LABEL[lang]).count() == 0  # only when urgent is ticked
    page.locator("form input[type=text], form input:not([type])").first.fill("Geen training")
    page.locator("form textarea").first.fill("Het veld is dicht.")
    page.locator(".toggle-label").last.click()
    reason = page.get_by_label(LABEL[lang])
    reason.wait_for()
    page.locator("button[type=submit]").click()
    page.locator("input[aria-invalid=true]").first.wait_for()  # the server's answer, at the field
    assert reason.get_attribute("aria-invalid") == "true"
    reason.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lang}-compose-urgent-reason.png"))
    reason.fill("Het veld is vanavond afgesloten.")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/notify/\d+$"))
    assert page.errors == []
