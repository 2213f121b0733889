"""What can be translated: each feature declares its texts as ``Subject``s in its
``translation.py`` and its init_app registers them here (``register``), as it registers its
notices; importing registers nothing. So the translation feature knows how to read and write
them without importing any feature.

A feature that saves a text calls ``request_translation`` in the same transaction; the
background work (worker.py) translates it soon after, never while the writer waits.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app, has_request_context
from sqlalchemy import update

from meedoen.core.models import utcnow
from meedoen.core.sql import insert_ignore
from meedoen.extensions import db
from meedoen.translation.audience import community_languages
from meedoen.translation.models import TranslationJob


@dataclass(frozen=True)
class Subject:
    name: str
    model: type
    fields: tuple[str, ...]
    # language -> row with the fields, `origin` and `source_hash` (the original's row included)
    rows: Callable[[object], dict]
    # a new row for a language, attached to the object
    add_row: Callable[[object, str], object]
    # texts written by youth: sent only to a provider allowed to see personal texts
    personal: bool = False
    html_fields: frozenset[str] = frozenset()
    # sanitises a machine-translated HTML field again, with the feature's own allowlist
    clean_html: Callable[[str], str] = str
    original_language: Callable[[object], str] = lambda obj: obj.original_language
    municipality_id: Callable[[object], int | None] = lambda obj: obj.municipality_id
    # the languages the text should be readable in; the municipality's languages by default
    target_languages: Callable[[object], set[str]] | None = None
    # for the staff coverage view: what a municipality publishes, and how to name one item
    published: Callable[[int | None], Iterable[object]] | None = None
    label: Callable[[object], str] = lambda obj: str(obj.id)

    # loader options that bring the rows along when a batch of objects is loaded
    load_options: tuple = ()

    def targets(self, obj) -> set[str]:
        if self.target_languages is not None:
            return self.target_languages(obj)
        return community_languages(self.municipality_id(obj))


SUBJECTS: dict[str, Subject] = {}  # filled by the features' init_app


def rows_by_language(rows: Iterable) -> dict:
    """``Subject.rows`` for an object whose texts are rows with a ``language``."""
    return {row.language: row for row in rows}


def row_adder(relationship: str, model: type, **empty: str) -> Callable[[object, str], object]:
    """``Subject.add_row``: a new, empty ``model`` row for a language, appended to the
    object's ``relationship`` (e.g. ``row_adder("texts", ActivityText, title="")``)."""

    def add_row(obj, language: str):
        row = model(language=language, **empty)
        getattr(obj, relationship).append(row)
        return row

    return add_row


def register(*subjects: Subject) -> None:
    """Called by a feature's init_app with the subjects its ``translation.py`` declares."""
    for subject in subjects:
        SUBJECTS[subject.name] = subject


def request_translation(subject: str, subject_id: int) -> None:
    """Queue (or make due again) the translation of one object, in the caller's transaction.
    Without a configured provider nothing is queued: texts stay as typed, as before."""
    if not current_app.config.get("TRANSLATION_PROVIDER"):
        return
    now = utcnow()
    if not insert_ignore(TranslationJob, subject=subject, subject_id=subject_id, attempts=0,
                         not_before=now, created_at=now):
        db.session.execute(update(TranslationJob)
                           .where(TranslationJob.subject == subject,
                                  TranslationJob.subject_id == subject_id)
                           .values(attempts=0, not_before=now)
                           .execution_options(synchronize_session=False))
    if has_request_context():  # the worker runs it soon after the request has committed
        from meedoen.notifications.runner import request_work

        request_work()
