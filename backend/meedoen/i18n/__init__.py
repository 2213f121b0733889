"""Language choice: ?lang= → the user's preference → Accept-Language → nl."""

from babel import Locale
from flask import has_request_context, request
from flask_login import current_user

from meedoen.config import DEFAULT_LANGUAGE, SHIPPED_LANGUAGES


def select_language() -> str:
    if not has_request_context():  # CLI commands, workers, app start-up
        return DEFAULT_LANGUAGE
    asked = request.args.get("lang")
    if asked in SHIPPED_LANGUAGES:
        return asked
    if current_user and current_user.is_authenticated and current_user.ui_language:
        return current_user.ui_language
    return request.accept_languages.best_match(SHIPPED_LANGUAGES) or DEFAULT_LANGUAGE


def language_info(code: str) -> dict:
    locale = Locale.parse(code)
    return {
        "code": code,
        "name": locale.get_display_name(code),
        "direction": locale.text_direction,
    }


def shipped_languages() -> list[dict]:
    return [language_info(code) for code in SHIPPED_LANGUAGES]
