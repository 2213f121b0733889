"""The first load's JavaScript and CSS stay within the budget (pwa/README-pwa.md: 60 KB gzip):
what the built index.html loads before any screen (its script, module preloads and style
sheets). Screens, staff parts and catalogs are lazy and not counted here."""

import gzip
import re

import pytest

from tests.browser.live import DIST

pytestmark = pytest.mark.browser

BUDGET_KB = 60
ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="/?(assets/[^"]+\.(?:js|css))"')


def test_first_load_javascript_and_css_fit_the_budget(live_app):
    html = (DIST / "index.html").read_text(encoding="utf-8")
    assets = ASSET.findall(html)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    sizes = {a: len(gzip.compress((DIST / a).read_bytes(), 9)) for a in assets}
    total_kb = sum(sizes.values()) / 1024
    print(f"first load: {total_kb:.1f} KB gzip", sizes)
    assert total_kb <= BUDGET_KB, sizes
