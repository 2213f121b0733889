"""The background translation work: due jobs → missing or stale machine translations.

Human translations are never overwritten; machine ones are redone when their original
changed. The texts of a whole batch of jobs travel together: one request per language pair
and format (HTML or plain), so a thousand new activities cost a few hundred requests, not
twelve thousand. A provider that is down, slow, over its quota or answering nonsense leaves
the texts as they are (readers see the original) and the batch is tried again later.
"""

import hashlib
import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import itemgetter

from flask import current_app
from sqlalchemy import delete, select, update

from meedoen.audit.models import record
from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore, insert_ignore_many
from meedoen.core.transaction import commit, committing, rollback
from meedoen.extensions import db
from meedoen.i18n.texts import MACHINE, content_hash, fields_of
from meedoen.translation.audience import base, remembered
from meedoen.translation.models import TranslationCache, TranslationJob, TranslationUsage
from meedoen.translation.providers import BadAnswer, ProviderError, QuotaExceeded
from meedoen.translation.service import get_provider, personal_texts_allowed
from meedoen.translation.subjects import SUBJECTS, Subject

log = logging.getLogger(__name__)
BATCH = 50
MAX_BACKOFF = timedelta(hours=6)
LEASE = timedelta(minutes=10)
# Provider requests of one batch in flight at once (they wait on the network, not the CPU).
CONCURRENT_REQUESTS = 4
# One provider request carries at most this many texts and characters.
REQUEST_TEXTS, REQUEST_CHARACTERS = 100, 20_000


class DailyLimitReached(Exception):
    pass


@dataclass(frozen=True)
class Group:
    """Texts that can share one provider request."""

    source: str
    target: str
    html: bool
    personal: bool


@dataclass
class Need:
    """One object's fields to be machine translated into one language."""

    subject: Subject
    obj: object
    language: str
    source_language: str
    source: dict
    source_hash: str


def run_due_translations(now: datetime | None = None, limit: int = BATCH) -> int:
    """Work through the due jobs, a batch at a time, for at most the tick's time budget;
    the number of objects handled."""
    provider = get_provider()
    if provider is None:
        return 0
    now = now or utcnow()
    deadline = time.monotonic() + current_app.config["TRANSLATION_TICK_SECONDS"]
    handled = 0
    while time.monotonic() < deadline:
        jobs, lease = claim(now, limit)
        if not jobs:
            break
        done = _run_batch(provider, jobs, lease, now)
        handled += done
        if not done or len(jobs) < limit:
            break
    rollback()  # what was only read
    return handled


def claim(now: datetime, limit: int) -> tuple[list, datetime]:
    """Take up to ``limit`` due jobs for this worker: their ``not_before`` moves to a lease
    time that doubles as the claim's mark. Another worker (or gunicorn process) waiting on
    the same rows finds them no longer due; a worker that dies leaves them to the next one
    once the lease has passed."""
    lease = utcnow() + LEASE
    due = select(TranslationJob.id).where(TranslationJob.not_before <= now).order_by(
        TranslationJob.not_before, TranslationJob.id).limit(limit)
    with committing():
        jobs = db.session.execute(
            update(TranslationJob)
            .where(TranslationJob.id.in_(due.scalar_subquery()), TranslationJob.not_before <= now)
            .values(not_before=lease)
            .returning(TranslationJob.id, TranslationJob.subject, TranslationJob.subject_id,
                       TranslationJob.attempts)
            .execution_options(synchronize_session=False)).all()
    return jobs, lease


def in_first_try(subject: str, now: datetime):
    """The ids of ``subject``'s objects a worker is translating now, on the first try (leased,
    not yet failed). A message waits for those, so that another worker does not send it in the
    original meanwhile; once a try has failed it goes out without waiting. A worker that dies
    holds its objects until the lease (LEASE) ends."""
    return select(TranslationJob.subject_id).where(
        TranslationJob.subject == subject, TranslationJob.attempts == 0,
        TranslationJob.not_before > now)


