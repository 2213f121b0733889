"""Translation settings from the environment (README: Machine translation)."""

import os


def _flag(name: str) -> bool | None:
    value = os.environ.get(name, "").strip().lower()
    return None if not value else value in {"1", "true", "yes", "on"}


def translation_config() -> dict:
    return {
        "TRANSLATION_PROVIDER": os.environ.get("TRANSLATION_PROVIDER") or None,
        "LIBRETRANSLATE_URL": os.environ.get("LIBRETRANSLATE_URL", "http://127.0.0.1:5000"),
        "LIBRETRANSLATE_API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY") or None,
        "GOOGLE_TRANSLATE_API_KEY": os.environ.get("GOOGLE_TRANSLATE_API_KEY") or None,
        "GOOGLE_TRANSLATE_URL": os.environ.get("GOOGLE_TRANSLATE_URL",
                                               "https://translation.googleapis.com"),
        # None: personal texts only to a self-hosted provider. An administrator may decide.
        "TRANSLATION_PERSONAL_TEXTS": _flag("TRANSLATION_PERSONAL_TEXTS"),
        "TRANSLATION_DAILY_CHARACTERS": int(os.environ.get("TRANSLATION_DAILY_CHARACTERS",
                                                           "200000")),
        "TRANSLATION_TIMEOUT_SECONDS": float(os.environ.get("TRANSLATION_TIMEOUT_SECONDS", "10")),
        # How long one background tick may translate before the messages get their turn.
        "TRANSLATION_TICK_SECONDS": float(os.environ.get("TRANSLATION_TICK_SECONDS", "20")),
    }
