"""The app's texts in one language, as the catalogs the app runs with hold them."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app

from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.wording.review_state import TEAM_LANGUAGES, read_catalog, review_of

# The same placeholders translations/translate.py checks: %(name)s / %(n)d and {name}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def suggestable_languages() -> list[str]:
    """Dutch and English are written by the team; every other shipped language is open."""
    return [lang for lang in SHIPPED_LANGUAGES if lang not in TEAM_LANGUAGES]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class UiText:
    msgid: str
    current: str
    reviewed: bool

    @property
    def placeholders(self) -> list[str]:
        return sorted(placeholders(self.msgid))


def translations_dir() -> Path:
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])


def texts(language: str) -> dict[str, UiText]:
    """msgid -> its text; plural messages are left out (one wording per form is for
    translators on the catalog itself)."""
    path = translations_dir() / language / "LC_MESSAGES" / "messages.po"
    return _load(str(path.parent.parent.parent), language, path.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _load(directory: str, language: str, _mtime: int) -> dict[str, UiText]:
    catalog = read_catalog(Path(directory), language)
    return {m.id: UiText(m.id, m.string, review_of(m) is not None) for m in catalog
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def text_of(language: str, msgid: str) -> UiText | None:
    return texts(language).get(msgid)
