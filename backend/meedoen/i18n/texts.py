"""Texts kept in several languages: the translation status every per-language text row
carries, and the one rule for showing such a text (``localized_fields``, ``localized``).

A row records who made it (``origin``: a person or the machine) and which version of the
original it was made from (``source_hash``). The original's own row holds the hash of itself,
so "outdated" is one comparison when a text is read, with no extra query.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from meedoen.i18n.fallback import choose_language, language_fields

HUMAN, MACHINE = "human", "machine"
ORIGINAL, OUTDATED = "original", "outdated"


class TranslatedText:
    """Mixin for ActivityText, ContactText, …: the two columns of the translation status."""

    origin: Mapped[str] = mapped_column(String(8), default=HUMAN, server_default=HUMAN)
    source_hash: Mapped[str | None] = mapped_column(String(16))


class OriginalText:
    """The original of a text kept on its own object (a question's ``body``), shaped like a
    text row, so the worker and ``localized_fields`` treat it as the original's row."""

    origin = HUMAN
    source_hash = None

    def __init__(self, language: str, **fields: str):
        self.language = language
        self.__dict__.update(fields)


def content_hash(fields: Mapping[str, str]) -> str:
    canonical = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def translation_status(language: str, original_language: str, row, original_hash) -> str:
    if language == original_language:
        return ORIGINAL
    if row.source_hash is not None and row.source_hash != original_hash:
        return OUTDATED
    return MACHINE if row.origin == MACHINE else HUMAN


def fields_of(row, names: Iterable[str]) -> dict[str, str]:
    return {name: getattr(row, name) for name in names}


def snapshot(rows: Mapping[str, object], names: Iterable[str]) -> dict[str, dict]:
    """What the rows held before an edit, to tell edited texts from texts sent back unchanged."""
    names = tuple(names)
    return {language: fields_of(row, names) for language, row in rows.items()}


def stamp_after_edit(rows: Mapping[str, object], original_language: str, names: Iterable[str],
                     before: Mapping[str, dict], suggestion=None) -> str:
    """After staff saved texts: the original row gets the hash of itself; a text that changed
    becomes ``human`` (made from the current original), unless it is exactly the machine's
    suggestion for it (``suggestion(original_language, language, source_fields)`` → fields
    or None). Texts sent
    back unchanged keep their status. Returns the original's hash."""
    names = tuple(names)
    original = rows[original_language]
    source = fields_of(original, names)
    current = content_hash(source)
    original.origin, original.source_hash = HUMAN, current
    # Rows from before translation existed carry no hash: they were made from the old original.
    previous = content_hash(before[original_language]) if original_language in before else None
    for language, row in rows.items():
        if language == original_language:
            continue
        if before.get(language) == fields_of(row, names):
            row.source_hash = row.source_hash or previous
            continue
        machine = (suggestion is not None
                   and suggestion(original_language, language, source) == fields_of(row, names))
        row.origin, row.source_hash = (MACHINE if machine else HUMAN), current
    return current


def shown_translation(by_language: Mapping[str, object], chosen: str | None,
                      original_language: str, names: Iterable[str],
                      with_original: bool = False) -> dict:
    """The ``translation`` key of a shown text, and where it is a machine or outdated text
    (and ``with_original``), the ``original`` to show with one tap."""
    names = tuple(names)
    original = by_language.get(original_language)
    if chosen is None or chosen == original_language or original is None:
        return {"translation": ORIGINAL if chosen in (None, original_language) else HUMAN}
    current = original.source_hash or content_hash(fields_of(original, names))
    status = translation_status(chosen, original_language, by_language[chosen], current)
    shown = {"translation": status}
    if with_original and status in (MACHINE, OUTDATED):
        shown["original"] = {"language": original_language, **fields_of(original, names)}
    return shown


def localized_fields(by_language: Mapping[str, object], original_language: str, wanted: str,
                     names: Iterable[str], with_original: bool = False,
                     chosen: str | None = None) -> dict:
    """A text's ``names`` in ``wanted`` (else the original, else any; or the language
    ``chosen`` by the caller), which language that is and its translation status, and with
    ``with_original`` the original behind a machine text: the one rule for every shown text."""
    names = tuple(names)
    if chosen is None or chosen not in by_language:
        chosen = choose_language(by_language, original_language, wanted)
    row = by_language.get(chosen)
    return {**{name: getattr(row, name) if row is not None else "" for name in names},
            **language_fields(by_language, chosen, original_language, wanted),
            **shown_translation(by_language, chosen, original_language, names, with_original)}


def translation_statuses(by_language: Mapping[str, object], original_language: str,
                         names: Iterable[str]) -> dict[str, str]:
    """Every language's status, for the tabs of a staff editor."""
    names = tuple(names)
    return {language: shown_translation(by_language, language, original_language,
                                        names)["translation"]
            for language in by_language}


TITLE_AND_DESCRIPTION = ("title", "description")


def localized(texts: Iterable, original_language: str, wanted: str,
              with_original: bool = False) -> dict:
    """Title and description (activities, ideas) in ``wanted`` (else the original, else any),
    which language and translation status it is, and (``with_original``) the original behind
    a machine text."""
    return localized_fields({text.language: text for text in texts}, original_language, wanted,
                            TITLE_AND_DESCRIPTION, with_original)


__all__ = ["HUMAN", "MACHINE", "ORIGINAL", "OUTDATED", "TITLE_AND_DESCRIPTION", "OriginalText",
           "TranslatedText", "content_hash", "fields_of", "localized", "localized_fields",
           "shown_translation", "snapshot", "stamp_after_edit", "translation_status",
           "translation_statuses"]
