"""Language codes: the ones Meedoen stores and ships, and what other parties call them.
A leaf (babel only) below everything, so that core's fields, i18n, config and every feature
read the same list.

Dari is a language of its own here (``prs``, its own catalog), though CLDR files its dates and
numbers as the Persian of Afghanistan (``fa_AF``) and Dari was stored as ``fa_AF`` before
migration 0011. Dari and Persian speakers understand each other: they may help each other
(contacts, questions), but each reads texts in their own catalog and translation.
"""

from babel import Locale

# The languages Meedoen ships (a catalog each, translations/<code>); the app's default first.
SHIPPED_LANGUAGES = ("nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "am", "om", "ku", "ckb", "tr",
                     "fr")
DEFAULT_LANGUAGE = "nl"
# CLDR (Babel) has no locale file under our code: dates, numbers and direction from this one.
CLDR_LOCALES = {"prs": "fa_AF"}
# How a language was stored before it became a language of its own.
LEGACY_CODES = {"fa_af": "prs"}
# Speakers of the key understand speakers of the value (for finding someone to talk to).
MUTUALLY_UNDERSTOOD = {"prs": "fa"}
# Names in the language's own script where CLDR's differs from what its speakers pick in an app
# ("کوردیی ناوەندی" is "Central Kurdish"; CLDR names fa_AF "Persian (Afghanistan)").
NATIVE_NAMES = {"ckb": "کوردی (سۆرانی)", "prs": "دری"}


def base(code: str) -> str:
    """The language of a stored code, without region: ``fa_AF``/``fa-AF`` → ``prs``, ``ar_SY``
    → ``ar``. The language whose texts (catalog, translations) its speaker reads."""
    code = code.replace("-", "_").lower()
    return LEGACY_CODES.get(code, code.split("_")[0])


def speech_family(code: str) -> str:
    """Codes with the same family can talk with each other: Dari and Persian are one."""
    language = base(code)
    return MUTUALLY_UNDERSTOOD.get(language, language)


def cldr_locale(code: str) -> Locale:
    """The Babel locale of a shipped language, named by our code (``str()`` gives ``prs``, so
    Flask-Babel loads translations/prs) with the CLDR data of its stand-in (``fa_AF``)."""
    stand_in = CLDR_LOCALES.get(code)
    if stand_in is None:
        return Locale.parse(code)
    locale = Locale.parse(stand_in)
    _ = locale._data  # loaded (and kept) under CLDR's code before the locale takes ours
    locale.language, locale.territory = code, None
    return locale


def native_name(code: str) -> str:
    locale = cldr_locale(code)
    return NATIVE_NAMES.get(code) or locale.get_display_name(locale)


def current_code(code: str) -> str:
    """A code as it is stored now: ``fa_AF`` (Dari, as apps may still send it) is ``prs``."""
    return LEGACY_CODES.get(code.replace("-", "_").lower(), code)
