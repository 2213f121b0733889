"""Explicit wiring (issue 18 item 4): SQLAlchemy listeners are installed by ``create_app`` and
the features' ``init_app`` on the app's own engine and session, never on SQLAlchemy's classes
and never by importing a module; the registries (notice renderers, exports, erasers,
translation subjects, demo loaders, due work, notice groups) are filled by ``init_app`` only;
libraries' process-wide registries get none of our metrics, and one named storage scheme."""

import ast
import functools
import json
import subprocess
import sys
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


# Every registry a feature fills: name -> Python that reads it as a JSON-able list, in order
# (for due work: the order run_due_work runs it in).
REGISTRIES = {
    "renderers": "[[k, q(f)] for k, f in events._renderers.items()]",
    "exporters": "[[k, q(f), sorted(privacy._covers[k])] for k, f in privacy._exporters.items()]",
    "export_schemas": "[[k, repr(s)] for k, s in privacy._schemas.items()]",
    "erasers": "[[k, q(e.erase), sorted(e.covers)] for k, e in privacy._erasers.items()]",
    "owned_ids": "[[k, q(f)] for k, f in privacy._owned.items()]",
    "translation_subjects": "[[k, s.model.__name__, list(s.fields)] for k, s in SUBJECTS.items()]",
    "demo_loaders": "[q(f) for f in demo.loaders()]",
    "due_work": "[[k, q(f)] for k, (_, f) in sorted(dispatch._due_work.items(), "
                "key=lambda item: item[1][0])]",
    "notice_groups": "[[g, p, str(label)] for g, (p, label) in preferences._groups.items()]",
    "notice_kinds": "list(preferences._kind_groups.items())",
    "link_targets": "[[k, q(f)] for k, f in services._link_targets.items()]",
}
# Registries of libraries, process-wide, read at the same moments: what of ours they hold.
LIBRARY_REGISTRIES = {
    # Our metrics are made on each app's own CollectorRegistry (meedoen.ops.metrics).
    "prometheus_default": "sorted(n for n in prometheus_client.REGISTRY._names_to_collectors "
                          "if n.startswith('meedoen'))",
    "limits_schemes": "sorted([k, q(c)] for k, c in limits.storage.SCHEMES.items() "
                      "if c.__module__.startswith('meedoen'))",
}
# What importing does register, each with why it stays.
IMPORT_TIME_EXCEPTIONS = {
    "prometheus_default": [],
    # limits' Storage has a metaclass (limits._storage_scheme.StorageRegistry) that files each
    # subclass with a STORAGE_SCHEME in limits' process-wide table when the class is defined,
    # and flask-limiter builds its store only from that table (storage_from_string with
    # RATELIMIT_STORAGE_URI). So defining DatabaseStorage (core/ratelimit.py, imported by
    # meedoen/__init__.py) files meedoen+db://. Avoiding it would mean writing into limits'
    # private table or defining the class inside create_app. The entry is a class under our
    # own scheme and holds no app state: each store counts in the current app's engine.
    "limits_schemes": [["meedoen+db", "meedoen.core.ratelimit.DatabaseStorage"]],
}
READ_REGISTRIES = """
import importlib, json, os, pkgutil, tempfile
os.environ.setdefault("MEEDOEN_INSTANCE", tempfile.mkdtemp())
import limits.storage, prometheus_client
import meedoen
for info in pkgutil.walk_packages(meedoen.__path__, "meedoen."):
    if ".migrations" not in info.name:
        importlib.import_module(info.name)
from meedoen import demo, events, privacy
from meedoen.notifications import dispatch, preferences, services
from meedoen.translation.subjects import SUBJECTS

def q(fn):
    return f"{fn.__module__}.{fn.__qualname__}"

def registries():
    return {name: eval(code) for name, code in REGISTRIES.items()}

def libraries():
    return {name: eval(code) for name, code in LIBRARY_REGISTRIES.items()}

after_import, libraries_after_import = registries(), libraries()
meedoen.create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
first, libraries_first = registries(), libraries()
meedoen.create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
print(json.dumps({"after_import": after_import, "first": first, "second": registries(),
                  "libraries": {"after_import": libraries_after_import, "first": libraries_first,
                                "second": libraries()}}))
"""


@functools.cache  # one interpreter for the tests that read it
def _registries_in_a_fresh_interpreter() -> dict:
    """Each registry after importing all of meedoen, after create_app, after a second one."""
    code = (f"REGISTRIES = {REGISTRIES!r}\nLIBRARY_REGISTRIES = {LIBRARY_REGISTRIES!r}\n"
            f"{READ_REGISTRIES}")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_every_module_fills_no_registry_and_create_app_fills_each_once():
    """Importing (all of meedoen, in a fresh interpreter) registers nothing: the renderers,
    exports, erasers, owned ids, translation subjects, demo loaders, due work and notice
    groups are registered by the features' init_app. Building a second app leaves them as
    the first one made them."""
    seen = _registries_in_a_fresh_interpreter()
    assert seen["after_import"] == {name: [] for name in REGISTRIES}
    first = seen["first"]
    assert all(first.values()), [name for name, found in first.items() if not found]
    assert seen["second"] == first
    assert [name for name, _ in first["due_work"]] == [
        "reminders", "screening_reminders", "renewal_reminders"]
    assert first["demo_loaders"][0] == "meedoen.demo.places.load_places_and_accounts"
    assert [name for name, *_ in first["erasers"]] == [
        "questions", "activities.places", "ideas", "funds", "wording"]


def test_libraries_registries_hold_none_of_ours_but_the_named_exception():
    """After importing all of meedoen and after each of two create_app: none of our metrics in
    prometheus_client's default registry (two apps in a process count apart), and in limits'
    storage schemes only IMPORT_TIME_EXCEPTIONS."""
    seen = _registries_in_a_fresh_interpreter()["libraries"]
    assert seen == {moment: IMPORT_TIME_EXCEPTIONS
                    for moment in ("after_import", "first", "second")}
