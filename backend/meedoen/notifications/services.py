"""Composing and sending a notification, the sender's list and figures, and the inbox."""

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import case, func, select

from meedoen.audit.models import record
from meedoen.core.errors import fail
from meedoen.core.models import utcnow
from meedoen.core.pagination import keyset_page
from meedoen.core.ratelimit import check_per_person
from meedoen.extensions import db
from meedoen.i18n.texts import stamp_after_edit
from meedoen.notifications.audience import count_recipients
from meedoen.notifications.models import (
    ORIGINAL_LANGUAGE,
    TEXT_FIELDS,
    Delivery,
    DeliveryStatus,
    InboxItem,
    Notification,
    NotificationText,
)
from meedoen.notifications.policy import (
    check_locations,
    notifications_visible_to,
    target_municipality,
)
from meedoen.translation.service import machine_suggestion
from meedoen.translation.subjects import request_translation

MAX_AHEAD = timedelta(days=365)


def normalise_audience(audience: dict) -> dict:
    return {key: sorted(set(values)) for key, values in audience.items() if values}


def audience_for(user, data: dict) -> tuple[int, dict]:
    municipality_id = target_municipality(user, data.get("municipality_id"))
    audience = normalise_audience(data.get("audience") or {})
    check_locations(municipality_id, audience.get("location_ids", []))
    return municipality_id, audience


# What a message may link to (schemas.LINK_KINDS): kind -> fn(id, municipality_id) giving
# the app's address of that object when the recipients (of that municipality) can see it,
# else None. The feature that owns the kind registers it from its init_app
# (register_link_target), so notifications imports no feature.
_link_targets: dict[str, Callable[[int, int], str | None]] = {}


def register_link_target(kind: str, target: Callable[[int, int], str | None]) -> None:
    _link_targets[kind] = target


def link_url(link: dict | None, municipality_id: int) -> str | None:
    """A link to an activity or contact that the recipients can see."""
    if not link:
        return None
    target = _link_targets.get(link["kind"])
    url = target(link["id"], municipality_id) if target is not None else None
    if url is None:
        fail(422, fields={"link": {"id": [_("We could not find this.")]}})
    return url


