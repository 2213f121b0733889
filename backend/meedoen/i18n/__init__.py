"""Language choice: ?lang= → the user's preference → Accept-Language → nl.

The one place that says which language is in use (``current_language``), switches to a
recipient's (``use_language``) and writes dates: when an activity starts (``format_when``)
and the named date formats (``format_date``).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import flask_babel
from babel import Locale
from flask import has_request_context, request
from flask_babel import force_locale, format_datetime, get_locale
from flask_login import current_user
from werkzeug.datastructures import LanguageAccept

from meedoen.core.languages import (
    DEFAULT_LANGUAGE,
    SHIPPED_LANGUAGES,
    cldr_locale,
    current_code,
    native_name,
)


def select_language() -> Locale:
    """Flask-Babel's locale: a Locale, so that a language CLDR files under another code (Dari)
    still loads its own catalog (see meedoen.core.languages)."""
    return cldr_locale(_selected_code())


def _selected_code() -> str:
    if not has_request_context():  # CLI commands, workers, app start-up
        return DEFAULT_LANGUAGE
    asked = request.args.get("lang")
    if asked in SHIPPED_LANGUAGES:
        return asked
    if current_user and current_user.is_authenticated and current_user.ui_language:
        return current_user.ui_language
    # A phone set to Dari may still say fa-AF.
    accepted = LanguageAccept([(current_code(tag), quality)
                               for tag, quality in request.accept_languages])
    return accepted.best_match(SHIPPED_LANGUAGES) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The code (``prs``, ``ar``, …) of the language texts are shown in now: the request's
    (``select_language``) or the one ``use_language`` switched to; ``nl`` outside an app."""
    locale = get_locale()
    return str(locale) if locale is not None else DEFAULT_LANGUAGE


@contextmanager
def use_language(code: str) -> Iterator[None]:
    """Translations, dates and numbers in ``code`` for a while (a recipient's language): by
    our code, so Dari (``prs``, no CLDR locale of its own) works too."""
    with force_locale(cldr_locale(code)):
        yield


# Weekday, day, month and time ("dinsdag 1 december, 19:00"), in Amsterdam time.
WHEN_FORMAT = "EEEE d MMMM, HH:mm"


def format_when(moment: datetime) -> str:
    """When an activity starts, in the current language (notices, reminders)."""
    return format_datetime(moment, WHEN_FORMAT)


# How each kind of date is written, in every language: CLDR's name of a format or a pattern.
DATE_FORMATS = {
    "long": "long",              # the language's own long date: "9 maart 2027", "March 9, 2027"
    "day_month_year": "d MMMM y",  # always day first: "9 maart 2027", "9 March 2027"
    "month_year": "LLLL y",        # the month on its own (standalone name): "maart 2027"
}


def format_date(value: date, kind: str) -> str:
    """A date written as ``kind`` (a key of ``DATE_FORMATS``), in the current language."""
    return flask_babel.format_date(value, DATE_FORMATS[kind])


def language_info(code: str) -> dict:
    return {
        "code": code,
        "name": native_name(code),
        "direction": cldr_locale(code).text_direction,
    }


def shipped_languages() -> list[dict]:
    return [language_info(code) for code in SHIPPED_LANGUAGES]


def init_app(app) -> None:
    """GET /languages (Flask-Babel itself is set up in create_app)."""
    from meedoen.extensions import api
    from meedoen.i18n.routes import blp

    api.register_blueprint(blp)
