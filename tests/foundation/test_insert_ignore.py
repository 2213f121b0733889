"""core.sql: INSERT … ON CONFLICT DO NOTHING, one row or many in one statement."""

from datetime import UTC, datetime

from meedoen.core.sql import insert_ignore, insert_ignore_many
from meedoen.extensions import db
from meedoen.translation.models import TranslationCache
from sqlalchemy import select

from tests.activities.test_finding import StatementCounter

WHEN = datetime(2026, 11, 30, 12, tzinfo=UTC)


def _row(source_hash: str, text: str) -> dict:
    return {"provider": "libretranslate", "source": "nl", "target": "ar",
            "source_hash": source_hash, "text": text, "created_at": WHEN}


def _stored() -> dict[str, str]:
    rows = db.session.execute(select(TranslationCache.source_hash, TranslationCache.text))
    return {source_hash: text for source_hash, text in rows}


def test_one_row_is_inserted_once(app_ctx):
    assert insert_ignore(TranslationCache, **_row("a", "first")) is True
    assert insert_ignore(TranslationCache, **_row("a", "second")) is False
    assert _stored() == {"a": "first"}


def test_many_rows_go_in_one_statement_and_clashing_ones_are_left_as_they_are(app_ctx):
    insert_ignore(TranslationCache, **_row("b", "kept"))
    with StatementCounter(db.engine) as counter:
        insert_ignore_many(TranslationCache, [_row("a", "new a"), _row("b", "not kept"),
                                              _row("c", "new c")])
    assert len(counter.statements) == 1, counter.statements
    assert _stored() == {"a": "new a", "b": "kept", "c": "new c"}
    with StatementCounter(db.engine) as counter:
        insert_ignore_many(TranslationCache, [])
    assert counter.statements == []
