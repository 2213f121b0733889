"""Activity texts: the fields, sanitising and the search text (showing them in a language is
``meedoen.i18n.texts.localized``)."""

import html

import nh3

from meedoen.core.sanitize import clean_html
from meedoen.i18n.texts import TITLE_AND_DESCRIPTION

FIELDS = TITLE_AND_DESCRIPTION

clean_description = clean_html  # staff write activity descriptions: links are kept


def search_text(texts) -> str:
    return " ".join(f"{text.title} {html.unescape(nh3.clean(text.description, tags=set()))}"
                    for text in texts).lower()


def refresh_search_text(session, flush_context, instances) -> None:
    """Before each flush of the app's session (listened to in ``activities.init_app``)."""
    from meedoen.activities.models import Activity, ActivityText

    changed = [obj for obj in (*session.new, *session.dirty)
               if isinstance(obj, Activity | ActivityText)]
    activities = {obj.activity if isinstance(obj, ActivityText) else obj for obj in changed}
    for activity in activities - {None}:
        activity.search_text = search_text(activity.texts)
