"""One answer to "which language now" (meedoen.i18n.current_language), one way to switch to a
recipient's language (use_language, Dari included) and one format for when an activity
starts (format_when)."""

from datetime import UTC, datetime

import pytest
from flask_babel import gettext as _
from meedoen import events
from meedoen.auth.models import Role
from meedoen.core.languages import SHIPPED_LANGUAGES
from meedoen.events import notify
from meedoen.extensions import db
from meedoen.i18n import current_language, format_when, use_language
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import InboxItem
from sqlalchemy import select

from tests.activities.helpers import make_activity


def _render_language(event):
    return {"title": current_language(), "body": _("Reminder: %(title)s", title="x"),
            "url": "/inbox"}


@pytest.fixture(autouse=True)
def _test_renderer(monkeypatch):
    """A renderer of this test's own, only while it runs."""
    monkeypatch.setitem(events._renderers, "test.language", _render_language)


def test_the_request_decides_the_language(app):
    with app.test_request_context("/?lang=prs"):
        assert current_language() == "prs"
    with app.test_request_context("/", headers={"Accept-Language": "fa-AF, en;q=0.5"}):
        assert current_language() == "prs"  # a phone set to Dari may still say fa-AF
    with app.test_request_context("/", headers={"Accept-Language": "xx"}):
        assert current_language() == "nl"
    with app.app_context():  # workers, commands
        assert current_language() == "nl"


def test_use_language_switches_to_every_shipped_language_dari_too(app):
    with app.test_request_context("/?lang=nl"):
        for code in SHIPPED_LANGUAGES:
            with use_language(code):
                assert current_language() == code
        assert current_language() == "nl"


def test_a_dari_speaker_gets_their_notices(factory):
    """force_locale("prs") raised UnknownLocaleError: the notice was dropped."""
    town = factory.municipality()
    dari, arabic = (factory.user(Role.YOUTH, town, ui_language=code) for code in ("prs", "ar"))
    notify("test.language", [dari.id, arabic.id])
    db.session.commit()
    assert run_due_work()["events"] == 2
    db.session.expire_all()
    items = {i.user_id: i for i in db.session.scalars(select(InboxItem))}
    assert (items[dari.id].title, items[dari.id].lang) == ("prs", "prs")
    assert (items[arabic.id].title, items[arabic.id].lang) == ("ar", "ar")
    assert "Reminder" not in items[dari.id].body  # the Dari catalog


def test_a_dari_speakers_calendar_feed_is_in_dari(client, make_client, factory):
    """It answered 500 (force_locale("prs")); the title falls back to the Dutch original."""
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town, ui_language="prs")
    activity = make_activity(town, {"nl": ("Voetbal", ""), "prs": ("فوتبال", "")})
    client.login_as(youth)
    assert client.post(f"/api/v1/activities/{activity.id}/signup").status_code in (200, 201)
    path = client.get("/api/v1/me/calendar-feed").get_json()["url"].removeprefix(
        "http://localhost")
    feed = make_client().get(path)
    assert feed.status_code == 200 and "SUMMARY:فوتبال" in feed.get_data(as_text=True)


def test_when_an_activity_starts_in_amsterdam_time(app):
    moment = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    with app.test_request_context("/"):
        with use_language("nl"):
            assert format_when(moment) == "dinsdag 1 december, 19:00"
        with use_language("en"):
            assert format_when(moment) == "Tuesday 1 December, 19:00"
