import os
import secrets

import click
from flask.cli import with_appcontext

from meedoen.auth.passwords import hash_password
from meedoen.core.transaction import committing
from meedoen.demo import loaders


@click.command("demo")
@click.option("--password", help="Password for every demo account (default: $DEMO_PASSWORD, "
                                 "else a generated one that is printed).")
@with_appcontext
def demo_command(password: str | None):
    """Load the demo municipalities, accounts and content (idempotent)."""
    password = password or os.environ.get("DEMO_PASSWORD")
    generated = not password
    password = password or secrets.token_urlsafe(9)
    password_hash = hash_password(password)
    for load in loaders():
        with committing():
            load(password_hash)
    click.echo("Demo data loaded. Accounts: demo-youth, demo-mentor, demo-worker, "
               "demo-contact, demo-admin (and more youth: demo-youth-ar, demo-youth-fa, "
               "demo-youth-so).")
    if generated:
        click.echo(f"Demo password (generated): {password}")
