"""A young person's phone never downloads staff code (issue 18 item 7): the JavaScript it loads
on first load and on the screens it uses holds none of the words only staff screens use; a
member of staff gets the staff forms under an idea from their own lazy chunk."""

import re

import pytest
from meedoen.extensions import db
from meedoen.ideas.models import IdeaText
from sqlalchemy import select

from tests.browser.live import ROOT

from .conftest import screenshot

pytestmark = pytest.mark.browser

SRC = ROOT / "pwa" / "src"
CALL = re.compile(r'\btn?\(\s*"((?:[^"\\]|\\.)*)"')
# Screens and parts only staff load (their routes exclude youth, or IdeaDetail loads them for
# staff only).
STAFF_ONLY = [*sorted((SRC / "staff").glob("*.jsx")), *sorted((SRC / "notify").glob("*.jsx")),
              SRC / "ideas" / "StaffPanels.jsx", SRC / "ui" / "MachineTranslation.jsx"]


def msgids(path) -> set[str]:
    return {m.encode().decode("unicode_escape") for m in CALL.findall(path.read_text("utf-8"))}


def staff_only_words() -> set[str]:
    staff = set().union(*(msgids(p) for p in STAFF_ONLY))
    others = set().union(*(msgids(p) for p in SRC.rglob("*.js*") if p not in STAFF_ONLY))
    return staff - others


def holds(body: str, word: str) -> bool:
    """The word as a string literal in built code (the minifier writes `…`, "…" or '…')."""
    return any(f"{quote}{word}{quote}" in body for quote in "`\"'")


def scripts_loaded(page, visit) -> dict[str, str]:
    bodies = {}

    def keep(response):
        if response.request.resource_type == "script" and response.ok:
            bodies[response.url] = response.text()
    page.on("response", keep)
    visit()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", keep)
    return bodies


def idea_with_title(live_app, title: str) -> int:
    with live_app.app.app_context():
        return db.session.scalar(select(IdeaText.idea_id).where(IdeaText.title == title))


def test_youth_load_no_staff_code_and_staff_get_their_forms(phone, browser, live_app):
    words = staff_only_words()
    assert {"Publish the answer", "Hide this idea", "Add a translation"} <= words

    first = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_app.url)
    page = first.new_page()
    loaded = scripts_loaded(page, lambda: page.goto("/welcome"))
    first.close()

    idea = idea_with_title(live_app, "حفلة الثقافات")
    tigrinya = idea_with_title(live_app, "ውድድር ኩዕሶ እግሪ ንኹሉ ኣባይቲ")
    youth = phone("ar", "demo-youth-ar", "/")
    for path in ("/", "/activities", "/ideas", f"/ideas/{idea}", "/help", "/inbox",
                 f"/ideas/{tigrinya}"):
        loaded |= scripts_loaded(youth, lambda path=path: youth.goto(path))
    youth.wait_for_selector("[data-fallback=ti]")  # LocalizedText: not yet in Arabic
    screenshot(youth, "idea-fallback-youth-ar")
    assert any("/IdeaDetail-" in url for url in loaded)
    leaked = {url: sorted(w for w in words if holds(body, w)) for url, body in loaded.items()}
    assert {url: found for url, found in leaked.items() if found} == {}

    staff = phone("nl", "demo-worker", "/")
    panels = scripts_loaded(staff, lambda: staff.goto(f"/ideas/{idea}"))
    staff.wait_for_selector("#answer-form")
    staff.wait_for_selector("#moderation")
    staff.locator("#answer-form").scroll_into_view_if_needed()
    screenshot(staff, "idea-staff-panels-nl")
    staff_chunks = [body for url, body in panels.items() if "/StaffPanels-" in url]
    assert staff_chunks and holds(staff_chunks[0], "Publish the answer")  # the check can see words
