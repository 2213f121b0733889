"""``flask --app meedoen create-admin``: the first admin account of a new installation
(README in this folder: Deployment). Admins then make municipalities, locations and staff in
the app itself."""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from meedoen.auth.models import Role, User
from meedoen.auth.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, password_problem
from meedoen.auth.schemas import USERNAME
from meedoen.extensions import db


def _check(username: str, password: str) -> str | None:
    """Why this account cannot be made, or None."""
    if not USERNAME.regex.match(username):
        return "Use 3 to 40 letters a-z, digits, dots, dashes or underscores for the username."
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        return f"The password needs {MIN_LENGTH} to {MAX_LENGTH} characters."
    if password_problem(password, (username,)):
        return "This password is too easy to guess (common, a pattern or the username)."
    if db.session.scalar(select(User.id).where(User.username == username)):
        return f"The username {username} is taken already."
    return None


@click.command("create-admin")
@click.argument("username")
@click.option("--password", envvar="MEEDOEN_ADMIN_PASSWORD", prompt=True, hide_input=True,
              confirmation_prompt=True,
              help="Asked for when not given (or set MEEDOEN_ADMIN_PASSWORD).")
@click.option("--display-name", default="Beheer", show_default=True)
@with_appcontext
def create_admin_command(username: str, password: str, display_name: str):
    """Create an admin account (the first one of a new installation)."""
    from meedoen.audit.models import record
    from meedoen.core.transaction import committing

    username = username.strip().lower()
    problem = _check(username, password)
    if problem:
        raise click.ClickException(problem)
    with committing():
        admin = User(username=username, role=Role.ADMIN, display_name=display_name[:60],
                     password_hash=hash_password(password))
        db.session.add(admin)
        db.session.flush()
        record(None, "user.admin_created_on_server", None, user_id=admin.id)
    click.echo(f"Admin {username} created. Log in at /, then add municipalities and staff.")