def content_hash(texts: list[dict], url: str | None, audience: dict, urgent: bool) -> str:
    canonical = json.dumps({"texts": sorted(texts, key=lambda text: text["lang"]), "url": url,
                            "audience": audience, "urgent": urgent},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _send_time(requested):
    now = utcnow()
    if requested is None or requested <= now:
        return now
    if requested > now + MAX_AHEAD:
        fail(422, fields={"send_at": [_("Choose a time within a year from now.")]})
    return requested


def check_sending_limits(user, urgent: bool) -> None:
    """NOTIFICATION_LIMITS per sender, and URGENT_NOTIFICATION_LIMITS on urgent ones (they
    skip the recipients' quiet hours, so they must stay rare)."""
    sent_by = Notification.sender_id == user.id
    if urgent:
        check_per_person(user, Notification.created_at, [sent_by, Notification.urgent.is_(True)],
                         "URGENT_NOTIFICATION_LIMITS", "too_many_urgent",
                         _("You have sent the most urgent messages allowed for now. Send this "
                           "one without urgent: it then arrives after the quiet hours."))
    check_per_person(user, Notification.created_at, [sent_by], "NOTIFICATION_LIMITS",
                     "too_many_notifications",
                     _("You have sent many notifications in a short time. Please wait a while "
                       "before you send another one."))


def create_notification(user, data: dict) -> Notification:
    """Store the notification and audit the send. Delivery happens in the background, after
    the texts the sender did not write are machine translated into the recipients' languages
    (or, if that fails, in the original: a message is never held back by translation)."""
    check_sending_limits(user, data["urgent"])
    municipality_id, audience = audience_for(user, data)
    url = link_url(data.get("link"), municipality_id)
    send_at = _send_time(data.get("send_at"))
    fields = ("lang", "title", "body")
    texts = [{name: text[name] for name in fields} for text in data["texts"]]
    digest = content_hash(texts, url, audience, data["urgent"])
    notification = Notification(municipality_id=municipality_id, sender_id=user.id,
                                audience=audience, url=url, urgent=data["urgent"],
                                urgent_reason=data.get("urgent_reason") if data["urgent"] else None,
                                send_at=send_at, content_hash=digest,
                                texts=[NotificationText(**t) for t in texts])
    # The sender's own translations are theirs (human), a preview sent as it is stays machine.
    stamp_after_edit({text.lang: text for text in notification.texts}, ORIGINAL_LANGUAGE,
                     TEXT_FIELDS, {}, suggestion=machine_suggestion("notification"))
    db.session.add(notification)
    db.session.flush()
    request_translation("notification", notification.id)
    record(user, "notification.send", municipality_id, notification_id=notification.id,
           recipients=count_recipients(db.session, municipality_id, audience),
           content_hash=digest, send_at=send_at.isoformat(),
           languages=sorted(text["lang"] for text in texts), urgent=data["urgent"],
           urgent_reason=notification.urgent_reason)
    return notification


EMPTY_FIGURES = {"targeted": 0, "delivered": 0, "inbox_only": 0, "failed": 0, "pending": 0,
                 "opened": 0}


def figures_for(notification_ids: list[int]) -> dict[int, dict]:
    """Per notification: targeted, delivered to ≥1 device, inbox-only, failed, pending, opened."""
    if not notification_ids:
        return {}
    sent = func.sum(case((Delivery.status == DeliveryStatus.SENT, 1), else_=0))
    waiting = func.sum(case((Delivery.status.in_([DeliveryStatus.PENDING,
                                                  DeliveryStatus.SENDING]), 1), else_=0))
    per_item = (
        select(InboxItem.notification_id.label("nid"), InboxItem.opened_at.label("opened_at"),
               func.count(Delivery.id).label("devices"), sent.label("sent"),
               waiting.label("waiting"))
        .outerjoin(Delivery, Delivery.inbox_item_id == InboxItem.id)
        .where(InboxItem.notification_id.in_(notification_ids))
        .group_by(InboxItem.id, InboxItem.notification_id, InboxItem.opened_at)
    ).subquery()
    c = per_item.c

    def count_when(condition):
        return func.sum(case((condition, 1), else_=0))

    rows = db.session.execute(
        select(c.nid, func.count(), count_when(c.sent > 0), count_when(c.devices == 0),
               count_when((c.devices > 0) & (c.sent == 0) & (c.waiting == 0)),
               count_when((c.devices > 0) & (c.sent == 0) & (c.waiting > 0)),
               func.count(c.opened_at))
        .group_by(c.nid)
    ).all()
    names = ("targeted", "delivered", "inbox_only", "failed", "pending", "opened")
    return {row[0]: dict(zip(names, (int(v or 0) for v in row[1:]), strict=True))
            for row in rows}


def with_figures(notifications: list[Notification]) -> list[Notification]:
    figures = figures_for([n.id for n in notifications])
    for notification in notifications:
        notification.figures = figures.get(notification.id, EMPTY_FIGURES)
    return notifications


def sent_page(user, args: dict) -> dict:
    """A page of the notifications the user may see (``municipality_id``: of one
    municipality), newest first."""
    statement = select(Notification).where(notifications_visible_to(user))
    if "municipality_id" in args:
        statement = statement.where(Notification.municipality_id == args["municipality_id"])
    return keyset_page(statement, (Notification.id.desc(),), args, "notifications")


def inbox_page(user_id: int, args: dict) -> dict:
    """A page of the user's messages, newest first."""
    return keyset_page(select(InboxItem).where(InboxItem.user_id == user_id),
                       (InboxItem.id.desc(),), args, "inbox")


def unread_count(user_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(InboxItem)
                             .where(InboxItem.user_id == user_id, InboxItem.read_at.is_(None)))


def mark_read(item: InboxItem, opened: bool) -> None:
    """Read now (the first time counts); ``opened``: from a notification on the phone."""
    now = utcnow()
    item.read_at = item.read_at or now
    if opened:
        item.opened_at = item.opened_at or now
