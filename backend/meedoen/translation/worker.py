"""The background translation work: due jobs → missing or stale machine translations.

Human translations are never overwritten; machine ones are redone when their original
changed. A provider that is down, slow, over its quota or answering nonsense leaves the
texts as they are (readers see the original) and the job is tried again later.
"""

import hashlib
import logging
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, select, update

from meedoen.audit.models import record
from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore
from meedoen.extensions import db
from meedoen.translation.columns import MACHINE, content_hash, fields_of
from meedoen.translation.models import TranslationCache, TranslationJob, TranslationUsage
from meedoen.translation.providers import BadAnswer, ProviderError, QuotaExceeded
from meedoen.translation.service import get_provider, personal_texts_allowed
from meedoen.translation.subjects import SUBJECTS, Subject

log = logging.getLogger(__name__)
BATCH = 50
MAX_BACKOFF = timedelta(hours=6)


class DailyLimitReached(Exception):
    pass


def run_due_translations(now: datetime | None = None, limit: int = BATCH) -> int:
    """Work through the due jobs; the number of objects handled."""
    provider = get_provider()
    if provider is None:
        return 0
    now = now or utcnow()
    due = db.session.execute(select(TranslationJob.id, TranslationJob.subject,
                                    TranslationJob.subject_id, TranslationJob.attempts)
                             .where(TranslationJob.not_before <= now)
                             .order_by(TranslationJob.not_before, TranslationJob.id)
                             .limit(limit)).all()
    db.session.rollback()
    return sum(_run_job(provider, job, now) for job in due)


def _run_job(provider, job, now: datetime) -> int:
    subject = SUBJECTS.get(job.subject)
    try:
        obj = db.session.get(subject.model, job.subject_id) if subject else None
        if obj is not None:
            translate_object(provider, subject, obj, now)
        db.session.execute(delete(TranslationJob).where(TranslationJob.id == job.id))
        db.session.commit()
        return 1
    except (ProviderError, DailyLimitReached) as error:
        db.session.commit()  # keep the languages that were done before the failure
        _postpone(job, error, now)
        return 0


def _postpone(job, error: Exception, now: datetime) -> None:
    if isinstance(error, DailyLimitReached):
        tomorrow = (now.astimezone(UTC) + timedelta(days=1)).date()
        wait_until = datetime.combine(tomorrow, datetime.min.time(), tzinfo=UTC)
    else:
        retry_after = getattr(error, "retry_after", None) if isinstance(error, QuotaExceeded) \
            else None
        backoff = min(timedelta(minutes=2 ** job.attempts), MAX_BACKOFF)
        wait_until = now + max(backoff, timedelta(seconds=retry_after or 0))
    log.warning("translation of %s %s postponed until %s: %s", job.subject, job.subject_id,
                wait_until.isoformat(), type(error).__name__)
    db.session.execute(update(TranslationJob).where(TranslationJob.id == job.id)
                       .values(attempts=job.attempts + 1, not_before=wait_until))
    db.session.commit()


def translate_object(provider, subject: Subject, obj, now: datetime) -> list[str]:
    """Fill the missing and stale machine translations of one object; the languages done."""
    if subject.personal and not personal_texts_allowed(provider):
        return []
    source_language = subject.original_language(obj)
    rows = subject.rows(obj)
    if source_language not in rows:
        return []
    source = fields_of(rows[source_language], subject.fields)
    current = content_hash(source)
    supported = provider.languages()
    if source_language not in supported:
        return []
    wanted = sorted((subject.targets(obj) & supported) - {source_language})
    todo = [lang for lang in wanted if _needs_machine(rows.get(lang), current)]
    for language in todo:
        texts = translate_fields(provider, subject, source, source_language, language, now)
        row = rows.get(language) or subject.add_row(obj, language)
        for name, value in texts.items():
            setattr(row, name, _fit(row, name, value))
        row.origin, row.source_hash = MACHINE, current
        db.session.flush()
    return todo


def _needs_machine(row, current: str) -> bool:
    return row is None or (row.origin == MACHINE and row.source_hash != current)


def _fit(row, name: str, value: str) -> str:
    length = type(row).__table__.c[name].type.length
    return value[:length] if length else value


