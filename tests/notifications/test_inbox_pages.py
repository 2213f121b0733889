"""The inbox pages with the one pagination: newest first, {items, next_cursor, unread}.
Messages that arrive while someone pages wait for a fresh start; unread counts them all."""

from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.notifications.models import InboxItem


def message(user, n: int, lang: str = "nl") -> InboxItem:
    item = InboxItem(user_id=user.id, kind="message", lang=lang, title=f"Bericht {n}",
                     body="Tekst", topic="message")
    db.session.add(item)
    db.session.commit()
    return item


def test_the_inbox_pages_newest_first_while_messages_arrive(factory, client):
    town = factory.municipality()
    me, other = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    mine = [message(me, n) for n in range(5)]
    message(other, 99)
    client.login_as(me)
    first = client.get("/api/v1/inbox?limit=2").get_json()
    assert [i["id"] for i in first["items"]] == [mine[4].id, mine[3].id]
    assert first["unread"] == 5 and first["items"][0]["dir"] == "ltr"
    newer = message(me, 5)  # arrives while I page: not on the next pages
    seen, cursor = [i["id"] for i in first["items"]], first["next_cursor"]
    while cursor:
        page = client.get(f"/api/v1/inbox?limit=2&cursor={cursor}").get_json()
        assert page["unread"] == 6
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [m.id for m in reversed(mine)]
    assert client.get("/api/v1/inbox").get_json()["items"][0]["id"] == newer.id


def test_old_inbox_arguments_and_other_cursors_are_refused(factory, client):
    me = factory.user(Role.YOUTH, factory.municipality())
    for n in range(3):
        message(me, n, lang="ar")
    client.login_as(me)
    assert client.get("/api/v1/inbox?limit=1").get_json()["items"][0]["dir"] == "rtl"
    assert client.get("/api/v1/inbox?before=3").status_code == 422
    assert client.get("/api/v1/inbox?limit=101").status_code == 422
    inbox_cursor = client.get("/api/v1/inbox?limit=1").get_json()["next_cursor"]
    assert client.get(f"/api/v1/ideas?sort=newest&cursor={inbox_cursor}").status_code == 400


def test_one_message_opens_by_itself_and_only_for_me(factory, client):
    town = factory.municipality()
    me, other = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    mine = [message(me, n, lang="ar") for n in range(3)]
    theirs = message(other, 9)
    client.login_as(me)
    opened = client.get(f"/api/v1/inbox/{mine[0].id}").get_json()
    assert (opened["title"], opened["dir"], opened["read_at"]) == ("Bericht 0", "rtl", None)
    assert client.get(f"/api/v1/inbox/{theirs.id}").status_code == 404
    assert client.get(f"/api/v1/inbox/{mine[0].id}?x=1").status_code == 422
