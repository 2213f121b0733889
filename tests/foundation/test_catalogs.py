"""Every shipped catalog is complete: no missing, untranslated or fuzzy message, and the
placeholders of every translation match the original (what `translate.py check` reports)."""

import importlib.util

import polib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from meedoen.core.languages import CLDR_LOCALES, SHIPPED_LANGUAGES

from tests.conftest import ROOT


def load_translate():
    spec = importlib.util.spec_from_file_location("translate", ROOT / "translations" /
                                                  "translate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_catalog_is_complete(tmp_path):
    translate = load_translate()
    fresh = tmp_path / "messages.pot"
    translate.extract_to(fresh)  # from the sources as they are now, not the committed .pot
    problems = translate.problems(fresh)
    assert not problems, f"{len(problems)} catalog problems, e.g.:\n" + "\n".join(problems[:40])


def test_the_check_finds_what_it_should():
    """The check itself: missing, untranslated, fuzzy and changed placeholders are found."""
    translate = load_translate()
    catalog = Catalog(locale="nl")
    catalog.add("Hello %(name)s", "Hallo %(name)s")
    catalog.add("Bye {name}", "Dag {naam}")
    catalog.add("Later", "Straks", flags=["fuzzy"])
    catalog.add("Empty", "")
    assert translate._check(catalog.get("Hello %(name)s")) == []
    assert translate._check(catalog.get("Bye {name}")) == ["placeholders differ"]
    assert translate._check(catalog.get("Later")) == ["fuzzy"]
    assert translate._check(catalog.get("Empty")) == ["untranslated"]
    assert translate._check(catalog.get("Not there")) == ["missing"]


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_plural_forms_are_cldrs_for_each_language(lang):
    """Sorani and Oromo: one/other (n != 1); Dari like Persian (n > 1, CLDR's fa_AF); every
    plural message has exactly that many forms."""
    po = polib.pofile(str(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"))
    rule = get_plural(CLDR_LOCALES.get(lang, lang))
    assert po.metadata["Plural-Forms"] == rule.plural_forms
    plurals = [entry for entry in po if entry.msgid_plural and not entry.obsolete]
    assert plurals and all(len(entry.msgstr_plural) == rule.num_plurals for entry in plurals)
