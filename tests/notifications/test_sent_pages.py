"""The sent-notifications list pages with the one pagination: newest first on id,
{items, next_cursor}, each with its figures; only my municipality's."""

from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.notifications.models import Notification, NotificationText


def sent(town, n: int) -> Notification:
    notification = Notification(municipality_id=town.id, content_hash=f"{n:064d}",
                                texts=[NotificationText(lang="nl", title=f"Bericht {n}",
                                                        body="Tekst")])
    db.session.add(notification)
    db.session.commit()
    return notification


def test_sent_notifications_page_newest_first_while_more_are_sent(factory, client):
    town, away = factory.municipality(), factory.municipality()
    mine = [sent(town, n) for n in range(5)]
    sent(away, 99)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    first = client.get("/api/v1/notifications?limit=2").get_json()
    assert [n["id"] for n in first["items"]] == [mine[4].id, mine[3].id]
    assert first["items"][0]["figures"]["opened"] == 0
    newer = sent(town, 5)  # sent while I page: not on the next pages
    seen, cursor = [n["id"] for n in first["items"]], first["next_cursor"]
    while cursor:
        page = client.get(f"/api/v1/notifications?limit=2&cursor={cursor}").get_json()
        seen += [n["id"] for n in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [n.id for n in reversed(mine)]
    assert client.get("/api/v1/notifications").get_json()["items"][0]["id"] == newer.id


def test_old_arguments_and_other_cursors_are_refused(factory, client):
    town = factory.municipality()
    for n in range(2):
        sent(town, n)
    client.login_as(factory.user(Role.YOUTH_WORKER, town))
    assert client.get("/api/v1/notifications?before=3").status_code == 422
    assert client.get(f"/api/v1/notifications?cursor={'x' * 20}").status_code == 400
    cursor = client.get("/api/v1/notifications?limit=1").get_json()["next_cursor"]
    assert client.get(f"/api/v1/inbox?cursor={cursor}").status_code == 400
