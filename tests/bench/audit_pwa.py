"""Lighthouse 12.2.3 (npm) with Debian's Chromium on the built PWA, mobile settings.

Serves the real app (built PWA + API, fresh SQLite database, demo data) on a loopback port,
audits the first screen a new young person sees, prints the scores and the bytes transferred
on first load; the last line is one JSON object:
{"bench": "pwa", "performance": …, "accessibility": …, "best_practices": …, "first_load_kb_gz": …}
Goals: performance ≥ 95, accessibility 100, best practices 100, first load ≤ 60 KB.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp(prefix="meedoen-audit-"))

from tests.browser.live import live_server  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices")


def run_lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
                    "--screenEmulation.mobile", "--throttling-method=simulate",
                    f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env=env, cwd=ROOT, timeout=300)
    return json.loads(out.read_text())


def first_load(report: dict) -> dict:
    requests = report["audits"]["network-requests"]["details"]["items"]
    by_type: dict[str, int] = {}
    for item in requests:
        kind = item.get("resourceType") or "Other"
        by_type[kind] = by_type.get(kind, 0) + int(item.get("transferSize") or 0)
    return by_type


def main() -> None:
    with live_server() as live, tempfile.TemporaryDirectory() as tmp:
        out = Path(os.environ.get("LIGHTHOUSE_REPORT") or Path(tmp) / "report.json")
        report = run_lighthouse(f"{live.url}/welcome", out)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    by_type = first_load(report)
    js_css = by_type.get("Script", 0) + by_type.get("Stylesheet", 0)
    for name, score in scores.items():
        print(f"{name:>15}: {score}")
    for kind, size in sorted(by_type.items()):
        print(f"{kind:>15}: {size / 1024:.1f} KB transferred")
    print(f"{'JS + CSS':>15}: {js_css / 1024:.1f} KB transferred (gzip) on first load")
    for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                  "cumulative-layout-shift", "speed-index"):
        print(f"{audit:>28}: {report['audits'][audit]['displayValue']}")
    failed = [a["id"] for a in report["audits"].values()
              if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in
              ("binary", "numeric") and a["id"] in _category_audits(report)]
    if failed:
        print("not at 100:", ", ".join(sorted(failed)))
    print(json.dumps({"bench": "pwa", "performance": scores["performance"],
                      "accessibility": scores["accessibility"],
                      "best_practices": scores["best-practices"],
                      "first_load_kb_gz": round(js_css / 1024, 1)}))


def _category_audits(report: dict) -> set:
    return {ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
            if ref.get("weight")}


if __name__ == "__main__":
    main()
