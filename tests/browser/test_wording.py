"""Suggest a better wording (issue 17): a Tigrinya-speaking young person suggests a wording of
the screen they are on, the admin makes a youth worker the Tigrinya reviewer, the reviewer
accepts it, the young person is thanked, and after `flask translations import` (into a COPY
of the catalogs) and a recompile of the PWA catalog the app shows the new wording.
Screenshots at 360×740 in Tigrinya and Arabic (right to left)."""

import json
import shutil
import subprocess

import pytest
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.dispatch import handle_pending_events
from meedoen.wording.models import SuggestionStatus, WordingSuggestion
from playwright.sync_api import expect
from sqlalchemy import select

from .conftest import PHONE, ROOT, check_tap_targets, login_in_page, screenshot
from .helpers import tr

pytestmark = pytest.mark.browser
NEW_WORDING = "ሓሳባትና"  # "Ideas" → "our ideas"


def open_suggestions(page, lang: str):
    page.goto("/ideas")
    expect(page.locator("h1")).to_have_text(tr(lang, "Ideas"))
    entry = page.get_by_role("button", name=tr(lang, "Suggest a better wording"))
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(entry).to_be_in_viewport()
    screenshot(page, f"wording-footer-{lang}")
    entry.click()
    expect(page.locator("h1")).to_have_text(tr(lang, "Suggest a better wording"))
    return page.locator('[data-msgid="Ideas"]')


def test_suggest_review_import_and_see_it(phone, browser, live_app, tmp_path):
    youth = phone("ti", user="demo-youth")
    item = open_suggestions(youth, "ti")
    expect(item.locator(".wording-current")).to_have_text(tr("ti", "Ideas"))
    item.get_by_label(tr("ti", "Better wording")).fill(NEW_WORDING)
    item.get_by_role("button", name=tr("ti", "Send")).click()
    expect(item.get_by_role("status")).to_have_text(
        tr("ti", "Thank you! A reviewer who speaks your language will look at it."))
    screenshot(youth, "wording-suggest-ti")

    amal = phone("ar", user="demo-youth-ar")
    open_suggestions(amal, "ar")
    assert amal.evaluate("document.documentElement.dir") == "rtl"
    check_tap_targets(amal, "wording-suggest-ar")
    screenshot(amal, "wording-suggest-ar")

    admin = phone("ar", user="demo-admin", path="/wording/reviewers")
    admin.get_by_label(tr("ar", "Username")).fill("demo-worker")
    admin.get_by_label(tr("ar", "Language")).select_option("ti")
    admin.get_by_role("button", name=tr("ar", "Make reviewer")).click()
    expect(admin.locator("[data-reviewer]", has_text="demo-worker")).to_be_visible()
    screenshot(admin, "wording-reviewers-ar")

    reviewer = phone("ti", user="demo-worker", path="/wording/review")
    (suggestion_id,) = _pending_ids(live_app)
    card = reviewer.locator(f'[data-suggestion="{suggestion_id}"]')
    expect(card.get_by_label(tr("ti", "Suggested wording"))).to_have_value(NEW_WORDING)
    screenshot(reviewer, "wording-review-ti")
    card.get_by_role("button", name=tr("ti", "Accept")).click()
    expect(reviewer.get_by_role("status")).to_have_text(
        tr("ti", "Accepted. It will be in the app after the next update."))

    _deliver_events(live_app)
    titles = youth.evaluate("""async () => (await (await fetch('/api/v1/inbox?lang=ti',
        {headers: {'X-Requested-With': 'fetch'}})).json()).items.map((i) => i.title)""")
    assert _translated("ti", "Thank you for your better wording") in titles

    catalogs = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", catalogs, ignore=shutil.ignore_patterns(".lock"))
    result = live_app.app.test_cli_runner().invoke(
        args=["translations", "import", "--dir", str(catalogs)])
    assert "ti: 1 imported" in result.output, result.output
    recompiled = _recompiled_pwa_catalog(catalogs, "ti")
    assert recompiled["messages"]["Ideas"] == NEW_WORDING

    context = browser.new_context(viewport=PHONE, base_url=live_app.url, locale="ti",
                                  service_workers="block")
    try:
        page = context.new_page()
        page.route("**/i18n/ti-*.json", lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(recompiled)))
        page.goto("/welcome")
        page.evaluate("localStorage.setItem('meedoen.lang', 'ti')")
        login_in_page(page, "demo-youth", live_app.password)
        page.goto("/ideas")
        expect(page.locator("h1")).to_have_text(NEW_WORDING)
        screenshot(page, "wording-imported-ti")
    finally:
        context.close()


def _pending_ids(live_app) -> list[int]:
    with live_app.app.app_context():
        return list(db.session.scalars(select(WordingSuggestion.id).where(
            WordingSuggestion.status == SuggestionStatus.PENDING,
            WordingSuggestion.language == "ti")))


def _deliver_events(live_app) -> None:
    with live_app.app.app_context():
        handle_pending_events(utcnow())


def _translated(lang: str, msgid: str) -> str:
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f).get(msgid).string


def _recompiled_pwa_catalog(catalogs, lang: str) -> dict:
    """What `npm run build` makes of the catalogs (pwa/vite/catalogs.js), for one language."""
    script = ("import { buildCatalogs } from './pwa/vite/catalogs.js';"
              "process.stdout.write(buildCatalogs(process.argv[1], 'pwa/src')"
              f"[{json.dumps(lang)}].json);")
    done = subprocess.run(["node", "--input-type=module", "-e", script, str(catalogs)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
