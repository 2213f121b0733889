"""Making ideas, sign-ups and finished activities for the ideas tests."""

from datetime import UTC, datetime, timedelta

from meedoen.activities.models import Signup, SignupStatus
from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.ideas.models import Idea, IdeaStatus, IdeaSupport, IdeaText, SupportKind

from tests.activities.helpers import make_activity


def make_idea(author, texts=None, **fields) -> Idea:
    texts = texts or {"nl": ("Voetbaltoernooi", "Een toernooi met alle huizen")}
    values = {"category": "sport", "original_language": next(iter(texts)),
              "status": IdeaStatus.NEW, "created_at": utcnow(), **fields}
    idea = Idea(municipality_id=author.municipality_id, author_id=author.id, **values)
    idea.texts = [IdeaText(language=lang, title=title, description=description)
                  for lang, (title, description) in texts.items()]
    db.session.add(idea)
    db.session.commit()
    return idea


def add_support(idea, user, kind=SupportKind.JOIN) -> None:
    db.session.add(IdeaSupport(idea_id=idea.id, user_id=user.id, kind=kind))
    db.session.commit()


def finished_activity(municipality, days_ago: float = 1, **fields):
    """An activity that ended ``days_ago`` days ago."""
    ends_at = datetime.now(UTC) - timedelta(days=days_ago)
    return make_activity(municipality, starts_at=ends_at - timedelta(hours=2), ends_at=ends_at,
                         **fields)


def sign_up(user, activity, status=SignupStatus.CONFIRMED) -> Signup:
    signup = Signup(activity_id=activity.id, user_id=user.id, status=status)
    db.session.add(signup)
    db.session.commit()
    return signup


def idea_body(**overrides) -> dict:
    return {"title": "Talentenshow", "description": "Iedereen laat zien wat hij kan.",
            "category": "talent_show", "language": "nl", **overrides}
