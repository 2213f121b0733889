from flask_babel import force_locale
from meedoen.auth.models import Role
from meedoen.events import render
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.wording.models import LanguageReviewer, SuggestionStatus, WordingSuggestion
from sqlalchemy import select

from tests.wording.helpers import make_reviewer, make_suggestion


def test_export_lists_suggestions_reviews_and_roles(client, factory, youth):
    reviewer = factory.user(Role.YOUTH)
    make_reviewer(reviewer, "ti")
    make_suggestion(youth)
    client.login_as(youth)
    export = client.get("/api/v1/me/export").json
    (mine,) = export["wording_suggestions"]
    assert (mine["language"], mine["suggested"], mine["status"]) == ("ti", "ሰላም {name}!",
                                                                     "pending")
    client.login_as(reviewer)
    assert client.get("/api/v1/me/export").json["language_reviewer"]["reviews"][0][
        "language"] == "ti"


def test_erasure_removes_open_suggestions_and_keeps_accepted_wordings_anonymous(
        client, factory, youth):
    pending = make_suggestion(youth)
    kept = make_suggestion(youth, msgid="Ideas", text="ሓሳባትኩም")
    kept.status = SuggestionStatus.ACCEPTED
    make_reviewer(youth, "ti")
    db.session.commit()
    pending_id, kept_id = pending.id, kept.id
    client.login_as(youth)
    assert client.delete("/api/v1/me").status_code == 204
    db.session.expire_all()
    assert db.session.get(WordingSuggestion, pending_id) is None
    assert db.session.get(WordingSuggestion, kept_id).author_id is None
    assert db.session.scalar(select(LanguageReviewer)) is None


def test_the_thanks_is_in_the_suggesters_language(app, factory, youth):
    with app.test_request_context(), force_locale("ti"):
        event = Event(kind="wording.accepted", user_id=youth.id, data={"suggestion_id": 1})
        rendered = render(event)
    assert rendered["title"] and rendered["title"] != "Thank you for your better wording"
