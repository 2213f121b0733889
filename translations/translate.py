"""The translation workflow: one catalog for the backend and the PWA.

    python translations/translate.py extract   # extract, update every catalog, compile
    python translations/translate.py fill F    # merge translations from F (JSON), then extract
    python translations/translate.py check     # missing, fuzzy or mismatched placeholders
    python translations/translate.py review    # per language: the share a speaker checked

F maps each msgid to its translations: {"Sport": {"ar": "رياضة", ...}}; a plural
message uses the singular as key and a list of forms per language.
"""

import fcntl
import json
import re
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POT = HERE / "messages.pot"
KEYWORDS = ["-k", "_l", "-k", "t", "-k", "tn:1,2"]
sys.path.insert(0, str(ROOT / "backend"))
from meedoen.core.languages import CLDR_LOCALES, SHIPPED_LANGUAGES  # noqa: E402
from meedoen.wording import review_state  # noqa: E402

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def pybabel(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)


def extract_to(pot: Path) -> None:
    pybabel("extract", "-F", str(HERE / "babel.cfg"), *KEYWORDS, "--no-location",
            "--sort-output", "--project", "Meedoen", "-o", str(pot), ".")


def catalog_path(lang: str) -> Path:
    return HERE / lang / "LC_MESSAGES" / "messages.po"


def extract() -> None:
    extract_to(POT)
    for lang in SHIPPED_LANGUAGES:
        if not catalog_path(lang).exists():
            init_catalog(lang)
        pybabel("update", "-i", str(POT), "-d", str(HERE), "-l", lang,
                "--no-fuzzy-matching", "--ignore-obsolete")
    compile_all()


def init_catalog(lang: str) -> None:
    """A new catalog. A language CLDR files under another code (Dari: fa_AF) is made with that
    code's plural rule (pybabel knows no other) and then named by its own code."""
    stand_in = CLDR_LOCALES.get(lang, lang)
    path = catalog_path(lang)
    pybabel("init", "-i", str(POT), "-o", str(path), "-l", stand_in)
    if stand_in != lang:
        text = path.read_text(encoding="utf-8")
        for header in ("Language: ", "Language-Team: "):
            text = text.replace(f'"{header}{stand_in}', f'"{header}{lang}')
        path.write_text(text, encoding="utf-8")


def compile_all() -> None:
    pybabel("compile", "-d", str(HERE), "--statistics")


def fill(source: Path) -> None:
    extract()
    translations = json.loads(source.read_text())
    for lang in SHIPPED_LANGUAGES:
        path = catalog_path(lang)
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang)
        catalog.fuzzy = False
        for message in catalog:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            given = translations.get(key, {}).get(lang)
            if not key or given is None:
                continue
            set_translation(message, given)
        with path.open("wb") as f:
            write_po(f, catalog, width=0, omit_header=False)
    compile_all()


def set_translation(message, given) -> None:
    string = tuple(given) if isinstance(message.id, tuple) else given
    if string != message.string:
        review_state.unmark(message)  # a new wording is a draft until someone checks it again
    message.string = string
    message.flags.discard("fuzzy")


def problems(pot: Path = POT) -> list[str]:
    """Everything that keeps a shipped catalog from being complete and correct."""
    with pot.open("rb") as f:
        template = read_po(f)
    found = []
    for lang in SHIPPED_LANGUAGES:
        with catalog_path(lang).open("rb") as f:
            catalog = read_po(f, locale=lang)
        for message in template:
            if not message.id:
                continue
            found += [f"{lang}: {p}: {message.id!r}" for p in _check(catalog.get(message.id,
                                                                     message.context))]
    return found


def _check(translated) -> list[str]:
    if translated is None:
        return ["missing"]
    if translated.fuzzy:
        return ["fuzzy"]
    ids = translated.id if isinstance(translated.id, tuple) else (translated.id,)
    strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
    if not all(strings):
        return ["untranslated"]
    wanted = set(PLACEHOLDER.findall(ids[-1]))
    if any(set(PLACEHOLDER.findall(s)) - wanted or
           (len(ids) == 1 and set(PLACEHOLDER.findall(s)) != wanted) for s in strings):
        return ["placeholders differ"]
    return []


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract_to(fresh)
        found = problems(fresh)
    print("\n".join(found) or "All catalogs complete.")
    return 1 if found else 0


@contextmanager
def locked():
    """Several people (or helpers) may run this at once; the catalogs are written one by one."""
    with (HERE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "extract"
    with locked():
        if command == "extract":
            extract()
        elif command == "fill":
            fill(Path(sys.argv[2]))
        elif command == "check":
            sys.exit(check())
        elif command == "review":
            print(review_state.report(HERE, SHIPPED_LANGUAGES))
        elif command == "compile":
            compile_all()
        else:
            sys.exit(__doc__)
