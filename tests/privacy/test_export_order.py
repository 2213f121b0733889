"""Every list in GET /me/export comes in a fixed order (by id, or by its time and then the idea),
not in whatever order the database reads the rows, so two exports of the same data are the
same file. The rows here are stored in another order than the one exported: ids given out
of order (``SHUFFLED``: PostgreSQL reads rows as they are stored, as it reads one an UPDATE
moved to the end of the table, or through a hash join in reverse, so neither order is the
ids'), supports and reports newest first. Without an ORDER BY every test fails on
PostgreSQL; on SQLite (rows by rowid, which is the id) the supports and reports one."""

from datetime import timedelta

from meedoen.auth.models import Role
from meedoen.contacts.models import Assignment
from meedoen.extensions import db
from meedoen.ideas.models import IdeaReport, IdeaSupport, ReportReason, SupportKind
from meedoen.invites.models import Invite
from meedoen.wording.models import LanguageReviewer

from tests.activities.helpers import make_activity
from tests.conftest import FROZEN_NOW
from tests.contacts.helpers import make_contact
from tests.ideas.helpers import make_idea

SHUFFLED = [9002, 9003, 9001]  # the ids, in the order the rows are stored


def _export(client, user) -> dict:
    response = client.login_as(user).get("/api/v1/me/export")
    assert response.status_code == 200
    return response.get_json()


def test_activities_posted_by_id(client, factory, clock):
    town = factory.municipality()
    worker = factory.user(Role.YOUTH_WORKER, town)
    for activity_id in SHUFFLED:
        make_activity(town, id=activity_id, created_by_id=worker.id)
    assert _export(client, worker)["activities"]["activities_posted"] == sorted(SHUFFLED)


def test_idea_supports_and_reports_by_time_then_idea(client, factory):
    town = factory.municipality()
    author, youth = factory.user(Role.YOUTH, town), factory.user(Role.YOUTH, town)
    ideas = [make_idea(author).id for _ in range(3)]
    # Stored newest first; the last two at the same moment.
    for idea_id, days_ago in zip(ideas, (1, 2, 2), strict=True):
        at = FROZEN_NOW - timedelta(days=days_ago)
        db.session.add_all([
            IdeaSupport(idea_id=idea_id, user_id=youth.id, kind=SupportKind.JOIN, created_at=at),
            IdeaReport(idea_id=idea_id, reporter_id=youth.id, reason=ReportReason.SPAM,
                       created_at=at)])
    db.session.commit()
    export = _export(client, youth)
    expected = [ideas[1], ideas[2], ideas[0]]
    assert [row["idea_id"] for row in export["idea_supports"]] == expected
    assert [row["idea_id"] for row in export["idea_reports"]] == expected


def test_invites_created_by_id(client, factory):
    town = factory.municipality()
    worker = factory.user(Role.YOUTH_WORKER, town)
    expires = {invite_id: FROZEN_NOW + timedelta(days=invite_id - 9000)
               for invite_id in SHUFFLED}
    for invite_id in SHUFFLED:
        db.session.add(Invite(id=invite_id, code_hash=f"{invite_id}".ljust(64, "0"),
                              role=Role.YOUTH, municipality_id=town.id,
                              created_by_id=worker.id, expires_at=expires[invite_id]))
        db.session.commit()
    assert [row["expires_at"] for row in _export(client, worker)["invites_created"]] == [
        expires[invite_id].isoformat() for invite_id in sorted(SHUFFLED)]


def test_my_people_by_id(client, factory):
    town = factory.municipality()
    youth = factory.user(Role.YOUTH, town)
    names = {assignment_id: f"Contact {assignment_id}" for assignment_id in SHUFFLED}
    for assignment_id in SHUFFLED:
        contact = make_contact(town, name=names[assignment_id])
        db.session.add(Assignment(id=assignment_id, youth_id=youth.id, contact_id=contact.id))
        db.session.commit()
    assert [row["contact"] for row in _export(client, youth)["my_people"]] == [
        names[assignment_id] for assignment_id in sorted(SHUFFLED)]


def test_language_reviewer_by_id(client, factory):
    admin = factory.user(Role.ADMIN)
    reviewer = factory.user(Role.YOUTH)
    languages = dict(zip(SHUFFLED, ["ti", "ar", "fa"], strict=True))
    for role_id in SHUFFLED:
        db.session.add(LanguageReviewer(id=role_id, user_id=reviewer.id,
                                        language=languages[role_id], granted_by_id=admin.id))
        db.session.commit()
    reviews = _export(client, reviewer)["language_reviewer"]["reviews"]
    assert [row["language"] for row in reviews] == [languages[i] for i in sorted(SHUFFLED)]
    granted = _export(client, admin)["language_reviewer"]["granted"]
    assert [row["reviewer_id"] for row in granted] == sorted(SHUFFLED)
