"""One word means one thing on every screen: every msgid that uses an English glossary term
(translations/glossary.json) uses that language's glossary word (in any inflection its regex
allows), and concepts that appear side by side never get the same translation."""

import json
import re

import polib
import pytest

from tests.conftest import ROOT

GLOSSARY = json.loads((ROOT / "translations" / "glossary.json").read_text())
LANGS = sorted(GLOSSARY["languages"])


def catalog(lang):
    return polib.pofile(str(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"))


def strings(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_every_language_has_every_term_and_a_register():
    for lang in LANGS:
        spec = GLOSSARY["languages"][lang]
        assert spec["register"]
        assert set(spec["terms"]) == set(GLOSSARY["terms"]), lang


@pytest.mark.parametrize("lang", LANGS)
def test_terms_use_the_glossary_word(lang):
    terms = GLOSSARY["languages"][lang]["terms"]
    wrong = []
    for entry in catalog(lang):
        if entry.obsolete:
            continue
        for key, term in GLOSSARY["terms"].items():
            english = re.compile(term["en"], re.I)
            if not (english.search(entry.msgid) or english.search(entry.msgid_plural or "")):
                continue
            want = re.compile(terms[key]["match"], re.I)
            for text in strings(entry):
                if not want.search(text):
                    wrong.append(f"{key} ({terms[key]['word']}): {entry.msgid!r} -> {text!r}")
    assert not wrong, f"{lang}: {len(wrong)} strings miss the glossary word:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_concepts_side_by_side_differ(lang):
    spec = GLOSSARY["languages"][lang]["terms"]
    for a, b in GLOSSARY["must_differ"]["terms"]:
        assert spec[a]["word"].lower() != spec[b]["word"].lower(), (lang, a, b)
    po = catalog(lang)
    same = []
    for a, b in GLOSSARY["must_differ"]["msgids"]:
        one, two = po.find(a), po.find(b)
        assert one and two, (a, b)
        if one.msgstr.strip().lower() == two.msgstr.strip().lower():
            same.append(f"{a!r} and {b!r} are both {one.msgstr!r}")
    assert not same, f"{lang}: " + "; ".join(same)


def test_the_check_would_find_a_wrong_word():
    """The matcher itself: a Dutch 'inschrijven' where the glossary says 'aanmelden' is found."""
    want = re.compile(GLOSSARY["languages"]["nl"]["terms"]["sign_up"]["match"], re.I)
    assert want.search("Meld je aan") and want.search("Je bent aangemeld")
    assert not want.search("Je bent ingeschreven")
