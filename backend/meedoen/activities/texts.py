"""Activity texts: sanitising and choosing the language to show."""

import html

import nh3
from sqlalchemy import event
from sqlalchemy.orm import Session

from meedoen.core.sanitize import clean_html
from meedoen.translation.columns import localized_fields

FIELDS = ("title", "description")

clean_description = clean_html  # staff write activity descriptions: links are kept


def localized(texts: list, original_language: str, wanted: str,
              with_original: bool = False) -> dict:
    """Title and description in ``wanted`` (else the original, else any), which language and
    translation status it is, and (``with_original``) the original behind a machine text."""
    return localized_fields({text.language: text for text in texts}, original_language, wanted,
                            FIELDS, with_original)


def search_text(texts) -> str:
    return " ".join(f"{text.title} {html.unescape(nh3.clean(text.description, tags=set()))}"
                    for text in texts).lower()


@event.listens_for(Session, "before_flush")
def _refresh_search_text(session, flush_context, instances) -> None:
    from meedoen.activities.models import Activity, ActivityText

    changed = [obj for obj in (*session.new, *session.dirty)
               if isinstance(obj, Activity | ActivityText)]
    activities = {obj.activity if isinstance(obj, ActivityText) else obj for obj in changed}
    for activity in activities - {None}:
        activity.search_text = search_text(activity.texts)
