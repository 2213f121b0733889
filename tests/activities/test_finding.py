"""Finding activities: filters, language, visibility, ETags and a fixed number of queries."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import marshmallow as ma
import pytest
from meedoen.activities import present
from meedoen.activities.models import (
    ActivityStatus,
    ActivityText,
    Signup,
    SignupStatus,
    Transport,
)
from meedoen.auth.models import Role
from meedoen.core.dumping import FastDumpSchema
from meedoen.extensions import db
from sqlalchemy import event, select

from tests.activities.helpers import make_activity, soon, titles

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _next(weekday: int, hour: int, minute: int = 0) -> datetime:
    """The next given weekday (0 = Monday) at least two days ahead, at an Amsterdam time."""
    day = datetime.now(AMSTERDAM).date() + timedelta(days=2)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def town(factory):
    return factory.municipality("Groningen")


@pytest.fixture
def youth(factory, town):
    return factory.user(Role.YOUTH, town)


@pytest.fixture
def programme(town):
    """Activities that each match one filter."""
    make_activity(town, {"nl": ("Dinsdagmiddag", "")}, starts_at=_next(1, 14),
                  cost_cents=500, category="games")
    make_activity(town, {"nl": ("Avondvoetbal", "")}, starts_at=_next(2, 17, 30),
                  cost_cents=300, support_note="Jeugdfonds", category="sport")
    make_activity(town, {"nl": ("Zaterdagmarkt", "")}, starts_at=_next(5, 11), cost_cents=100,
                  transport=Transport.PICK_UP, category="trip")
    make_activity(town, {"nl": ("Taalcafé", ""), "ar": ("مقهى اللغة", "تعلم 100% هولندي")},
                  starts_at=_next(3, 10), cost_cents=0, languages=["nl", "ar"],
                  beginner_friendly=True, category="language_cafe")
    make_activity(town, {"nl": ("Vol concert", "")}, starts_at=_next(4, 12), cost_cents=700,
                  capacity=2, taken=2, category="music")


@pytest.mark.parametrize(("query", "expected"), [
    ("", ["Dinsdagmiddag", "Avondvoetbal", "Taalcafé", "Vol concert", "Zaterdagmarkt"]),
    ("evenings=true", ["Avondvoetbal"]),
    ("weekends=true", ["Zaterdagmarkt"]),
    ("evenings=true&weekends=true", ["Avondvoetbal", "Zaterdagmarkt"]),
    ("free=true", ["Taalcafé"]),
    ("support=true", ["Avondvoetbal"]),
    ("transport=true", ["Zaterdagmarkt"]),
    ("language=ar", ["Taalcafé"]),
    ("beginner=true", ["Taalcafé"]),
    ("category=sport&category=trip", ["Avondvoetbal", "Zaterdagmarkt"]),
    ("category=music&spots_left=true", []),
    ("spots_left=true&category=language_cafe", ["Taalcafé"]),
    ("q=voetbal", ["Avondvoetbal"]),
    ("q=100%25", ["Taalcafé"]),
    ("q=%25", ["Taalcafé"]),  # a literal %, not a wildcard
    ("q=_", []),
    ("q=مقهى", ["Taalcafé"]),
    ("free=true&language=ar&beginner=true&q=taal", ["Taalcafé"]),
])
def test_filters(client, youth, programme, query, expected):
    client.login_as(youth)
    response = client.get(f"/api/v1/activities?{query}")
    assert response.status_code == 200, response.get_json()
    assert sorted(titles(response)) == sorted(expected)  # (time order: see the paging test)


def test_date_range_uses_amsterdam_dates(client, youth, programme):
    client.login_as(youth)
    saturday = _next(5, 11).date().isoformat()
    assert titles(client.get(f"/api/v1/activities?from={saturday}&to={saturday}")) == [
        "Zaterdagmarkt"]
    tuesday = _next(1, 14).date()
    after = client.get(f"/api/v1/activities?from={(tuesday + timedelta(days=1)).isoformat()}")
    assert "Dinsdagmiddag" not in titles(after)


def test_evening_is_decided_in_amsterdam_time(town):
    winter_evening = datetime(2027, 1, 12, 16, 30, tzinfo=UTC)  # 17:30 in Amsterdam
    summer_afternoon = datetime(2027, 7, 13, 15, 30, tzinfo=UTC)  # 17:30 in Amsterdam
    saturday_night = datetime(2027, 1, 9, 23, 30, tzinfo=UTC)  # Sunday 00:30 in Amsterdam
    assert make_activity(town, starts_at=winter_evening).is_evening
    assert make_activity(town, starts_at=summer_afternoon).is_evening
    assert not make_activity(town, starts_at=datetime(2027, 7, 13, 14, 30, tzinfo=UTC)).is_evening
    assert make_activity(town, starts_at=saturday_night).is_weekend


def test_youth_see_upcoming_published_and_cancelled_of_their_municipality(
        client, factory, town, youth):
    make_activity(town, {"nl": ("Open", "")})
    make_activity(town, {"nl": ("Afgelast", "")}, status=ActivityStatus.CANCELLED,
                  starts_at=soon(days=4))
    draft = make_activity(town, {"nl": ("Concept", "")}, status=ActivityStatus.DRAFT)
    make_activity(town, {"nl": ("Voorbij", "")}, starts_at=soon(days=-3))
    elsewhere = make_activity(factory.municipality(), {"nl": ("Elders", "")})
    client.login_as(youth)
    assert titles(client.get("/api/v1/activities")) == ["Open", "Afgelast"]
    assert titles(client.get("/api/v1/activities?status=draft")) == ["Open", "Afgelast"]
    assert client.get(f"/api/v1/activities/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/activities/{elsewhere.id}").status_code == 404
    client.login_as(factory.user(Role.MENTOR, town))
    assert titles(client.get("/api/v1/activities")) == ["Open", "Concept", "Afgelast"]
    assert titles(client.get("/api/v1/activities?status=draft")) == ["Concept"]
    client.login_as(factory.user(Role.ADMIN))
    assert titles(client.get("/api/v1/activities")) == ["Open", "Concept", "Elders", "Afgelast"]


def _page(client, query: str) -> tuple[list[str], str | None]:
    answer = client.get(f"/api/v1/activities?{query}").get_json()
    return [i["text"]["title"] for i in answer["items"]], answer["next_cursor"]


def test_pages_are_sorted_by_time_and_go_on_from_the_cursor(client, youth, town):
    for day in (5, 1, 3, 2, 4):
        make_activity(town, {"nl": (f"Dag {day}", "")}, starts_at=soon(days=day))
    client.login_as(youth)
    first, cursor = _page(client, "limit=2")
    assert first == ["Dag 1", "Dag 2"] and cursor
    second, cursor = _page(client, f"limit=2&cursor={cursor}")
    assert second == ["Dag 3", "Dag 4"]
    last, cursor = _page(client, f"limit=2&cursor={cursor}")
    assert last == ["Dag 5"] and cursor is None
    exact, cursor = _page(client, "limit=5")
    assert len(exact) == 5 and cursor is None


def test_same_time_and_new_activities_while_paging_skip_and_repeat_none(client, youth, town):
    """Keyset on (starts_at, id): activities at the same time page by id; one added before
    the cursor's place is not repeated, one added after it shows up once."""
    same = soon(days=2)
    for n in range(5):
        make_activity(town, {"nl": (f"Tegelijk {n}", "")}, starts_at=same)
    client.login_as(youth)
    first, cursor = _page(client, "limit=3")
    assert first == ["Tegelijk 0", "Tegelijk 1", "Tegelijk 2"]
    make_activity(town, {"nl": ("Eerder", "")}, starts_at=soon(days=1))
    make_activity(town, {"nl": ("Later", "")}, starts_at=soon(days=3))
    rest, cursor = _page(client, f"limit=3&cursor={cursor}")
    assert rest == ["Tegelijk 3", "Tegelijk 4", "Later"] and cursor is None


