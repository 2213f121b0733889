"""`flask translations import --dir`: always on a copy of the catalogs, never translations/."""

import shutil
from datetime import date

from babel.messages.mofile import read_mo
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.wording.models import SuggestionStatus, WordingSuggestion
from meedoen.wording.review_state import read_catalog, review_of

from tests.conftest import ROOT
from tests.wording.helpers import PLAIN, make_suggestion


def copy_of_catalogs(tmp_path):
    target = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", target,
                    ignore=shutil.ignore_patterns("*.json", "*.pot", "*.cfg", "*.py", ".lock"))
    return target


def accepted(youth, **kwargs) -> WordingSuggestion:
    suggestion = make_suggestion(youth, **kwargs)
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.reviewed_at = utcnow()
    db.session.commit()
    return suggestion


def test_import_writes_accepted_wordings_and_marks_them_checked(app, factory, youth, clock,
                                                                tmp_path):
    catalogs = copy_of_catalogs(tmp_path)
    real = (ROOT / "translations/ti/LC_MESSAGES/messages.po").read_bytes()
    done = accepted(youth, text="ሰላም {name}፡ እንቋዕ ብደሓን መጻእካ")
    gone = accepted(youth, msgid="A text the app no longer has {name}")
    make_suggestion(youth, msgid="Ideas", text="ሓሳባትኩም")  # still pending: not imported
    result = app.test_cli_runner().invoke(args=["translations", "import", "--dir",
                                                str(catalogs)])
    assert result.exit_code == 0, result.output
    assert "ti: 1 imported" in result.output and f"suggestion {gone.id}" in result.output
    message = read_catalog(catalogs, "ti").get(PLAIN)
    assert message.string == "ሰላም {name}፡ እንቋዕ ብደሓን መጻእካ"
    review = review_of(message)
    assert review.day == date(2026, 11, 30) and f"suggestion {done.id}" in review.who
    assert read_catalog(catalogs, "ti").get("Ideas").string == "ሓሳባት"
    with (catalogs / "ti/LC_MESSAGES/messages.mo").open("rb") as f:
        assert read_mo(f).get(PLAIN).string == "ሰላም {name}፡ እንቋዕ ብደሓን መጻእካ"
    db.session.expire_all()
    assert db.session.get(WordingSuggestion, done.id).imported_at is not None
    assert db.session.get(WordingSuggestion, gone.id).imported_at is None
    assert (ROOT / "translations/ti/LC_MESSAGES/messages.po").read_bytes() == real
    again = app.test_cli_runner().invoke(args=["translations", "import", "--dir", str(catalogs)])
    assert "ti: 0 imported" in again.output
