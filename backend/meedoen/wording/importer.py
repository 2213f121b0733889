"""``flask translations import``: accepted wordings into the .po files, for a maintainer to
commit. Each imported message is marked as checked by a speaker of the language."""

import fcntl
from contextlib import contextmanager
from pathlib import Path

import click
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from meedoen.core.models import utcnow
from meedoen.core.transaction import committing
from meedoen.extensions import db
from meedoen.wording.catalog import placeholders, translations_dir
from meedoen.wording.models import SuggestionStatus, WordingSuggestion
from meedoen.wording.review_state import mark_reviewed, read_catalog

import_command = AppGroup("translations", help="The app's gettext catalogs.")


@contextmanager
def locked(directory: Path):
    """translations/translate.py takes the same lock: one writer of the catalogs at a time."""
    with (directory / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def waiting() -> list[WordingSuggestion]:
    return list(db.session.scalars(
        select(WordingSuggestion)
        .where(WordingSuggestion.status == SuggestionStatus.ACCEPTED,
               WordingSuggestion.imported_at.is_(None))
        .order_by(WordingSuggestion.language, WordingSuggestion.reviewed_at,
                  WordingSuggestion.id)))


def import_language(directory: Path, language: str, suggestions) -> tuple[list, list]:
    """Write one catalog (.po and .mo); the later of two wordings of one text wins."""
    catalog = read_catalog(directory, language)
    imported, skipped = [], []
    for suggestion in suggestions:
        message = catalog.get(suggestion.msgid)
        if (message is None or isinstance(message.id, tuple)
                or placeholders(suggestion.text) != placeholders(message.id)):
            skipped.append(suggestion)
            continue
        message.string = suggestion.text
        message.flags.discard("fuzzy")
        mark_reviewed(message, f"in-app reviewer (suggestion {suggestion.id})",
                      suggestion.reviewed_at.date())
        imported.append(suggestion)
    if imported:
        folder = directory / language / "LC_MESSAGES"
        with (folder / "messages.po").open("wb") as f:
            write_po(f, catalog, width=0, omit_header=False)
        with (folder / "messages.mo").open("wb") as f:
            write_mo(f, catalog)
    return imported, skipped


def import_accepted(directory: Path) -> dict[str, tuple[list, list]]:
    by_language: dict[str, list] = {}
    for suggestion in waiting():
        by_language.setdefault(suggestion.language, []).append(suggestion)
    results = {}
    with locked(directory):
        for language, suggestions in by_language.items():
            imported, skipped = import_language(directory, language, suggestions)
            for suggestion in imported:
                suggestion.imported_at = utcnow()
            results[language] = (imported, skipped)
    return results


@import_command.command("import")
@click.option("--dir", "directory", type=click.Path(file_okay=False, exists=True,
                                                    path_type=Path),
              help="The catalogs to write (default: the app's translations/).")
@with_appcontext
def import_accepted_command(directory: Path | None):
    """Write accepted, not yet imported wordings into the catalogs and mark them checked."""
    with committing():
        results = import_accepted(directory or translations_dir())
    if not results:
        click.echo("No accepted wordings wait to be imported.")
    for language, (imported, skipped) in sorted(results.items()):
        click.echo(f"{language}: {len(imported)} imported")
        for suggestion in skipped:
            click.echo(f"  not imported (text gone or placeholders differ): suggestion "
                       f"{suggestion.id}")
    click.echo("Rebuild the PWA (npm run build) and commit translations/.")