def test_a_cursor_keeps_the_filters_it_is_sent_with(client, youth, town):
    for day in range(1, 6):
        make_activity(town, {"nl": (f"Dag {day}", "")}, starts_at=soon(days=day),
                      cost_cents=0 if day % 2 else 300)
    client.login_as(youth)
    free, cursor = _page(client, "free=true&limit=2")
    assert free == ["Dag 1", "Dag 3"]
    assert _page(client, f"free=true&limit=2&cursor={cursor}") == (["Dag 5"], None)


@pytest.mark.parametrize("cursor", ["garbage", "eyJhIjoxfQ.forged"])
def test_a_forged_cursor_is_refused(client, youth, cursor):
    client.login_as(youth)
    response = client.get(f"/api/v1/activities?cursor={cursor}")
    assert response.status_code == 400 and response.get_json()["code"] == "invalid_cursor"


def test_a_cursor_of_another_list_is_refused(client, factory, youth, town):
    from meedoen.core.pagination import encode_cursor

    client.login_as(youth)
    with client.application.test_request_context():
        borrowed = encode_cursor([soon(days=1), 1], "users")
    response = client.get(f"/api/v1/activities?cursor={borrowed}")
    assert response.status_code == 400 and response.get_json()["code"] == "invalid_cursor"


@pytest.mark.parametrize("query", [
    "surprise=1", "limit=101", "limit=0", "page=2", "per_page=20", "free=maybe",
    "category=wizardry", "language=klingon-x", "from=gisteren", "q=" + "x" * 101, "q=a%00b",
    "status=gone", "limit=99999999999999999999", "to=9999-12-31", "from=0001-01-01",
])
def test_bad_query_parameters_are_refused(client, youth, query):
    client.login_as(youth)
    response = client.get(f"/api/v1/activities?{query}")
    assert response.status_code == 422, response.get_json()


