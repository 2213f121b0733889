"""Notifications, inbox, notification settings and Web Push subscriptions.

The matrix app has no VAPID key, so the push key and subscribing answer 503 after the
login check; tests/notifications/test_push_api.py covers them with a key.
"""

import hashlib

from meedoen.auth.models import Role
from meedoen.extensions import db
from meedoen.notifications.models import InboxItem, Notification, NotificationText
from meedoen.push.models import PushSubscription

from tests.authz import Case, by_role, maker

LOGGED_IN = by_role(200, anonymous=401)
SENDERS = by_role(403, anonymous=401, youth_worker=200, admin=200)
TEXTS = [{"lang": "nl", "title": "Hallo", "body": "Welkom"}]


def _owner(world, scope, actor):
    return world.owner(scope, actor, actor.role if actor is not None else Role.YOUTH)


@maker("notification")
def make_notification(world, scope, actor):
    sender = world.owner(scope, actor, Role.YOUTH_WORKER)
    notification = Notification(municipality_id=world.municipality(scope).id,
                                sender_id=sender.id, audience={}, content_hash="0" * 64,
                                texts=[NotificationText(lang="nl", title="T", body="B")])
    db.session.add(notification)
    db.session.commit()
    return notification.id


@maker("inbox_item")
def make_inbox_item(world, scope, actor):
    item = InboxItem(user_id=_owner(world, scope, actor).id, kind="message", lang="nl",
                     title="T", body="B", topic="t")
    db.session.add(item)
    db.session.commit()
    return item.id


@maker("push_subscription")
def make_subscription(world, scope, actor):
    endpoint = f"https://fcm.googleapis.com/fcm/send/{scope}-{id(actor)}"
    subscription = PushSubscription(user_id=_owner(world, scope, actor).id, endpoint=endpoint,
                                    endpoint_hash=hashlib.sha256(endpoint.encode()).hexdigest(),
                                    p256dh="x", auth="y", vapid_key_id="k")
    db.session.add(subscription)
    db.session.commit()
    return subscription.id


def send_body(world, scope, actor):
    return {"texts": TEXTS, "municipality_id": world.home.id}


def audience_body(world, scope, actor):
    return {"municipality_id": world.home.id, "audience": {"languages": ["nl"]}}


def subscription_body(world, scope, actor):
    return {"endpoint": "https://fcm.googleapis.com/fcm/send/x",
            "keys": {"p256dh": "BDd3_hVL9fZi9Ybo2UUzA284WG5FZR30_95YeZJsiApwXKpNcF1rRPF3foIiBHXRd"
                               "JI2Qhumhf6_LFTeZaNndIo", "auth": "xS03Fi5ErfTNH_l9WHE9Ig"},
            "application_server_key": "x"}


OWN_ONLY = {"own": by_role(200, anonymous=401), "same": by_role(404, anonymous=401),
            "other": by_role(404, anonymous=401)}

CASES = [
    Case("POST", "/api/v1/notifications",
         by_role(403, anonymous=401, youth_worker=202, admin=202), body=send_body),
    Case("POST", "/api/v1/notifications/recipients", SENDERS, body=audience_body),
    Case("GET", "/api/v1/notifications", SENDERS),
    Case("GET", "/api/v1/notifications/{notification}", {
        "own": SENDERS, "same": SENDERS,
        "other": by_role(403, anonymous=401, youth_worker=404, admin=200),
    }),
    Case("GET", "/api/v1/inbox", LOGGED_IN),
    Case("GET", "/api/v1/inbox/{inbox_item}", OWN_ONLY),
    Case("POST", "/api/v1/inbox/{inbox_item}/read", OWN_ONLY, body={"opened": True}),
    Case("GET", "/api/v1/me/notification-settings", LOGGED_IN),
    Case("PATCH", "/api/v1/me/notification-settings", LOGGED_IN,
         body={"settings": {"ideas": False}}),
    Case("GET", "/api/v1/push/key", by_role(503), note="no VAPID key in the matrix app"),
    Case("POST", "/api/v1/push/subscriptions", by_role(503, anonymous=401),
         body=subscription_body, note="no VAPID key in the matrix app"),
    Case("DELETE", "/api/v1/push/subscriptions/{push_subscription}", {
        "own": by_role(204, anonymous=401), "same": by_role(404, anonymous=401),
        "other": by_role(404, anonymous=401),
    }),
]