def _run_batch(provider, jobs, lease: datetime, now: datetime) -> int:
    """One batch, committed as one unit: its texts and the jobs done, or the jobs postponed."""
    try:
        return _translate_batch(provider, jobs, lease, now)
    except Exception as error:
        # A fault of ours, not the provider's: postponed like a failed try, so the messages
        # waiting for these texts (in_first_try) go out now rather than when the lease ends.
        log.exception("translation batch of %d objects failed", len(jobs))
        with committing():
            _postpone(jobs, lease, error, now)
        return 0


def _translate_batch(provider, jobs, lease: datetime, now: datetime) -> int:
    with committing():
        needs = []
        with remembered():
            for subject, obj in _load(jobs):
                needs += plan(provider, subject, obj)
        try:
            translated = translate_needs(provider, needs, now)
        except (ProviderError, DailyLimitReached) as error:
            rollback()
            _postpone(jobs, lease, error, now)
            return 0
        for need, fields in zip(needs, translated, strict=True):
            _store(need, fields)
        # A job asked for again meanwhile (the text changed) has a new time: it stays.
        db.session.execute(delete(TranslationJob).where(
            TranslationJob.id.in_([job.id for job in jobs]), TranslationJob.not_before == lease))
    return len(jobs)


def _load(jobs) -> list[tuple[Subject, object]]:
    """The jobs' objects, each subject's in one query with their texts."""
    ids = defaultdict(list)
    for job in jobs:
        if job.subject in SUBJECTS:
            ids[job.subject].append(job.subject_id)
    loaded = []
    for name, subject_ids in ids.items():
        subject = SUBJECTS[name]
        model = subject.model
        query = select(model).where(model.id.in_(subject_ids)).options(*subject.load_options)
        loaded += [(subject, obj) for obj in db.session.scalars(query)]
    return loaded


def plan(provider, subject: Subject, obj) -> list[Need]:
    """The languages an object still needs from the machine: missing, or a machine text made
    from an older original. Human texts are never on the list."""
    if subject.personal and not personal_texts_allowed(provider):
        return []
    written_in = subject.original_language(obj)
    source_language = base(written_in)  # Dari stored as fa_AF is prs (providers.PROVIDER_CODES)
    rows = subject.rows(obj)
    supported = provider.languages()
    if written_in not in rows or source_language not in supported:
        return []
    source = fields_of(rows[written_in], subject.fields)
    current = content_hash(source)
    wanted = sorted((subject.targets(obj) & supported) - {source_language, written_in})
    return [Need(subject, obj, language, source_language, source, current)
            for language in wanted if _needs_machine(rows.get(language), current)]


def _needs_machine(row, current: str) -> bool:
    return row is None or (row.origin == MACHINE and row.source_hash != current)


def _store(need: Need, fields: dict) -> None:
    row = need.subject.rows(need.obj).get(need.language) or need.subject.add_row(
        need.obj, need.language)
    for name, value in fields.items():
        setattr(row, name, _fit(row, name, value))
    row.origin, row.source_hash = MACHINE, need.source_hash


def _fit(row, name: str, value: str) -> str:
    length = type(row).__table__.c[name].type.length
    return value[:length] if length else value


def translate_fields(provider, subject: Subject, source: dict, source_language: str,
                     target: str, now: datetime) -> dict[str, str]:
    """One object's fields in one language (a staff preview)."""
    need = Need(subject, None, target, source_language, source, content_hash(source))
    return translate_needs(provider, [need], now)[0]


def translate_needs(provider, needs: list[Need], now: datetime) -> list[dict[str, str]]:
    """Every need's fields translated: texts grouped by language pair and format, the cache
    first (never for personal texts), then one request per group and chunk, a few at once."""
    groups: dict[Group, set[str]] = defaultdict(set)
    for need in needs:
        for name, value in need.source.items():
            if value.strip():
                groups[_group(need, name)].add(value)
    answers = {group: {} if group.personal else _cached(provider.name, group.source,
                                                        group.target, sorted(texts))
               for group, texts in groups.items()}
    requests = [(group, chunk) for group, texts in groups.items()
                for chunk in _chunks(sorted(texts - answers[group].keys()))]
    for (group, _), fresh in zip(requests, _send(provider, requests, now), strict=True):
        answers[group].update(fresh)
    return [{name: _answer(need, name, value, answers) for name, value in need.source.items()}
            for need in needs]