def test_anonymous_must_log_in(client):
    assert client.get("/api/v1/activities").status_code == 401


class StatementCounter:
    def __init__(self, engine):
        self.engine, self.statements = engine, []

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._count)

    def _count(self, conn, cursor, statement, *args):
        self.statements.append(statement)


@pytest.mark.parametrize("limit", [1, 10, 100])
def test_the_list_runs_at_most_four_statements_whatever_the_page_size(
        client, factory, town, youth, limit):
    others = [factory.user(Role.YOUTH, town) for _ in range(3)]
    for n in range(120):
        activity = make_activity(town, {"nl": (f"Activiteit {n}", ""), "ar": ("نشاط", ""),
                                        "ti": ("ንጥፈት", "")}, starts_at=soon(days=1 + n % 30))
        for user in others[: n % 4]:
            db.session.add(Signup(activity_id=activity.id, user_id=user.id,
                                  status=SignupStatus.CONFIRMED))
    db.session.add(Signup(activity_id=activity.id, user_id=youth.id,
                          status=SignupStatus.WAITLISTED))
    db.session.commit()
    client.login_as(youth)
    cursor = client.get(f"/api/v1/activities?limit={limit}").get_json()["next_cursor"]
    for query in (f"limit={limit}&lang=ar", f"limit={limit}&free=true&q=activ",
                  f"limit={limit}&cursor={cursor}"):
        with StatementCounter(db.engine) as counter:
            response = client.get(f"/api/v1/activities?{query}")
        assert response.status_code == 200
        assert len(counter.statements) <= 4, counter.statements
    items = client.get("/api/v1/activities?limit=100&lang=ti").get_json()["items"]
    assert len(items) == 100 and all(i["text"]["language"] == "ti" for i in items)
    first = client.get("/api/v1/activities?limit=100").get_json()
    second = client.get(f"/api/v1/activities?limit=100&cursor={first['next_cursor']}")
    mine = [i for i in first["items"] + second.get_json()["items"] if i["my_signup"]]
    assert [i["my_signup"] for i in mine] == ["waitlisted"]


def test_the_list_goes_through_its_schema(client, town, youth, monkeypatch):
    """The list's answer is what marshmallow itself dumps through ActivitySchema
    (FastDumpSchema only plans the dump, and ``present`` remembers dumped items), with aware
    ISO 8601 times."""
    make_activity(town, {"nl": ("Met alles", ""), "ar": ("كل شيء", "")}, capacity=4,
                  cost_cents=250, support_note="Jeugdfonds", languages=["nl", "ar"])
    make_activity(town, {"nl": ("Zonder grens", "")}, starts_at=soon(days=3))
    client.login_as(youth)
    sent = client.get("/api/v1/activities?lang=ar&limit=1").get_json()
    assert sent["next_cursor"] and sent["items"][0]["starts_at"].endswith("+00:00")
    present._dumped_item.cache_clear()
    monkeypatch.setattr(FastDumpSchema, "_serialize", ma.Schema._serialize)
    assert client.get("/api/v1/activities?lang=ar&limit=1").get_json() == sent
    assert present._dumped_item.cache_info().misses == 1  # dumped again, not remembered


