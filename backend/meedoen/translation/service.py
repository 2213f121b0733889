"""The configured provider, the personal-text rule, and what staff ask of the feature:
a preview of a draft and the characters used (their answers: present.py)."""

from datetime import UTC, date, timedelta

from flask import current_app
from sqlalchemy import String, cast, func, select

from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.translation.models import TranslationUsage
from meedoen.translation.providers import ProviderError, provider_from_config
from meedoen.translation.subjects import SUBJECTS

CONFIG_KEYS = ("TRANSLATION_PROVIDER", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY",
               "GOOGLE_TRANSLATE_API_KEY", "GOOGLE_TRANSLATE_URL", "TRANSLATION_TIMEOUT_SECONDS")


def get_provider():
    """The provider of the app's configuration (one client per configuration), or None."""
    config = current_app.config
    key = tuple(config.get(name) for name in CONFIG_KEYS)
    cached = current_app.extensions.get("meedoen_translation")
    if cached is None or cached[0] != key:
        cached = current_app.extensions["meedoen_translation"] = (key,
                                                                  provider_from_config(config))
    return cached[1]


def personal_texts_allowed(provider) -> bool:
    decided = current_app.config.get("TRANSLATION_PERSONAL_TEXTS")
    return provider.self_hosted if decided is None else bool(decided)


def preview(subject, source: str, targets: list[str], texts: dict) -> tuple:
    """Machine translations of a draft, for staff to review before saving; nothing stored
    but the cache: (the provider's name, the fields per language, the languages missing).
    A language the provider lacks, or a failure, is listed as missing."""
    from meedoen.translation.worker import DailyLimitReached, translate_fields

    provider = get_provider()
    translations, missing = {}, []
    wanted = [lang for lang in dict.fromkeys(targets) if lang != source]
    for language in wanted:
        try:
            if provider is None or not {source, language} <= provider.languages():
                raise LookupError(language)
            translations[language] = translate_fields(
                provider, subject, {name: texts.get(name, "") for name in subject.fields},
                source, language, utcnow())
        except (LookupError, ProviderError, DailyLimitReached):
            missing.append(language)
    # the request commits the cache and the characters used
    return provider.name if provider else None, translations, missing


def machine_suggestion(subject_name: str):
    """For ``stamp_after_edit``: what the machine made (or would make, from the cache) of the
    original for one language, so a saved preview stays marked as machine translated."""

    def suggestion(source_language: str, language: str, source: dict) -> dict | None:
        from meedoen.translation.worker import cached_translation

        provider = get_provider()
        subject = SUBJECTS.get(subject_name)
        if provider is None or subject is None:
            return None
        return cached_translation(provider, subject, source, source_language, language)

    return suggestion


def usage(today: date | None = None) -> tuple[str | None, int, list]:
    """(the provider's name, characters used today, (month, characters) of the last year)."""
    provider = get_provider()
    name = provider.name if provider else None
    today = today or utcnow().astimezone(UTC).date()
    since = today.replace(day=1) - timedelta(days=365)
    month = func.substr(cast(TranslationUsage.day, String), 1, 7)
    rows = db.session.execute(
        select(month, func.sum(TranslationUsage.characters))
        .where(TranslationUsage.provider == name, TranslationUsage.day >= since)
        .group_by(month).order_by(month.desc())).all()
    used_today = db.session.scalar(select(TranslationUsage.characters).where(
        TranslationUsage.provider == name, TranslationUsage.day == today)) or 0
    return name, used_today, rows
