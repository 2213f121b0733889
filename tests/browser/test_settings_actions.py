"""Settings' actions run through the one action hook (lib/action.js): quiet hours are saved
and say so, and deleting the account logs the young person out and removes them (Arabic,
right to left)."""

from datetime import time

import pytest
from meedoen.auth.models import User
from meedoen.extensions import db
from playwright.sync_api import expect
from sqlalchemy import select

from .helpers import new_youth, tr

pytestmark = pytest.mark.browser

USERNAME = "settings-youth-ar"


def stored(live_app, column):
    with live_app.app.app_context():
        return db.session.scalar(select(column).where(User.username == USERNAME))


def test_quiet_hours_then_delete_my_account(phone, live_app):
    new_youth(live_app, USERNAME, "ar", "Settings")
    page = phone("ar", USERNAME, "/settings")
    quiet = page.locator("section[aria-labelledby=quiet]")
    times = quiet.locator("input[type=time]")
    times.nth(0).fill("22:00")
    times.nth(1).fill("07:30")
    quiet.locator("button[type=submit]").click()
    expect(quiet.locator(".note-ok")).to_have_text(tr("ar", "Saved."))
    assert stored(live_app, User.quiet_from) == time(22, 0)
    assert stored(live_app, User.quiet_until) == time(7, 30)

    delete = page.locator("section[aria-labelledby=delete]")
    delete.locator("button").click()
    delete.get_by_role("button", name=tr("ar", "Yes, delete everything")).click()
    page.wait_for_url("**/welcome")
    assert stored(live_app, User.id) is None
    assert page.errors == []
