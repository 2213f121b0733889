"""The PWA's pure parts, run with node (no browser): the push payload handling of the service
worker, the plural rules, the catalog extraction, and the embedded language list."""

import gettext
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from meedoen.config import SHIPPED_LANGUAGES

from tests.browser.live import ROOT

SRC = ROOT / "pwa" / "src"


def node(script: str):
    done = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, check=True,
                          capture_output=True, text=True, timeout=60)
    return json.loads(done.stdout)


def test_push_payload_always_gives_a_notification_and_a_safe_path():
    result = node(f"""
        import {{ notificationFor, parsePayload, safePath }} from "{SRC}/lib/push-payload.js";
        const origin = "https://meedoen.example";
        const fallback = {{ title: "Meedoen", body: "Je hebt een nieuw bericht." }};
        const raws = ["", "{{broken", "[1,2]", "null", "42",
          JSON.stringify({{title: 7, body: {{}}}}),
          JSON.stringify({{title: "ሰላም", body: "ጽሑፍ", url: "/inbox/3", topic: "n-3", lang: "ti",
                           dir: "ltr", id: 3}}), "x".repeat(5000)];
        const shown = raws.map((raw) => notificationFor(parsePayload(raw), fallback, origin));
        const paths = ["https://evil.example/x", "//evil.example/x", "javascript:alert(1)",
          "/activities/4?x=1#y", "activities/4", "", null, 5, "https://meedoen.example/help"]
          .map((u) => safePath(u, origin));
        console.log(JSON.stringify({{ shown, paths }}));
    """)
    shown = result["shown"]
    assert all(n["title"] for n in shown)
    assert shown[0] == {"title": "Meedoen", "options": {
        "body": "Je hebt een nieuw bericht.", "icon": "/icon-192.png", "badge": "/icon-192.png",
        "dir": "auto", "data": {"url": "/inbox", "id": None}}}
    assert shown[1]["options"]["body"] == "{broken"
    tigrinya = shown[6]
    assert tigrinya["title"] == "ሰላም" and tigrinya["options"]["tag"] == "n-3"
    assert tigrinya["options"]["data"] == {"url": "/inbox/3", "id": 3}
    assert len(shown[7]["options"]["body"]) == 1000
    assert result["paths"] == ["/inbox", "/inbox", "/inbox", "/activities/4?x=1#y",
                               "/activities/4", "/inbox", "/inbox", "/inbox", "/help"]


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_plural_rule_matches_gettext(lang):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        expression = read_po(f, locale=lang).plural_expr
    numbers = [*range(250), 1000, 1001, 1_000_000, 2_000_000]
    ours = node(f"""
        import {{ compilePlural }} from "{SRC}/lib/plural.js";
        const rule = compilePlural({json.dumps(expression)});
        console.log(JSON.stringify({json.dumps(numbers)}.map(rule)));
    """)
    expected = gettext.c2py(expression)
    assert ours == [expected(n) for n in numbers]


def test_build_catalogs_hold_exactly_what_pybabel_extracts():
    cfg = "[javascript: pwa/src/**.js]\n[javascript: pwa/src/**.jsx]\n"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "babel.cfg").write_text(cfg)
        pot = Path(tmp) / "pwa.pot"
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                        str(Path(tmp) / "babel.cfg"), "-k", "t", "-k", "tn:1,2", "-o", str(pot),
                        "."], cwd=ROOT, check=True, capture_output=True)
        with pot.open("rb") as f:
            extracted = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(f) if m.id}
    ours = set(node(f"""
        import {{ usedMsgids }} from "{ROOT}/pwa/vite/catalogs.js";
        console.log(JSON.stringify([...usedMsgids("{SRC}")]));
    """))
    assert extracted and ours == extracted


def test_embedded_languages_match_the_api(client):
    embedded = node(f"""
        import {{ LANGUAGES }} from "{SRC}/lib/languages.js";
        console.log(JSON.stringify(LANGUAGES));
    """)
    served = client.get("/api/v1/languages").get_json()
    assert [(x["code"], x["dir"]) for x in embedded] == [(x["code"], x["direction"])
                                                         for x in served]


def test_a_machine_translated_push_says_so_in_the_users_language():
    result = node(f"""
        import {{ notificationFor }} from "{SRC}/lib/push-payload.js";
        const origin = "https://meedoen.example";
        const fallback = {{ title: "Meedoen", body: "ሓድሽ መልእኽቲ ኣሎካ።", machine: "ብማሽን ዝተተርጎመ" }};
        const message = {{ title: "ቋንቋ ካፌ", body: "ረቡዕ ሰዓት 16:00", lang: "ti", dir: "ltr", id: 9 }};
        console.log(JSON.stringify({{
          machine: notificationFor({{ ...message, translation: "machine" }}, fallback, origin),
          human: notificationFor({{ ...message, translation: "human" }}, fallback, origin),
          plain: notificationFor(message, fallback, origin),
          long: notificationFor({{ ...message, body: "ሀ".repeat(5000), translation: "machine" }},
                                fallback, origin),
          titleOnly: notificationFor({{ title: "ቋንቋ ካፌ", translation: "machine" }}, fallback,
                                     origin),
          noWords: notificationFor({{ ...message, translation: "machine" }}, {{ title: "Meedoen" }},
                                   origin),
        }}));
    """)
    machine = result["machine"]["options"]
    assert machine["body"] == "ረቡዕ ሰዓት 16:00\nብማሽን ዝተተርጎመ"
    assert machine["data"] == {"url": "/inbox", "id": 9, "translation": "machine"}
    for other in ("human", "plain"):
        assert result[other]["options"]["body"] == "ረቡዕ ሰዓት 16:00"
        assert "translation" not in result[other]["options"]["data"]
    long_body = result["long"]["options"]["body"]
    assert len(long_body) == 1000 and long_body.endswith("…\nብማሽን ዝተተርጎመ")
    assert result["titleOnly"]["options"]["body"] == "ብማሽን ዝተተርጎመ"
    assert result["noWords"]["options"]["body"].endswith("\nMachine translated")


def test_translate_the_missing_languages_fills_the_empty_tabs_the_youth_here_read():
    result = node(f"""
        import {{ targetsFor }} from "{SRC}/lib/translation-targets.js";
        const texts = {{ nl: {{ title: "Samen koken" }}, en: {{ title: "Cooking" }},
                         so: {{ title: " " }} }};
        console.log(JSON.stringify({{
          audience: targetsFor({{ source: "nl", texts, audience: ["ar", "en", "nl", "ti"] }}),
          stored: targetsFor({{ source: "nl", texts, loaded: {{ fr: "outdated" }},
                                audience: ["ti"] }}),
          unknown: targetsFor({{ source: "nl", texts, audience: null }}),
          arabic: targetsFor({{ source: "ar", texts: {{ ar: {{ title: "طبخ" }} }},
                                audience: ["ar", "nl"] }}),
        }}));
    """)
    assert result["audience"] == ["ar", "ti", "so"]  # so: a tab that exists, empty again
    assert result["stored"] == ["ti", "so", "fr"]  # fr: a stored text, now empty
    assert result["unknown"] == [code for code in SHIPPED_LANGUAGES if code not in ("nl", "en")]
    assert result["arabic"] == ["nl"]
