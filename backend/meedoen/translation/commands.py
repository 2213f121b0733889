"""`flask --app meedoen translate-published`: when a provider is switched on, queue every
published text that exists already (new and changed texts are queued when they are saved)."""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from meedoen.core.transaction import committing
from meedoen.extensions import db
from meedoen.places.models import Municipality
from meedoen.translation.subjects import SUBJECTS, request_translation


@click.command("translate-published")
@with_appcontext
def translate_published_command() -> None:
    """Queue the machine translation of every published activity and contact."""
    from flask import current_app

    if not current_app.config.get("TRANSLATION_PROVIDER"):
        raise click.ClickException("TRANSLATION_PROVIDER is not set: nothing to do.")
    click.echo(f"queued {queue_published()} texts for translation")


def queue_published() -> int:
    municipalities = [None, *db.session.scalars(select(Municipality.id))]
    queued = 0
    with committing():
        for subject in SUBJECTS.values():
            if subject.published is None:
                continue
            for municipality_id in municipalities:
                for obj in subject.published(municipality_id):
                    request_translation(subject.name, obj.id)
                    queued += 1
    return queued
