"""One pagination (issue 18) on the last two lists: My questions (a young person) and
Messages to young people (a youth worker) show a first page and "Show more" brings the
rest, each row once. Screenshots in ar (right to left) and nl at 360x740; the rows the test
adds are deleted after."""

import tempfile
from pathlib import Path

import pytest
from meedoen.auth.models import User
from meedoen.core.pagination import DEFAULT_LIMIT
from meedoen.extensions import db
from meedoen.notifications.models import Notification, NotificationText
from meedoen.questions.models import Question
from sqlalchemy import delete, func, select

from .helpers import show_every_page
from .test_show_more import show_more

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots-pagination"
EXTRA = DEFAULT_LIMIT + 5


def user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


@pytest.fixture
def many_questions(live_app):
    with live_app.app.app_context():
        asker = user("demo-youth-ar")
        added = [Question(asker_id=asker.id, municipality_id=asker.municipality_id,
                          topic="work", language="ar", body=f"سؤال {n}") for n in range(EXTRA)]
        db.session.add_all(added)
        db.session.commit()
        ids = [q.id for q in added]
        yield db.session.scalar(select(func.count()).select_from(Question)
                                .where(Question.asker_id == asker.id))
        db.session.execute(delete(Question).where(Question.id.in_(ids)))
        db.session.commit()


@pytest.fixture
def many_sent(live_app):
    with live_app.app.app_context():
        town = user("demo-worker").municipality_id
        added = [Notification(municipality_id=town, content_hash=f"{n:064d}", texts=[
            NotificationText(lang="nl", title=f"Bericht {n}", body="Tekst")]) for n in range(EXTRA)]
        db.session.add_all(added)
        db.session.commit()
        ids = [n.id for n in added]
        yield db.session.scalar(select(func.count()).select_from(Notification)
                                .where(Notification.municipality_id == town))
        db.session.execute(delete(Notification).where(Notification.id.in_(ids)))
        db.session.commit()


@pytest.mark.parametrize("lang", ["ar", "nl"])
def test_my_questions_show_more(phone, live_app, many_questions, lang):
    page = phone(lang, "demo-youth-ar", "/help/questions")
    listed = page.locator(".card-list > li")
    more = page.locator("button", has_text=show_more(live_app, lang))
    show_every_page(page, listed, more, DEFAULT_LIMIT, many_questions,
                    SHOTS / f"{lang}-questions.png")
    assert page.errors == []


@pytest.mark.parametrize("lang", ["ar", "nl"])
def test_sent_messages_show_more(phone, live_app, many_sent, lang):
    page = phone(lang, "demo-worker", "/notify")
    listed = page.locator(".card-list > li")
    more = page.locator("button", has_text=show_more(live_app, lang))
    show_every_page(page, listed, more, DEFAULT_LIMIT, many_sent, SHOTS / f"{lang}-sent.png")
    assert page.errors == []
