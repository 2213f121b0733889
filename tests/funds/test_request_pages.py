"""The requests list pages with the one pagination: {items, next_cursor, total}. The queue is
oldest first, a young person's own list newest first; the count is the whole filtered list."""

from datetime import timedelta

from meedoen.auth.models import Role
from meedoen.core.models import utcnow

from tests.funds.helpers import make_request


def all_pages(client, path: str) -> tuple[list[int], set[int]]:
    ids, totals, cursor = [], set(), None
    while True:
        page = client.get(path + (f"&cursor={cursor}" if cursor else "")).json
        ids += [r["id"] for r in page["items"]]
        totals.add(page["total"])
        cursor = page["next_cursor"]
        if cursor is None:
            return ids, totals


def test_the_queue_pages_oldest_first_and_counts_the_filter(as_worker, factory, town, clock):
    now = utcnow()
    made = [make_request(factory.user(Role.YOUTH, town), created_at=now - timedelta(days=10 - n),
                         last_step_at=now - timedelta(days=10 - n)) for n in range(5)]
    made.append(make_request(factory.user(Role.YOUTH, factory.municipality())))  # elsewhere
    ids, totals = all_pages(as_worker, "/api/v1/support-requests?status=open&limit=2")
    assert ids == [r.id for r in made[:5]] and totals == {5}
    stale, totals = all_pages(as_worker, "/api/v1/support-requests?status=stale&limit=2")
    assert stale == [r.id for r in made[:4]] and totals == {4}  # the newest had a step 6 days ago


def test_my_requests_page_newest_first(as_youth, youth, clock):
    now = utcnow()
    made = [make_request(youth, created_at=now - timedelta(days=n)) for n in range(3)]
    ids, totals = all_pages(as_youth, "/api/v1/support-requests?limit=2")
    assert ids == [r.id for r in made] and totals == {3}


def test_a_queue_cursor_does_not_open_my_requests(as_worker, as_youth, youth, factory, town,
                                                  clock):
    for _ in range(2):
        make_request(factory.user(Role.YOUTH, town))
    make_request(youth)
    cursor = as_worker.get("/api/v1/support-requests?limit=1").json["next_cursor"]
    assert cursor
    assert as_youth.get(f"/api/v1/support-requests?cursor={cursor}").status_code == 400
    assert as_worker.get("/api/v1/support-requests?page=2").status_code == 422
