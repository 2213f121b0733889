"""Making activities for tests, directly in the database or as an API body."""

import threading
from datetime import UTC, datetime, timedelta

from meedoen.activities.models import Activity, ActivityStatus, ActivityText
from meedoen.extensions import db


def soon(days: int = 3, hour: int = 18) -> datetime:
    """A moment ``days`` from now at ``hour`` UTC."""
    day = datetime.now(UTC) + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def make_activity(municipality, texts=None, **fields) -> Activity:
    starts_at = fields.pop("starts_at", soon())
    languages = fields.pop("languages", ["nl"])
    values = {"category": "sport", "status": ActivityStatus.PUBLISHED, "venue_name": "Sporthal",
              "original_language": "nl", "ends_at": starts_at + timedelta(hours=2), **fields}
    activity = Activity(municipality_id=municipality.id, starts_at=starts_at, **values)
    activity.languages = languages
    texts = texts or {"nl": ("Voetbal", "Samen voetballen")}
    activity.texts = [ActivityText(language=lang, title=title, description=description)
                      for lang, (title, description) in texts.items()]
    db.session.add(activity)
    db.session.commit()
    return activity


def activity_body(**overrides) -> dict:
    starts_at = soon()
    if isinstance(overrides.get("starts_at"), datetime):
        starts_at = overrides.pop("starts_at")
    body = {
        "category": "sport",
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(hours=2)).isoformat(),
        "venue_name": "Sporthal De Hoeven",
        "original_language": "nl",
        "texts": {"nl": {"title": "Voetbaltraining", "description": "Kom <b>meedoen</b>!"}},
    }
    body.update(overrides)
    return body


def titles(response) -> list[str]:
    return [item["text"]["title"] for item in response.get_json()["items"]]


def all_at_once(request, clients) -> list:
    """Call ``request(client)`` for every client in its own thread, released together."""
    barrier = threading.Barrier(len(clients))
    results = []

    def run(client):
        barrier.wait()
        results.append(request(client))

    threads = [threading.Thread(target=run, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
