"""The list runs a fixed number of SQL statements, however many ideas are on the page."""

from meedoen.auth.models import Role
from meedoen.extensions import db
from sqlalchemy import event

from tests.ideas.helpers import add_support, make_idea


def statements(client, path) -> int:
    seen = []

    def count(*args):
        seen.append(args[2])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_list_statements_do_not_grow_with_the_page(client, factory, town, youth):
    mentor = factory.user(Role.MENTOR, town)
    first = make_idea(youth)
    client.login_as(mentor)
    client.post(f"/api/v1/ideas/{first.id}/answers",
                json={"status": "planned", "message": {"nl": "Ja"}})
    one = statements(client, "/api/v1/ideas")
    for n in range(12):
        idea = make_idea(factory.user(Role.YOUTH, town), texts={"nl": (f"Idee {n}", "x")})
        add_support(idea, youth)
        client.post(f"/api/v1/ideas/{idea.id}/answers",
                    json={"status": "planned", "message": {"nl": "Ja"}})
    assert statements(client, "/api/v1/ideas") == one
