from sqlalchemy import select

from meedoen.core import fields
from meedoen.core.validation import Schema
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.notifications.models import (
    InboxItem,
    Notification,
    NotificationOptOut,
)
from meedoen.notifications.schemas import InboxItemSchema, NotificationTextSchema
from meedoen.privacy import PersonalData, iso, moment
from meedoen.push.endpoints import origin
from meedoen.push.models import PushSubscription


class InboxExportSchema(InboxItemSchema):
    """An inbox item as stored: with its quiet-hours time, without what the inbox adds."""

    push_after = moment(allow_none=True)

    class Meta(InboxItemSchema.Meta):
        exclude = ("id", "dir", "original")


class DeviceExportSchema(Schema):
    push_service = fields.String()
    endpoint = fields.String()
    created_at = moment(allow_none=True)
    last_success_at = moment(allow_none=True)
    rejections = fields.Integer()


class SettingsExportSchema(Schema):
    turned_off = fields.List(fields.String())


class SentExportSchema(Schema):
    id = fields.Integer()
    send_at = moment(allow_none=True)
    status = fields.String()
    texts = fields.List(fields.Nested(NotificationTextSchema))


class EventExportSchema(Schema):
    kind = fields.String()
    data = fields.Dict(keys=fields.String())  # what the event is about: ids, a status
    created_at = moment(allow_none=True)
    handled_at = moment(allow_none=True)


personal = PersonalData()  # registered by the feature's init_app


@personal.exporter("inbox", covers=[InboxItem.user_id],
                   schema=fields.List(fields.Nested(InboxExportSchema)))
def export_inbox(user) -> list[dict]:
    items = db.session.scalars(select(InboxItem).where(InboxItem.user_id == user.id)
                               .order_by(InboxItem.id))
    return [{"kind": i.kind, "title": i.title, "body": i.body, "url": i.url, "lang": i.lang,
             "translation": i.translation, "created_at": iso(i.created_at),
             "push_after": iso(i.push_after), "read_at": iso(i.read_at),
             "opened_at": iso(i.opened_at)} for i in items]


@personal.exporter("push_devices", covers=[PushSubscription.user_id],
                   schema=fields.List(fields.Nested(DeviceExportSchema)))
def export_devices(user) -> list[dict]:
    """The full address the push service gave this phone (it identifies the device); the
    encryption keys the phone made are not repeated here."""
    rows = db.session.scalars(select(PushSubscription).where(PushSubscription.user_id == user.id)
                              .order_by(PushSubscription.id))
    return [{"push_service": origin(s.endpoint), "endpoint": s.endpoint,
             "created_at": iso(s.created_at),
             "last_success_at": iso(s.last_success_at), "rejections": s.rejections}
            for s in rows]


@personal.exporter("notification_settings", covers=[NotificationOptOut.user_id],
                   schema=SettingsExportSchema)
def export_settings(user) -> dict:
    off = db.session.scalars(select(NotificationOptOut.group)
                             .where(NotificationOptOut.user_id == user.id))
    return {"turned_off": sorted(off)}


@personal.exporter("notifications_sent", covers=[Notification.sender_id],
                   schema=fields.List(fields.Nested(SentExportSchema)))
def export_sent(user) -> list[dict]:
    rows = db.session.scalars(select(Notification).where(Notification.sender_id == user.id)
                              .order_by(Notification.id))
    return [{"id": n.id, "send_at": iso(n.send_at), "status": n.status.value,
             "texts": [{"lang": t.lang, "title": t.title, "body": t.body} for t in n.texts]}
            for n in rows]


@personal.exporter("events", covers=[Event.user_id],
                   schema=fields.List(fields.Nested(EventExportSchema)))
def export_events(user) -> list[dict]:
    """Things to tell me about (a sign-up moved up, an idea answered), before and after they
    became messages."""
    rows = db.session.scalars(select(Event).where(Event.user_id == user.id).order_by(Event.id))
    return [{"kind": e.kind, "data": e.data, "created_at": iso(e.created_at),
             "handled_at": iso(e.handled_at)} for e in rows]
