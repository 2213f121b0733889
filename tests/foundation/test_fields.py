"""Fields and parsing by subclassing, nothing patched (issue 18 item 4).

Every schema uses ``meedoen.core.fields`` and ``meedoen.core.validate`` (translated messages,
a String that is storable text, an Integer within a database INTEGER) and every route module
``meedoen.core.api.Blueprint`` (the stricter parser). marshmallow and flask-smorest stay as
they ship: a schema that slips back to ``marshmallow.fields`` would answer in English and
let a huge number or a lone surrogate through to the database (a 500), so these tests refuse
it, by reading the source and by looking at the schemas that exist once the app is built.
"""

import ast
from pathlib import Path

import flask_smorest
import marshmallow
import pytest
from flask_smorest.arguments import ArgumentsMixin
from marshmallow import fields as ma_fields
from marshmallow import validate as ma_validate
from meedoen.core import fields, validate
from meedoen.core.api import Blueprint, MeedoenParser
from webargs.flaskparser import FlaskParser

PACKAGE = Path(__file__).resolve().parents[2] / "backend" / "meedoen"
# The only modules that may use marshmallow's fields and validators, or smorest's Blueprint.
OWN_FIELDS = {"core/fields.py", "core/validate.py"}
OWN_BLUEPRINT = {"core/api.py"}
TRANSLATED_VALIDATORS = (ma_validate.Length, ma_validate.Range, ma_validate.OneOf)


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith("migrations/"):
            yield name, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def uses(tree: ast.AST, package: str, names: set[str]) -> list[str]:
    """Where ``tree`` imports ``package.<name>`` (from-imports and dotted imports)."""
    dotted = {f"{package}.{name}" for name in names}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == package:
            found += [f"line {node.lineno}: from {package} import {alias.name}"
                      for alias in node.names if alias.name in names]
        elif isinstance(node, ast.ImportFrom) and node.module in dotted:
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {alias.name}" for alias in node.names
                      if alias.name in dotted]
    return found


def makes(tree: ast.AST, package: str, names: set[str]) -> list[str]:
    """Where ``tree`` makes a ``package.<name>.X`` (a field, a validator) or subclasses one,
    whatever it was imported as. Only looking at them (``isinstance``) is allowed."""
    modules, classes = set(), set()  # local names of those modules, of their classes
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == package:
            modules |= {a.asname or a.name for a in node.names if a.name in names}
        elif isinstance(node, ast.ImportFrom) and node.module in {f"{package}.{n}" for n in names}:
            classes |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name == package and a.asname:
                    modules |= {f"{a.asname}.{n}" for n in names}
                elif a.name == package or a.name.startswith(package + "."):
                    modules |= {a.asname} if a.asname else {f"{package}.{n}" for n in names}

    def theirs(expr) -> bool:
        if isinstance(expr, ast.Name):
            return expr.id in classes
        return isinstance(expr, ast.Attribute) and ast.unparse(expr.value) in modules

    found = []
    for node in ast.walk(tree):
        made = [node.func] if isinstance(node, ast.Call) else (
            node.bases if isinstance(node, ast.ClassDef) else [])
        found += [f"line {node.lineno}: {ast.unparse(e)}" for e in made if theirs(e)]
    return found


def test_no_module_makes_marshmallows_own_fields_or_validators():
    wrong = {name: found for name, tree in modules() if name not in OWN_FIELDS
             if (found := makes(tree, "marshmallow", {"fields", "validate"}))}
    assert not wrong, ("use `from meedoen.core import fields, validate` instead of "
                       f"marshmallow's: {wrong}")


def test_no_module_uses_smorests_own_blueprint():
    wrong = {name: found for name, tree in modules() if name not in OWN_BLUEPRINT
             if (found := uses(tree, "flask_smorest", {"Blueprint"}))}
    assert not wrong, f"use `from meedoen.core.api import Blueprint`: {wrong}"


