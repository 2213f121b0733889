"""One pagination (meedoen.core.pagination): ?limit=&cursor= in, {items, next_cursor} out.

The helper on its own (cursor round trip, forged or garbled cursors, limits) and the first
list that uses it, GET /api/v1/users.
"""

from datetime import UTC, datetime

import pytest
from flask import current_app
from flask_babel import force_locale, gettext
from itsdangerous import URLSafeSerializer
from meedoen.auth.models import User
from meedoen.core.errors import ApiError
from meedoen.core.pagination import decode_cursor, encode_cursor, keyset_page
from sqlalchemy import select

from tests.foundation.helpers import assert_error

BAD_CURSOR = "We could not find where this list goes on. Start again from the top."


def test_a_cursor_comes_back_as_it_went(app_ctx):
    when = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    values = ["Amal", 42, when, None, 1.5]
    cursor = encode_cursor(values, "users")
    assert cursor.isascii() and "/" not in cursor and "+" not in cursor  # URL-safe
    assert decode_cursor(cursor, "users", 5) == values


def test_a_cursor_is_never_compressed_and_a_compressed_one_of_before_still_reads(app_ctx):
    long_name = "Amal " * 40  # compressible: URLSafeSerializer would zlib it
    cursor = encode_cursor([long_name, 7], "users")
    assert not cursor.startswith(".")  # "." marks a zlib-compressed payload
    earlier = URLSafeSerializer(current_app.config["SECRET_KEY"],
                                salt="meedoen.page.users").dumps([long_name, 7])
    assert earlier.startswith(".")
    assert decode_cursor(earlier, "users", 2) == decode_cursor(cursor, "users", 2) == [
        long_name, 7]


@pytest.mark.parametrize("cursor", ["x", "garbage", "W10.garbled", "a" * 40])
def test_garbled_cursors_are_refused(app_ctx, cursor):
    with pytest.raises(ApiError) as refused:
        decode_cursor(cursor, "users", 2)
    assert refused.value.code == 400


def test_a_cursor_only_opens_its_own_list_and_length(app_ctx):
    cursor = encode_cursor(["Amal", 3], "users")
    for list_name, length in (("contacts", 2), ("users", 3)):
        with pytest.raises(ApiError):
            decode_cursor(cursor, list_name, length)


def _manager(factory, client):
    municipality = factory.municipality()
    client.login_as(factory.user("youth_worker", municipality))
    return municipality


def test_a_forged_cursor_is_a_400_in_my_language(app, factory, client):
    factory.user("youth", _manager(factory, client))
    good = client.get("/api/v1/users?limit=1").json["next_cursor"]
    assert good
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    for lang in ("ar", "ti", "nl"):
        body = assert_error(client.get(f"/api/v1/users?limit=1&cursor={forged}&lang={lang}"),
                            400, "invalid_cursor", ["cursor"])
        with app.test_request_context(), force_locale(lang):
            assert body["message"] == gettext(BAD_CURSOR)
        assert lang == "nl" or body["message"] != BAD_CURSOR  # translated, not English


@pytest.mark.parametrize("limit", ["0", "101", "-1", "x", "1.5", str(2**40)])
def test_limits_are_validated(factory, client, limit):
    _manager(factory, client)
    assert_error(client.get(f"/api/v1/users?limit={limit}"), 422, "invalid_input", ["limit"])


def test_an_overlong_cursor_is_refused(factory, client):
    _manager(factory, client)
    assert_error(client.get("/api/v1/users?cursor=" + "a" * 501), 422, "invalid_input",
                 ["cursor"])


def _all_pages(client, path, added=()):
    """Page through ``path``; before each next page, add the next row of ``added``."""
    seen, cursor = [], None
    for pages, add in enumerate([*added, *[None] * 50], start=1):
        page = client.get(path + (f"&cursor={cursor}" if cursor else "")).json
        assert set(page) == {"items", "next_cursor"}
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen, pages
        if add:
            add()
    raise AssertionError("the pages did not end")


def test_users_come_a_page_at_a_time_by_name(factory, client):
    municipality = _manager(factory, client)
    names = ["Zeynep", "amal", "Bram", "Bram", "Chen", "Dawit", "Eva"]
    for name in names:
        factory.user("youth", municipality, display_name=name)
    everyone = client.get("/api/v1/users?role=youth&limit=100").json
    assert everyone["next_cursor"] is None
    seen, pages = _all_pages(client, "/api/v1/users?role=youth&limit=2")
    assert pages == 4
    assert seen == [user["id"] for user in everyone["items"]]
    assert len(set(seen)) == len(names)


def test_pages_join_up_while_accounts_are_added(factory, client):
    municipality = _manager(factory, client)
    for name in ["Bram", "Dawit", "Fatima", "Hana", "Jan", "Lina"]:
        factory.user("youth", municipality, display_name=name)
    before = {user["id"] for user in client.get("/api/v1/users?role=youth").json["items"]}
    new = []

    def adder(name):
        return lambda: new.append(factory.user("youth", municipality, display_name=name).id)

    # Pages end at Dawit, Hana, Lina. Aziz sorts before the pages already read (a fresh
    # start shows him); Iman and Zara after: each shows up once. Nothing read repeats,
    # nothing goes missing, as it would with an offset.
    seen, pages = _all_pages(client, "/api/v1/users?role=youth&limit=2",
                             [adder("Aziz"), adder("Iman"), adder("Zara")])
    assert len(seen) == len(set(seen)) == 8 and pages == 4
    assert before <= set(seen)
    aziz, iman, zara = new
    assert aziz not in seen and iman in seen and zara in seen


def test_newest_first_lists_page_down_while_rows_arrive_at_the_top(factory):
    """A list that grows at the top (inbox, ideas): sorted with .desc(), new rows wait for
    a fresh start instead of pushing what was read onto the next page."""
    municipality = factory.municipality()
    ids = [factory.user("youth", municipality, display_name="Sam").id for _ in range(5)]
    query = select(User).where(User.municipality_id == municipality.id)
    order = (User.display_name.desc(), User.id.desc())
    seen, cursor = [], None
    while True:
        page = keyset_page(query, order, {"limit": 2, "cursor": cursor}, "test")
        seen += [user.id for user in page["items"]]
        factory.user("youth", municipality, display_name="Sam")  # newest: at the top
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(ids, reverse=True)


def test_a_counted_page_counts_the_whole_filtered_list_on_every_page(factory):
    """keyset_page(total=True): the count a screen shows ("12 ideas"), the same filters as
    the list, not only this page, and the same on the next page."""
    municipality = factory.municipality()
    for name in ("Amal", "Bilal", "Dawit"):
        factory.user("youth", municipality, display_name=name)
    factory.user("mentor", municipality, display_name="Mentor")
    query = select(User).where(User.municipality_id == municipality.id, User.role == "youth")
    order = (User.display_name, User.id)
    first = keyset_page(query, order, {"limit": 2}, "test", total=True)
    assert first["total"] == 3 and len(first["items"]) == 2
    last = keyset_page(query, order, {"limit": 2, "cursor": first["next_cursor"]}, "test",
                       total=True)
    assert last["total"] == 3 and [u.display_name for u in last["items"]] == ["Dawit"]
    assert "total" not in keyset_page(query, order, {"limit": 2}, "test")