def _send(provider, requests: list[tuple[Group, list[str]]], now: datetime) -> list[dict]:
    """The provider's answers to every chunk; counted, audited and cached (published texts)
    as soon as they are in, even if another chunk fails."""
    if not requests:
        return []
    _charge(provider, sum(len(text) for _, chunk in requests for text in chunk), now)
    commit()  # the characters stay charged even if the provider fails (and others see them)

    def ask(request):
        group, chunk = request
        return provider.translate(chunk, group.source, group.target, group.html)

    with ThreadPoolExecutor(min(CONCURRENT_REQUESTS, len(requests))) as pool:
        futures = [pool.submit(ask, request) for request in requests]
    results = []
    for (group, chunk), future in zip(requests, futures, strict=True):
        answers = future.result()  # the first failure raises: the batch waits for later
        _check_answers(chunk, answers)
        _audit_sent(provider, group, len(chunk))
        fresh = dict(zip(chunk, answers, strict=True))
        if not group.personal:
            _store_cache(provider.name, group.source, group.target, fresh)
        results.append(fresh)
    return results  # committed by the caller's unit (the batch, or the preview's request)


def _group(need: Need, name: str) -> Group:
    return Group(need.source_language, need.language, name in need.subject.html_fields,
                 need.subject.personal)


def _answer(need: Need, name: str, value: str, answers: dict) -> str:
    if not value.strip():
        return value
    group = _group(need, name)
    text = answers[group][value]
    return need.subject.clean_html(text) if group.html else text


def _chunks(texts: list[str]):
    chunk, size = [], 0
    for text in texts:
        if chunk and (len(chunk) == REQUEST_TEXTS or size + len(text) > REQUEST_CHARACTERS):
            yield chunk
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield chunk


def cached_translation(provider, subject: Subject, source: dict, source_language: str,
                       target: str) -> dict | None:
    """The fields as the machine translated them before, if every one is in the cache."""
    need = Need(subject, None, target, source_language, source, "")
    answers = {}
    for name, value in source.items():
        group = _group(need, name)
        if value.strip() and group not in answers:
            texts = [v for n, v in source.items() if _group(need, n) == group]
            answers[group] = _cached(provider.name, source_language, target, texts)
        if value.strip() and value not in answers[group]:
            return None
    return {name: _answer(need, name, value, answers) for name, value in source.items()}


def _check_answers(asked: list[str], answers) -> None:
    if (not isinstance(answers, list) or len(answers) != len(asked)
            or not all(isinstance(answer, str) and answer.strip() for answer in answers)):
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
    now = utcnow()
    rows = sorted(({"provider": provider, "source": source, "target": target,
                    "source_hash": text_key(original), "text": translated, "created_at": now}
                   for original, translated in fresh.items()), key=itemgetter("source_hash"))
    insert_ignore_many(TranslationCache, rows)


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


def _audit_sent(provider, group: Group, count: int) -> None:
    """A batch that left the municipality's own servers: how many texts, which languages,
    whether they were written by youth. Never the texts."""
    if not provider.self_hosted:
        record(None, "translation.sent", None, provider=provider.name, texts=count,
               languages=[group.source, group.target], personal=group.personal)


def _postpone(jobs, lease: datetime, error: Exception, now: datetime) -> None:
    for job in jobs:
        wait_until = _retry_time(job.attempts, error, now)
        db.session.execute(update(TranslationJob)
                           .where(TranslationJob.id == job.id, TranslationJob.not_before == lease)
                           .values(attempts=job.attempts + 1, not_before=wait_until))
    log.warning("translation of %d objects postponed: %s", len(jobs), type(error).__name__)


def _retry_time(attempts: int, error: Exception, now: datetime) -> datetime:
    if isinstance(error, DailyLimitReached):
        tomorrow = (now.astimezone(UTC) + timedelta(days=1)).date()
        return datetime.combine(tomorrow, datetime.min.time(), tzinfo=UTC)
    backoff = min(timedelta(minutes=2 ** attempts), MAX_BACKOFF)
    retry_after = error.retry_after if isinstance(error, QuotaExceeded) else None
    return now + max(backoff, timedelta(seconds=retry_after or 0))

