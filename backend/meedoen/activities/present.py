"""Activities as the API shows them, in the asked language: every answer of this feature is
shaped here (the rows and objects come from ``queries``) and sent through its schema."""

from collections import namedtuple
from functools import lru_cache

from flask import Response, current_app

from meedoen.activities import queries
from meedoen.activities.models import Activity, SignupStatus
from meedoen.activities.policy import can_manage
from meedoen.activities.schemas import ActivitySchema
from meedoen.activities.signups import waiting_position
from meedoen.activities.texts import FIELDS as TEXT_FIELDS
from meedoen.auth.models import User
from meedoen.i18n import current_language
from meedoen.i18n.texts import localized, translation_statuses

TIMEZONE = "Europe/Amsterdam"
PageText = namedtuple("PageText", "language origin source_hash title description")
ITEMS_REMEMBERED = 2048  # a few KB each: under 10 MB per worker process
_ITEM_SCHEMA = ActivitySchema()


def page(rows: list, next_cursor: str | None) -> Response:
    """``GET /activities``: one page of ``queries.find`` rows as the JSON answer
    ``{items, next_cursor}`` (ActivityPageSchema), each item dumped through ActivitySchema."""
    wanted = current_language()
    return current_app.json.response({
        "items": [_dumped_item(tuple(row), wanted) for row in rows], "next_cursor": next_cursor})


@lru_cache(maxsize=ITEMS_REMEMBERED)
def _dumped_item(row: tuple, wanted: str) -> dict:
    """A list item is a pure function of its row (the activity's fields, my sign-up, its texts)
    and the asked language, so it is remembered under exactly these. The rows are still read
    on every request: a place taken or a text translated makes a new row, so a new item.
    Between two changes, every page, filter and person showing that row shares the item.
    The answer is only read, never changed (others get the same dict)."""
    return _ITEM_SCHEMA.dump(_page_item(row, wanted))


def _page_item(row: tuple, wanted: str) -> dict:
    *fields, my_signup, texts = row  # one unpacking: cheaper than 25 attribute look-ups
    return _shape(dict(zip(queries.FIELDS, fields, strict=True)), _split_texts(texts), wanted,
                  my_signup)


def _split_texts(joined: str | None) -> list[PageText]:
    """The texts of a page row (see ``queries.UNIT``)."""
    if not joined:
        return []
    texts = []
    for text in joined.split(queries.RECORD):
        language, origin, source_hash, title, description = text.split(queries.UNIT, 4)
        texts.append(PageText(language, origin, source_hash or None, title, description))
    return texts


def summary(activity: Activity, texts: list, wanted: str,
            my_signup: SignupStatus | None = None, with_original: bool = False) -> dict:
    """An activity in the asked language (ActivitySchema)."""
    return _shape({name: getattr(activity, name) for name in queries.FIELDS}, texts, wanted,
                  my_signup, with_original)


def _shape(fields: dict, texts: list, wanted: str, my_signup: SignupStatus | None,
           with_original: bool = False) -> dict:
    """ActivitySchema's form of an activity from its FIELDS (changes and returns ``fields``)."""
    capacity, taken = fields["capacity"], fields.pop("taken")
    fields.update(
        status=fields["status"].value, transport=fields["transport"].value,
        timezone=TIMEZONE, free=fields["cost_cents"] == 0, going=taken,
        spots_left=None if capacity is None else max(capacity - taken, 0),
        languages=fields.pop("spoken").split(),
        text=localized(texts, fields.pop("original_language"), wanted, with_original),
        my_signup=SignupStatus(my_signup).value if my_signup else None)
    return fields


def detail(activity: Activity, user: User) -> dict:
    """ActivityDetailSchema: with the contact, the waiting list's length, who goes together
    and, for those who may manage it, every language's text."""
    shown = summary(activity, activity.texts, current_language(), queries.my_signup(activity, user),
                    with_original=True)
    shown.update(contact_name=activity.contact_name, contact_phone=activity.contact_phone,
                 waitlisted=queries.count_status(activity, SignupStatus.WAITLISTED),
                 going_together=queries.going_together(activity, user))
    if can_manage(user, activity):
        shown["texts"] = editor_texts(activity)
    return shown


def created(activities: list[Activity], user: User) -> dict:
    """CreatedSchema: the activity, or every occurrence of a series."""
    return {"items": [detail(activity, user) for activity in activities]}


def editor_texts(activity: Activity) -> dict:
    """Every language with its translation status, for the editor's tabs."""
    by_language = {text.language: text for text in activity.texts}
    status = translation_statuses(by_language, activity.original_language, TEXT_FIELDS)
    return {language: {"title": text.title, "description": text.description,
                       "translation": status[language]}
            for language, text in by_language.items()}


def signup_list(activity: Activity) -> list[dict]:
    """SignupListItemSchema, many."""
    return [{"display_name": name, "status": status.value, "signed_up_at": queued_at}
            for name, status, queued_at in queries.signups(activity)]


def my_activities(user: User) -> list[dict]:
    """MyActivitySchema, many: my sign-ups (going or waiting) that have not ended."""
    wanted = current_language()
    return [{**summary(activity, activity.texts, wanted, status), "signup_status": status.value}
            for activity, status in queries.my_signups(user)]


def signup_result(signup) -> dict:
    """SignupResultSchema (sent as stored with its Idempotency-Key, meedoen.core.idempotency)."""
    return {"activity_id": signup.activity_id, "status": signup.status.value,
            "position": waiting_position(signup)}


def calendar_feed(url: str) -> dict:
    """CalendarFeedSchema: the secret address of my calendar feed."""
    return {"url": url}
