"""Explicit wiring (issue 18 item 4): SQLAlchemy listeners are installed by ``create_app`` and
the features' ``init_app`` on the app's own engine and session, never on SQLAlchemy's classes
and never by importing a module."""

import ast
from pathlib import Path

from meedoen import _set_pragmas
from meedoen.activities.texts import refresh_search_text
from meedoen.extensions import db
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

PACKAGE = Path(__file__).resolve().parents[2] / "backend" / "meedoen"
# Module-level listeners that stay, each with its reason.
ALLOWED_AT_IMPORT = {
    # DDL that belongs to the activity table's definition (like __table_args__): it is
    # attached to that Table object only and runs when the table is created.
    "activities/models.py",
}


def _module_level_listeners(tree: ast.Module) -> list[str]:
    """``event.listen(...)`` statements and ``@event.listens_for`` functions at the top of a
    module (inside a function they run only when the function is called)."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            if ast.unparse(node.value.func).endswith("listen"):
                found.append(f"line {node.lineno}: {ast.unparse(node.value)[:60]}")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [f"line {node.lineno}: @{ast.unparse(d)}" for d in node.decorator_list
                      if "listens_for" in ast.unparse(d)]
    return found


def test_no_listener_is_installed_by_importing_a_module():
    wrong = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("migrations/") or name in ALLOWED_AT_IMPORT:
            continue
        if found := _module_level_listeners(ast.parse(path.read_text(encoding="utf-8"))):
            wrong[name] = found
    assert not wrong, f"install listeners from create_app or a feature's init_app: {wrong}"


def test_the_scan_sees_module_level_listeners():
    tree = ast.parse("@event.listens_for(Engine, 'connect')\ndef f(*a): pass\n"
                     "event.listen(Session, 'before_flush', f)\n"
                     "def init_app(app):\n    event.listen(db.session, 'before_flush', f)\n")
    assert len(_module_level_listeners(tree)) == 2


def test_sqlite_pragmas_are_on_the_apps_engine_only(app, is_postgres):
    assert not event.contains(Engine, "connect", _set_pragmas)
    if is_postgres:
        return
    with app.app_context():
        assert event.contains(db.engine, "connect", _set_pragmas)
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    other = create_engine("sqlite://")
    with other.connect() as connection:  # another engine in the process is left alone
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
    other.dispose()


def test_the_search_text_listener_is_on_the_apps_session_only(app):
    """activities.init_app installs it on db.session (its own sessionmaker's class): a plain
    SQLAlchemy Session elsewhere in the process does not run it."""
    assert event.contains(db.session, "before_flush", refresh_search_text)
    assert not event.contains(Session, "before_flush", refresh_search_text)
    plain = Session()
    try:  # and no other before_flush listener sits on SQLAlchemy's Session class
        assert len(plain.dispatch.before_flush) == 0
    finally:
        plain.close()
