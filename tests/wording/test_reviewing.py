from meedoen.audit.models import AuditLog
from meedoen.auth.models import Role
from meedoen.events.models import Event
from meedoen.extensions import db
from meedoen.wording.models import LanguageReviewer, SuggestionStatus
from sqlalchemy import select

from tests.wording.helpers import PLAIN, make_reviewer, make_suggestion


def test_admin_grants_and_revokes_the_reviewer_role(client, admin, youth):
    client.login_as(admin)
    granted = client.post("/api/v1/ui-texts/reviewers",
                          json={"username": youth.username, "language": "ti"})
    assert granted.status_code == 201
    assert (granted.json["user_id"], granted.json["language"]) == (youth.id, "ti")
    again = client.post("/api/v1/ui-texts/reviewers",
                        json={"username": youth.username, "language": "ti"})
    assert again.status_code == 409
    assert client.post("/api/v1/ui-texts/reviewers",
                       json={"username": "nobody-here", "language": "ti"}).status_code == 422
    assert client.post("/api/v1/ui-texts/reviewers",
                       json={"username": youth.username, "language": "nl"}).status_code == 422
    listed = client.get("/api/v1/ui-texts/reviewers").json["items"]
    assert [(r["username"], r["language"]) for r in listed] == [(youth.username, "ti")]
    assert client.delete(f"/api/v1/ui-texts/reviewers/{granted.json['id']}").status_code == 204
    assert db.session.scalar(select(LanguageReviewer)) is None
    actions = db.session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["wording.reviewer_grant", "wording.reviewer_revoke"]


def test_reviewer_sees_only_their_languages_queue(client, factory, youth):
    reviewer = factory.user(Role.MENTOR)
    make_reviewer(reviewer, "ti")
    mine = make_suggestion(youth, "ti")
    make_suggestion(youth, "am", msgid="Ideas", text="ሓሳባት!")
    client.login_as(reviewer)
    queue = client.get("/api/v1/ui-texts/suggestions").json
    assert [s["id"] for s in queue["items"]] == [mine.id] and queue["next_cursor"] is None
    assert "author_id" not in queue["items"][0]
    assert client.get("/api/v1/ui-texts/suggestions",
                      query_string={"language": "am"}).status_code == 403
    client.login_as(youth)
    assert client.get("/api/v1/ui-texts/suggestions").status_code == 403


def test_accepting_thanks_the_suggester_and_is_audited(client, factory, youth):
    reviewer = factory.user(Role.YOUTH)
    make_reviewer(reviewer, "ti")
    suggestion = make_suggestion(youth)
    client.login_as(reviewer)
    answer = client.patch(f"/api/v1/ui-texts/suggestions/{suggestion.id}",
                          json={"status": "accepted"})
    assert answer.status_code == 200, answer.json
    assert answer.json["status"] == "accepted" and answer.json["reviewed_at"]
    event = db.session.scalar(select(Event))
    assert (event.kind, event.user_id, event.data) == ("wording.accepted", youth.id,
                                                       {"suggestion_id": suggestion.id})
    audit = db.session.scalar(select(AuditLog))
    assert (audit.action, audit.actor_id, audit.details["suggestion_id"]) == (
        "wording.accepted", reviewer.id, suggestion.id)
    again = client.patch(f"/api/v1/ui-texts/suggestions/{suggestion.id}",
                         json={"status": "rejected"})
    assert again.status_code == 409


def test_a_corrected_wording_must_keep_the_placeholders(client, factory, youth):
    reviewer = factory.user(Role.YOUTH_WORKER)
    reviewer.ui_language = "en"  # the messages are in the person's own language
    make_reviewer(reviewer, "ti")
    suggestion = make_suggestion(youth)
    client.login_as(reviewer)
    refused = client.patch(f"/api/v1/ui-texts/suggestions/{suggestion.id}",
                           json={"status": "accepted", "text": "ሰላም ኣብዚ"})
    assert refused.status_code == 422
    assert refused.json["message"] == "Keep these parts exactly as they are: {name}"
    db.session.expire_all()
    assert db.session.get(type(suggestion), suggestion.id).status == SuggestionStatus.PENDING
    fixed = client.patch(f"/api/v1/ui-texts/suggestions/{suggestion.id}",
                         json={"status": "accepted", "text": "ሰላም {name}፡ እንቋዕ ብደሓን መጻእካ"})
    assert fixed.status_code == 200
    assert fixed.json["text"] == "ሰላም {name}፡ እንቋዕ ብደሓን መጻእካ"


def test_a_suggestion_for_a_text_that_left_the_app_cannot_be_accepted(client, factory, youth):
    reviewer = factory.user(Role.YOUTH)
    make_reviewer(reviewer, "ti")
    gone = make_suggestion(youth, msgid="A text the app no longer has {name}")
    client.login_as(reviewer)
    answer = client.patch(f"/api/v1/ui-texts/suggestions/{gone.id}", json={"status": "accepted"})
    assert (answer.status_code, answer.json["code"]) == (409, "text_gone")
    rejected = client.patch(f"/api/v1/ui-texts/suggestions/{gone.id}",
                            json={"status": "rejected"})
    assert rejected.status_code == 200
    assert db.session.scalar(select(Event)) is None


def test_other_languages_suggestions_do_not_exist_for_a_reviewer(client, factory, youth):
    reviewer = factory.user(Role.YOUTH)
    make_reviewer(reviewer, "am")
    suggestion = make_suggestion(youth, "ti", msgid=PLAIN)
    client.login_as(reviewer)
    assert client.patch(f"/api/v1/ui-texts/suggestions/{suggestion.id}",
                        json={"status": "accepted"}).status_code == 404
    assert client.patch("/api/v1/ui-texts/suggestions/999999",
                        json={"status": "accepted"}).status_code == 404