def translate_fields(provider, subject: Subject, source: dict, source_language: str,
                     target: str, now: datetime) -> dict[str, str]:
    """One language's fields, from the cache where possible; HTML and plain text are sent
    in separate requests, each as one batch."""
    result = {name: "" for name, value in source.items() if not value}
    for html in (True, False):
        names = [n for n, v in source.items() if v and (n in subject.html_fields) == html]
        if names:
            texts = _translate_texts(provider, subject, [source[n] for n in names],
                                     source_language, target, html, now)
            for name, text in zip(names, texts, strict=True):
                result[name] = subject.clean_html(text) if html else text
    return result


def _translate_texts(provider, subject: Subject, texts: list[str], source: str, target: str,
                     html: bool, now: datetime) -> list[str]:
    cached = {} if subject.personal else _cached(provider.name, source, target, texts)
    missing = [text for text in dict.fromkeys(texts) if text not in cached]
    if missing:
        _charge(provider, sum(len(text) for text in missing), now)
        answers = provider.translate(missing, source, target, html)
        _check_answers(missing, answers)
        _audit_sent(provider, subject, len(missing), source, target)
        fresh = dict(zip(missing, answers, strict=True))
        if not subject.personal:
            _store_cache(provider.name, source, target, fresh)
        cached.update(fresh)
    return [cached[text] for text in texts]


def cached_translation(provider, subject: Subject, source: dict, source_language: str,
                       target: str) -> dict | None:
    """The fields as the machine translated them before, if every one is in the cache."""
    found = {}
    for html in (True, False):
        names = [n for n, v in source.items() if v and (n in subject.html_fields) == html]
        hits = _cached(provider.name, source_language, target, [source[n] for n in names])
        if any(source[n] not in hits for n in names):
            return None
        found.update({n: subject.clean_html(hits[source[n]]) if html else hits[source[n]]
                      for n in names})
    return {name: found.get(name, "") for name in source}


def _check_answers(asked: list[str], answers) -> None:
    if (not isinstance(answers, list) or len(answers) != len(asked)
            or not all(isinstance(a, str) and (a.strip() or not q.strip())
                       for q, a in zip(asked, answers, strict=False))):
        raise BadAnswer("the provider's answer does not match what was asked")


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _cached(provider: str, source: str, target: str, texts: list[str]) -> dict[str, str]:
    keys = {text_key(text): text for text in texts}
    rows = db.session.execute(select(TranslationCache.source_hash, TranslationCache.text).where(
        TranslationCache.provider == provider, TranslationCache.source == source,
        TranslationCache.target == target, TranslationCache.source_hash.in_(keys)))
    return {keys[key]: text for key, text in rows}


def _store_cache(provider: str, source: str, target: str, fresh: dict[str, str]) -> None:
    for original, translated in fresh.items():
        insert_ignore(TranslationCache, provider=provider, source=source, target=target,
                      source_hash=text_key(original), text=translated, created_at=utcnow())


def _charge(provider, characters: int, now: datetime) -> None:
    """Count the characters against today's cap before they are sent."""
    day, cap = now.astimezone(UTC).date(), current_app.config["TRANSLATION_DAILY_CHARACTERS"]
    insert_ignore(TranslationUsage, provider=provider.name, day=day, characters=0)
    charged = db.session.execute(
        update(TranslationUsage)
        .where(TranslationUsage.provider == provider.name, TranslationUsage.day == day,
               TranslationUsage.characters + characters <= cap)
        .values(characters=TranslationUsage.characters + characters)
        .execution_options(synchronize_session=False)).rowcount
    if charged != 1:
        raise DailyLimitReached()


def _audit_sent(provider, subject: Subject, count: int, source: str, target: str) -> None:
    if not provider.self_hosted:
        record(None, "translation.sent", None, provider=provider.name, subject=subject.name,
               texts=count, languages=[source, target])


def characters_used(provider: str, since) -> int:
    return db.session.scalar(select(func.coalesce(func.sum(TranslationUsage.characters), 0))
                             .where(TranslationUsage.provider == provider,
                                    TranslationUsage.day >= since))