def test_the_scan_sees_each_spelling():
    spellings = ["from marshmallow import fields\nfields.String()",
                 "from marshmallow import fields as f\nclass T(f.String): pass",
                 "import marshmallow.validate\nmarshmallow.validate.Length(max=3)",
                 "import marshmallow as ma\nma.fields.Integer()",
                 "from marshmallow.fields import String as S\nS()",
                 "from marshmallow.validate import OneOf\nOneOf([1])"]
    for source in spellings:
        assert makes(ast.parse(source), "marshmallow", {"fields", "validate"}), source
    looking = "from marshmallow import fields as f\nisinstance(x, f.String)"
    assert not makes(ast.parse(looking), "marshmallow", {"fields", "validate"})
    assert not makes(ast.parse("from meedoen.core import fields\nfields.String()"),
                     "marshmallow", {"fields", "validate"})
    assert uses(ast.parse("from flask_smorest import Api, Blueprint"), "flask_smorest",
                {"Blueprint"})


def _fields_of(field):
    yield field
    for inner in (getattr(field, "inner", None), getattr(field, "key_field", None),
                  getattr(field, "value_field", None), *getattr(field, "tuple_fields", ())):
        if inner is not None:
            yield from _fields_of(inner)


def _schemas(cls=marshmallow.Schema):
    for sub in cls.__subclasses__():
        yield sub
        yield from _schemas(sub)


def test_every_schema_field_and_validator_is_ours(app):
    """The app is built, so every feature's schemas exist (page schemas made by a function
    included). Each field is a meedoen field; no validator is marshmallow's untranslated
    Length, Range or OneOf."""
    seen, wrong = 0, []
    for schema in set(_schemas()):
        if not schema.__module__.startswith("meedoen."):
            continue
        for name, declared in schema._declared_fields.items():
            for field in _fields_of(declared):
                seen += 1
                if not type(field).__module__.startswith("meedoen."):
                    wrong.append(f"{schema.__module__}.{schema.__name__}.{name}: "
                                 f"{type(field).__module__}.{type(field).__name__}")
                wrong += [f"{schema.__module__}.{schema.__name__}.{name}: {v!r}"
                          for v in field.validators
                          if type(v).__module__.startswith("marshmallow.")
                          and isinstance(v, TRANSLATED_VALIDATORS)]
    assert seen > 500
    assert not wrong, wrong


def test_marshmallow_and_smorest_stay_as_they_ship(app):
    """Building the app (``app`` is built) changes no class of marshmallow or flask-smorest."""
    assert ma_fields.Field.default_error_messages["required"] == (
        "Missing data for required field.")
    assert ma_fields.String._deserialize.__module__ == "marshmallow.fields"
    assert ma_fields.Integer._validated.__module__ == "marshmallow.fields"
    assert ma_validate.Length.message_max == "Longer than maximum length {max}."
    assert ma_validate.OneOf.default_message == "Must be one of: {choices}."
    assert marshmallow.Schema._default_error_messages["unknown"] == "Unknown field."
    assert type(ArgumentsMixin.ARGUMENTS_PARSER) is FlaskParser
    assert type(flask_smorest.Blueprint.ARGUMENTS_PARSER) is FlaskParser
    assert isinstance(Blueprint.ARGUMENTS_PARSER, MeedoenParser)


def _text(error: marshmallow.ValidationError) -> str:
    # A lazily translated message is not a str, so marshmallow keeps it as it is.
    messages = error.messages
    return str(messages[0] if isinstance(messages, list) else messages)


@pytest.mark.parametrize(("lang", "too_large", "not_text"), [
    ("en", "This number is too large.", "This text is not valid."),
    ("nl", None, None),
])
def test_the_hardened_fields_answer_in_the_language(app, lang, too_large, not_text):
    from flask_babel import force_locale

    with app.test_request_context(f"/?lang={lang}"), force_locale(lang):
        with pytest.raises(marshmallow.ValidationError) as big:
            fields.Integer().deserialize(2**31)
        with pytest.raises(marshmallow.ValidationError) as surrogate:
            fields.String().deserialize("a\ud800")
        with pytest.raises(marshmallow.ValidationError) as long:
            fields.String(validate=validate.Length(max=2)).deserialize("abc")
        messages = [_text(big.value), _text(surrogate.value), _text(long.value)]
    assert fields.Integer().deserialize(2**31 - 1) == 2**31 - 1
    if too_large:
        assert messages[:2] == [too_large, not_text]
        assert messages[2] == "This can be at most 2 long."
    else:  # translated: not marshmallow's English, not the English msgid
        assert "Number too large." not in messages
        assert "This number is too large." not in messages
        assert "This can be at most 2 long." not in messages
