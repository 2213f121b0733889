"""The review state in the catalogs: a 'reviewed-by: <who>, <YYYY-MM-DD>' translator comment."""

import subprocess
import sys
from datetime import date

import pytest
from babel.messages.catalog import Catalog, Message
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.wording.review_state import (
    malformed,
    mark_reviewed,
    read_catalog,
    report,
    review_of,
    share_of,
    unmark,
)

from tests.conftest import ROOT


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_every_review_mark_in_the_catalogs_is_well_formed(lang):
    catalog = read_catalog(ROOT / "translations", lang)
    found = {m.id: malformed(m) for m in catalog if m.id and malformed(m)}
    assert found == {}


def test_a_mark_is_a_translator_comment_and_reads_back():
    message = Message("Sign up", "ተመዝገብ", user_comments=["a translator's note"])
    assert review_of(message) is None
    mark_reviewed(message, "in-app reviewer (suggestion 3)", date(2026, 11, 30))
    assert message.user_comments == ["a translator's note",
                                     "reviewed-by: in-app reviewer (suggestion 3), 2026-11-30"]
    assert review_of(message).day == date(2026, 11, 30)
    mark_reviewed(message, "Tigrinya speaker, Amsterdam", date(2026, 12, 1))  # one mark only
    assert [review_of(message).who, len(message.user_comments)] == [
        "Tigrinya speaker  Amsterdam", 2]
    unmark(message)
    assert message.user_comments == ["a translator's note"]


@pytest.mark.parametrize(("comments", "string", "fuzzy"), [
    (["reviewed-by: someone"], "x", False),
    (["reviewed-by: someone, 2026-13-40"], "x", False),
    (["reviewed-by: a, 2026-11-30", "reviewed-by: b, 2026-11-30"], "x", False),
    (["reviewed-by: a, 2026-11-30"], "", False),
    (["reviewed-by: a, 2026-11-30"], "x", True),
])
def test_bad_marks_are_found(comments, string, fuzzy):
    message = Message("Sign up", string, user_comments=comments,
                      flags=["fuzzy"] if fuzzy else [])
    assert malformed(message)


def test_the_share_counts_marked_messages():
    catalog = Catalog(locale="ti")
    catalog.add("Sign up", "ተመዝገብ", user_comments=["reviewed-by: a, 2026-11-30"])
    catalog.add("Ideas", "ሓሳባት")
    share = share_of(catalog, "ti")
    assert (share.checked, share.total, share.percent) == (1, 2, 50)


def test_make_i18n_prints_every_language_and_its_honest_share():
    text = report(ROOT / "translations", SHIPPED_LANGUAGES)
    for lang in SHIPPED_LANGUAGES:
        assert f"\n  {lang:4} " in text
    done = subprocess.run([sys.executable, "translations/translate.py", "review"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == text


def test_fill_makes_a_changed_wording_a_draft_again():
    import importlib.util

    spec = importlib.util.spec_from_file_location("translate", ROOT / "translations/translate.py")
    translate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(translate)
    same = Message("Ideas", "ሓሳባት", user_comments=["reviewed-by: a, 2026-11-30"])
    translate.set_translation(same, "ሓሳባት")
    assert review_of(same) is not None
    changed = Message("Ideas", "ሓሳባት", user_comments=["reviewed-by: a, 2026-11-30"])
    translate.set_translation(changed, "ሓሳባትና")
    assert (changed.string, review_of(changed)) == ("ሓሳባትና", None)
