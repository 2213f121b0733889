"""Which language to show a contact's text in (meedoen.i18n.fallback's rule), its translation
status, and matching spoken languages."""

from collections.abc import Mapping

from meedoen.core.languages import speech_family
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized_fields, translation_statuses

FIELDS = ("help_text",)


def base_language(code: str) -> str:
    """Dari (prs, formerly fa_AF) and Persian (fa) are one language for finding someone to
    talk to."""
    return speech_family(code)


def pick_text(rows: Mapping[str, object], original: str,
              with_original: bool = False) -> dict | None:
    """"How I can help" (``rows``: language → ContactText) in the asked language, else the
    original, else any; which language and translation status it is; and with
    ``with_original`` the original behind a machine text, as ``{"language", "text"}``."""
    if not rows:
        return None
    wanted = current_language()
    shown = localized_fields(rows, original, wanted, FIELDS, with_original)
    shown["text"] = shown.pop("help_text")
    if "original" in shown:
        shown["original"]["text"] = shown["original"].pop("help_text")
    return shown


def editor_statuses(rows: Mapping[str, object], original: str) -> dict[str, str]:
    """Every language's translation status, for the editor's tabs."""
    return translation_statuses(rows, original, FIELDS)


def home_languages(languages: list[str]) -> set[str]:
    """The languages that count as "their language": all but Dutch, unless Dutch is all."""
    bases = {base_language(code) for code in languages}
    return (bases - {"nl"}) or bases


def speaks_any(contact, bases: set[str]) -> bool:
    return any(base_language(code) in bases for code in contact.languages)
