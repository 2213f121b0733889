"""The demo ideas: several languages, some answered, some planned with their activity."""

from meedoen.activities.models import Activity
from meedoen.demo import loaders
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaStatus, IdeaText
from sqlalchemy import func, select


def load_demo() -> None:
    for load in loaders():
        load("not-a-real-hash")
        db.session.commit()


def test_demo_ideas_are_loaded_once_with_their_activities(app_ctx):
    load_demo()
    load_demo()  # idempotent
    ideas = db.session.scalars(select(Idea)).all()
    assert len(ideas) == 8
    assert db.session.scalar(select(func.count(func.distinct(IdeaText.language)))) >= 5
    statuses = {idea.status for idea in ideas}
    assert statuses == set(IdeaStatus)
    planned = [idea for idea in ideas if idea.status == IdeaStatus.PLANNED]
    assert len(planned) == 3
    for idea in planned:
        activity = db.session.get(Activity, idea.activity_id)
        assert activity.municipality_id == idea.municipality_id
        assert activity.category == idea.category
    done = next(idea for idea in ideas if idea.status == IdeaStatus.DONE)
    assert done.activity_id is not None
    waiting = [idea for idea in ideas if idea.first_answered_at is None]
    assert len(waiting) == 2
    assert all(len(idea.answers) >= 1 for idea in ideas if idea.first_answered_at)