def test_a_remembered_list_item_changes_with_its_row(client, factory, town, youth):
    """Items are remembered by their row and language: a place taken, my sign-up, a text
    added or edited, another language or another person is never shown yesterday's item."""
    activity = make_activity(town, capacity=3)
    other = factory.user(Role.YOUTH, town)

    def item(lang="nl"):
        return client.get(f"/api/v1/activities?lang={lang}").get_json()["items"][0]

    client.login_as(youth)
    first = item()
    hits = present._dumped_item.cache_info().hits
    assert item() == first and present._dumped_item.cache_info().hits == hits + 1
    client.login_as(other)
    assert client.post(f"/api/v1/activities/{activity.id}/signup").status_code == 200
    assert (item()["going"], item()["spots_left"], item()["my_signup"]) == (1, 2, "confirmed")
    client.login_as(youth)
    assert (item()["going"], item()["spots_left"], item()["my_signup"]) == (1, 2, None)
    assert item("ar")["text"]["language"] == "nl"
    db.session.add(ActivityText(activity_id=activity.id, language="ar", title="كرة القدم",
                                description="معاً"))
    db.session.commit()
    assert item("ar")["text"]["title"] == "كرة القدم"
    assert item()["text"]["title"] == "Voetbal"
    text = db.session.scalar(select(ActivityText).filter_by(activity_id=activity.id,
                                                             language="nl"))
    text.title = "Voetbal op zaterdag"
    db.session.commit()
    assert item()["text"]["title"] == "Voetbal op zaterdag"


def test_etag_and_if_none_match(client, factory, town, youth):
    activity = make_activity(town, capacity=5)
    client.login_as(youth)
    for path in ("/api/v1/activities", f"/api/v1/activities/{activity.id}",
                 "/api/v1/me/activities"):
        first = client.get(path)
        etag = first.headers["ETag"]
        assert etag
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
    etag = client.get("/api/v1/activities").headers["ETag"]
    client.post(f"/api/v1/activities/{activity.id}/signup")
    changed = client.get("/api/v1/activities", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    arabic = client.get("/api/v1/activities?lang=ar", headers={"If-None-Match": etag})
    assert arabic.status_code == 200


def test_detail_shows_going_spots_contact_and_who_goes_together(client, factory, town, youth):
    activity = make_activity(town, capacity=4, contact_name="Rachid",
                             contact_phone="+31 6 12345678")
    shown_friend = factory.user(Role.YOUTH, town, display_name="Amal", show_as_going=True)
    hidden = factory.user(Role.YOUTH, town, display_name="Verborgen", show_as_going=False)
    waiting = factory.user(Role.YOUTH, town, display_name="Wachtend", show_as_going=True)
    for user, status in ((shown_friend, SignupStatus.CONFIRMED),
                         (hidden, SignupStatus.CONFIRMED), (youth, SignupStatus.CONFIRMED),
                         (waiting, SignupStatus.WAITLISTED)):
        db.session.add(Signup(activity_id=activity.id, user_id=user.id, status=status))
    activity.taken = 3
    youth.show_as_going = True
    db.session.commit()
    client.login_as(youth)
    shown = client.get(f"/api/v1/activities/{activity.id}").get_json()
    assert (shown["going"], shown["spots_left"], shown["waitlisted"]) == (3, 1, 1)
    assert shown["going_together"] == ["Amal"]
    assert shown["contact_name"] == "Rachid" and shown["my_signup"] == "confirmed"
    assert "texts" not in shown  # every language only for those who manage it
    client.login_as(shown_friend)
    together = client.get(f"/api/v1/activities/{activity.id}").get_json()["going_together"]
    assert together == [youth.display_name]
