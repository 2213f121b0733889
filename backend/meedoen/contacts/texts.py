"""Which language to show a per-language text in, and matching spoken languages.

The same rule as activity texts: the request's language, else the original
language, else any. The answer says which language it is, whether it fell back
and which languages exist, so the app can say "shown in Dutch".
"""

from flask_babel import get_locale

from meedoen.config import DEFAULT_LANGUAGE


def base_language(code: str) -> str:
    """fa_AF (Dari) and fa (Persian) are one language for finding someone to talk to."""
    return code.replace("-", "_").split("_")[0].lower()


def pick_text(texts: dict[str, str], original: str) -> dict | None:
    if not texts:
        return None
    wanted = str(get_locale() or DEFAULT_LANGUAGE)
    chosen = next(lang for lang in (wanted, original, *sorted(texts)) if lang in texts)
    return {"text": texts[chosen], "language": chosen, "fallback": chosen != wanted,
            "original_language": original, "available_languages": sorted(texts)}
