"""Which language to show a contact's text in (meedoen.i18n.fallback's rule), and
matching spoken languages."""

from flask_babel import get_locale

from meedoen.config import DEFAULT_LANGUAGE
from meedoen.i18n.fallback import choose_language, language_fields


def base_language(code: str) -> str:
    """fa_AF (Dari) and fa (Persian) are one language for finding someone to talk to."""
    return code.replace("-", "_").split("_")[0].lower()


def pick_text(texts: dict[str, str], original: str) -> dict | None:
    if not texts:
        return None
    wanted = str(get_locale() or DEFAULT_LANGUAGE)
    chosen = choose_language(texts, original, wanted)
    return {"text": texts[chosen], **language_fields(texts, chosen, original, wanted)}
