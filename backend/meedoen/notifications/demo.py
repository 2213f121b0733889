"""Demo: a few notifications demo-worker sent in Amsterdam, in the youth's languages."""

from datetime import timedelta

from sqlalchemy import select

from meedoen.audit.models import record
from meedoen.auth.models import User
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.models import Notification, NotificationStatus, NotificationText
from meedoen.notifications.outbox import fan_out
from meedoen.notifications.services import content_hash

MESSAGES = (
    ({}, {
        "nl": ("Welkom bij Meedoen!", "Hier vind je activiteiten en mensen die je helpen. "
               "Vragen? Stuur me een bericht."),
        "en": ("Welcome to Meedoen!", "Here you find activities and people who help you. "
               "Questions? Send me a message."),
        "ti": ("እንቋዕ ናብ Meedoen ብደሓን መጻእኩም!", "ኣብዚ ንጥፈታትን ዝሕግዙኻ ሰባትን ክትረክብ ትኽእል። "
               "ሕቶ ኣለካ? መልእኽቲ ስደደለይ።"),
        "ar": ("مرحبًا بك في Meedoen!", "هنا تجد أنشطة وأشخاصًا يساعدونك. "
               "عندك سؤال؟ أرسل لي رسالة."),
    }),
    ({"interests": ["sport"]}, {
        "nl": ("Zaalvoetbal zaterdag", "Zaterdag om 14:00 zaalvoetbal in sporthal Oost. "
               "Gratis, en we gaan samen vanaf je huis."),
        "en": ("Indoor football on Saturday", "Saturday at 14:00 indoor football in sports "
               "hall Oost. Free, and we travel together from your house."),
        "ti": ("ኩዖ እግሪ ኣብ ውሽጢ ኣዳራሽ ቀዳም", "ቀዳም ሰዓት 14:00 ኣብ ስፖርት ኣዳራሽ Oost ኩዖ እግሪ። "
               "ብነጻ እዩ፣ ካብ ገዛኻ ብሓባር ንኸይድ።"),
    }),
    ({"languages": ["ar"]}, {
        "nl": ("Spreekuur in het Arabisch", "Donderdag van 16:00 tot 18:00 kun je vragen "
               "stellen over school en werk, in het Arabisch."),
        "ar": ("ساعة استشارة بالعربية", "يوم الخميس من 16:00 إلى 18:00 يمكنك أن تسأل عن "
               "المدرسة والعمل باللغة العربية."),
    }),
)


def _already_sent(digest: str) -> bool:
    return db.session.scalar(select(Notification.id)
                             .where(Notification.content_hash == digest)) is not None


def load_notifications(password_hash: str) -> None:
    worker = db.session.scalar(select(User).where(User.username == "demo-worker"))
    if worker is None or worker.municipality_id is None:
        return
    now = utcnow()
    for age, (audience, texts) in enumerate(reversed(MESSAGES)):
        rows = [{"lang": lang, "title": title, "body": body}
                for lang, (title, body) in texts.items()]
        digest = content_hash(rows, None, audience, False)
        if _already_sent(digest):
            continue
        sent_at = now - timedelta(days=age + 1)
        notification = Notification(
            municipality_id=worker.municipality_id, sender_id=worker.id, audience=audience,
            urgent=False, send_at=sent_at, content_hash=digest,
            status=NotificationStatus.SCHEDULED, created_at=sent_at,
            texts=[NotificationText(**row) for row in rows])
        db.session.add(notification)
        db.session.flush()
        record(worker, "notification.send", worker.municipality_id,
               notification_id=notification.id, content_hash=digest, demo=True)
        fan_out(notification.id, sent_at)  # commits the notification with its inbox rows
