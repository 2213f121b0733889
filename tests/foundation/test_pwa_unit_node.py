"""The PWA's JavaScript unit tests (pwa/test/*.test.js, node:test) run in `make test` here, so
both CI runs include them; and the language list the PWA embeds is the one the API serves."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE = re.compile(r'\{\s*code:\s*"([^"]+)",\s*name:\s*"[^"]*",\s*dir:\s*"(ltr|rtl)"\s*\}')


def test_javascript_unit_tests_pass():
    # PYTHON: the interpreter with Babel, for the test that compares with pybabel's extraction.
    done = subprocess.run(["node", "--test", "pwa/test/"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHON": sys.executable})
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", done.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) >= 20, done.stdout[-2000:]
    assert re.search(r"^# fail 0$", done.stdout, re.MULTILINE)


def test_embedded_languages_match_the_api(client):
    source = (ROOT / "pwa" / "src" / "lib" / "languages.js").read_text(encoding="utf-8")
    embedded = LANGUAGE.findall(source)
    served = client.get("/api/v1/languages").get_json()
    assert embedded == [(x["code"], x["direction"]) for x in served]
