"""The reviewers' queue pages with the one pagination (meedoen.core.pagination): oldest
first, a page at a time. Deciding on a suggestion or new suggestions arriving while a
reviewer pages skips none and repeats none (an offset would skip one per decision)."""

from meedoen.auth.models import Role

from tests.wording.helpers import make_reviewer, make_suggestion

QUEUE = "/api/v1/ui-texts/suggestions"


def test_the_queue_pages_join_up_while_reviewers_decide_and_people_suggest(
        client, factory, youth):
    reviewer = factory.user(Role.MENTOR)
    make_reviewer(reviewer, "ti")
    waiting = [make_suggestion(youth, "ti", text=f"ሰላም {{name}} {n}").id for n in range(5)]
    client.login_as(reviewer)
    first = client.get(QUEUE, query_string={"limit": 2}).json
    assert [s["id"] for s in first["items"]] == waiting[:2]
    for decided in waiting[:2]:  # decided from the first page: they leave the queue
        answer = client.patch(f"{QUEUE}/{decided}", json={"status": "rejected"})
        assert answer.status_code == 200, answer.json
    newer = make_suggestion(youth, "ti", text="ሰላም {name} 6").id
    seen, cursor = [], first["next_cursor"]
    while cursor:
        page = client.get(QUEUE, query_string={"limit": 2, "cursor": cursor}).json
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [*waiting[2:], newer]


def test_a_cursor_of_the_queue_opens_no_other_list(client, factory, youth):
    reviewer = factory.user(Role.YOUTH_WORKER)  # may list users too
    make_reviewer(reviewer, "ti")
    for n in range(3):
        make_suggestion(youth, "ti", text=f"ሰላም {{name}} {n}")
    client.login_as(reviewer)
    cursor = client.get(QUEUE, query_string={"limit": 1}).json["next_cursor"]
    assert client.get(QUEUE, query_string={"cursor": cursor}).status_code == 200
    other = client.get("/api/v1/users", query_string={"cursor": cursor})
    assert other.status_code == 400 and other.json["code"] == "invalid_cursor"
