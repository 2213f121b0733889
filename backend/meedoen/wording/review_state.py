"""Which translations a speaker of the language has checked, kept in the catalogs themselves.

A checked message carries one translator comment in its ``.po`` entry::

    # reviewed-by: in-app reviewer (suggestion 12), 2026-12-05
    msgid "Sign up"
    msgstr "..."

Everything without it is a draft. This is plain gettext: translation platforms (Weblate,
Pootle) keep and show translator comments, and nothing else changes (``fuzzy`` would keep the
string out of the compiled catalog). Used by ``translations/translate.py review`` (``make
i18n``) and by ``flask translations import``; no Flask needed here.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

PREFIX = "reviewed-by:"
MARK = re.compile(r"reviewed-by: (?P<who>[^,\n]{1,80}), (?P<day>\d{4}-\d{2}-\d{2})")
# Languages whose texts the team writes itself (the msgids are English, Dutch is the
# municipality's language): no suggestions in the app, and their share is shown as such.
TEAM_LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Review:
    who: str
    day: date


def review_of(message: Message) -> Review | None:
    for comment in message.user_comments:
        found = MARK.fullmatch(comment.strip())
        if found:
            return Review(found["who"].strip(), date.fromisoformat(found["day"]))
    return None


def mark_reviewed(message: Message, who: str, day: date) -> None:
    unmark(message)
    message.user_comments.append(f"{PREFIX} {who.replace(',', ' ').strip()}, {day.isoformat()}")


def unmark(message: Message) -> None:
    message.user_comments = [c for c in message.user_comments
                             if not c.strip().startswith(PREFIX)]


def malformed(message: Message) -> list[str]:
    """What is wrong with a message's review mark (empty: no mark, or a good one)."""
    marks = [c.strip() for c in message.user_comments if c.strip().startswith(PREFIX)]
    found = []
    if len(marks) > 1:
        found.append("more than one reviewed-by comment")
    for mark in marks:
        match = MARK.fullmatch(mark)
        if not match:
            found.append(f"not 'reviewed-by: <who>, <YYYY-MM-DD>': {mark!r}")
            continue
        try:
            date.fromisoformat(match["day"])
        except ValueError:
            found.append(f"not a date: {match['day']!r}")
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if marks and (message.fuzzy or not all(strings)):
        found.append("reviewed but fuzzy or untranslated")
    return found


@dataclass(frozen=True)
class Share:
    language: str
    checked: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.checked / self.total) if self.total else 0


def share_of(catalog: Catalog, language: str) -> Share:
    messages = [m for m in catalog if m.id]
    return Share(language, sum(review_of(m) is not None for m in messages), len(messages))


def read_catalog(directory: Path, language: str) -> Catalog:
    with (Path(directory) / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=language)


def shares(directory: Path, languages) -> list[Share]:
    return [share_of(read_catalog(directory, lang), lang) for lang in languages]


def report(directory: Path, languages) -> str:
    lines = ["Checked by a speaker of the language (translator comment 'reviewed-by:'):"]
    for share in shares(directory, languages):
        note = "  (written by the team)" if share.language in TEAM_LANGUAGES else ""
        lines.append(f"  {share.language:4} {share.checked:5} of {share.total:5} "
                     f"{share.percent:3}%{note}")
    return "\n".join(lines)
