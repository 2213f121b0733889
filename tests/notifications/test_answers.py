"""What the sender does with each answer of a push service, and with slow ones."""

import time
from datetime import timedelta

from meedoen.core.models import utcnow
from meedoen.extensions import db
from meedoen.notifications.dispatch import run_due_work
from meedoen.notifications.models import Delivery, DeliveryStatus, InboxItem
from meedoen.push.models import PushSubscription
from sqlalchemy import select

from tests.pushservice import PushService


def deliveries():
    db.session.expire_all()
    return db.session.scalars(select(Delivery).order_by(Delivery.id)).all()


def subscription_exists(endpoint: str) -> bool:
    db.session.expire_all()
    return db.session.scalar(select(PushSubscription.id)
                             .where(PushSubscription.endpoint == endpoint)) is not None


def test_404_and_410_delete_the_subscription(people, push_service):
    gone = {status: people.youth() for status in (404, 410)}
    for status, user in gone.items():
        push_service.answer(user.endpoints[0], status)
    people.send()
    for user in gone.values():
        assert not subscription_exists(user.endpoints[0])
    assert {d.status for d in deliveries()} == {DeliveryStatus.GONE}
    people.send()
    assert len(deliveries()) == 2  # the second message no longer tries those devices


def test_400_and_403_do_not_delete_on_the_first_failure(people, push_service, app):
    user = people.youth()
    endpoint = user.endpoints[0]
    limit = app.config["PUSH_REJECTIONS_BEFORE_DELETE"]
    for attempt in range(1, limit + 1):
        push_service.answer(endpoint, 400 if attempt % 2 else 403)
        people.send()
        assert deliveries()[-1].status == DeliveryStatus.FAILED
        assert subscription_exists(endpoint) == (attempt < limit)


def test_a_success_resets_the_rejections(people, push_service):
    user = people.youth()
    push_service.answer(user.endpoints[0], 403)
    people.send()
    people.send()
    db.session.expire_all()
    row = db.session.scalar(select(PushSubscription))
    assert row.rejections == 0 and row.last_success_at is not None


def test_5xx_is_retried_with_back_off_a_bounded_number_of_times(people, push_service, app):
    flaky, broken = people.youth(), people.youth()
    push_service.answer(flaky.endpoints[0], 500, times=2)
    push_service.answer(broken.endpoints[0], 503, times=50)
    people.send()
    assert len(push_service.messages(flaky.endpoints[0])) == 1
    assert push_service.state.requests[push_service.token_of(flaky.endpoints[0])] == 3
    broken_token = push_service.token_of(broken.endpoints[0])
    assert push_service.state.requests[broken_token] == app.config["PUSH_ATTEMPTS"]
    by_user = {d.inbox_item.user_id: d for d in deliveries()}
    assert by_user[flaky.id].status == DeliveryStatus.SENT
    assert by_user[broken.id].status == DeliveryStatus.FAILED
    assert by_user[broken.id].last_status == 503
    assert subscription_exists(broken.endpoints[0])  # a broken service is not a gone device


def test_429_waits_for_retry_after(people, push_service):
    user = people.youth()
    push_service.answer(user.endpoints[0], 429, headers={"Retry-After": "1"})
    started = time.monotonic()
    people.send()
    [message] = push_service.messages(user.endpoints[0])
    assert message.at - started >= 1.0


def test_a_long_retry_after_puts_the_delivery_back_until_then(people, push_service):
    user = people.youth()
    push_service.answer(user.endpoints[0], 429, headers={"Retry-After": "3600"})
    people.send()
    [delivery] = deliveries()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.next_attempt_at > utcnow() + timedelta(minutes=59)
    assert not push_service.messages()
    run_due_work(utcnow() + timedelta(minutes=30))
    assert not push_service.messages()
    run_due_work(utcnow() + timedelta(minutes=61))
    assert len(push_service.messages(user.endpoints[0])) == 1
    assert deliveries()[0].status == DeliveryStatus.SENT


def test_attempts_are_one_count_across_the_queue(people, push_service, app):
    """PUSH_ATTEMPTS bounds a delivery in all: attempts made before a long Retry-After put it
    back in the queue count after it, too (one retry policy, one counter)."""
    user = people.youth()
    push_service.answer(user.endpoints[0], 500)
    push_service.answer(user.endpoints[0], 429, headers={"Retry-After": "3600"})
    push_service.answer(user.endpoints[0], 503, times=50)
    people.send()
    [delivery] = deliveries()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 2)
    run_due_work(utcnow() + timedelta(minutes=61))
    [delivery] = deliveries()
    limit = app.config["PUSH_ATTEMPTS"]
    assert (delivery.status, delivery.attempts, delivery.last_status) == (
        DeliveryStatus.FAILED, limit, 503)
    assert push_service.state.requests[push_service.token_of(user.endpoints[0])] == limit
    assert not push_service.messages()


def test_a_slow_endpoint_does_not_hold_up_the_rest(people, push_service, app, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_TIMEOUT", 0.5)
    monkeypatch.setitem(app.config, "PUSH_ATTEMPTS", 2)
    slow = [people.youth() for _ in range(3)]
    fast = [people.youth() for _ in range(12)]
    for user in slow:
        push_service.make_slow(user.endpoints[0], 5)
    started = time.monotonic()
    people.send()
    took = time.monotonic() - started
    assert took < 3, took  # two attempts of 0.5 s and a short back-off, not 3 × 5 s
    for user in fast:
        [message] = push_service.messages(user.endpoints[0])
        assert message.at - started < 0.5
    statuses = {d.inbox_item.user_id: d.status for d in deliveries()}
    assert all(statuses[u.id] == DeliveryStatus.FAILED for u in slow)
    assert all(statuses[u.id] == DeliveryStatus.SENT for u in fast)


def test_redirects_are_never_followed(people, push_service):
    victim = people.youth()
    redirected = people.youth()
    push_service.answer(redirected.endpoints[0], 307,
                        headers={"Location": victim.endpoints[0]})
    people.send()
    assert len(push_service.messages(victim.endpoints[0])) == 1  # only its own message
    assert push_service.messages(redirected.endpoints[0]) == []
    statuses = {d.inbox_item.user_id: d for d in deliveries()}
    assert statuses[redirected.id].status == DeliveryStatus.FAILED
    assert statuses[redirected.id].last_status == 307


def test_endpoints_are_checked_again_before_sending(people, push_service, app, monkeypatch):
    user = people.youth()
    people.send()  # the sender now knows this endpoint as allowed
    monkeypatch.setitem(app.config, "PUSH_ALLOW_INSECURE_ENDPOINTS", False)
    people.send()
    assert push_service.state.requests[push_service.token_of(user.endpoints[0])] == 1
    assert not subscription_exists(user.endpoints[0])


def test_long_texts_fit_in_one_push_message_and_stay_whole_in_the_inbox(people, push_service):
    user = people.youth(ui_language="ti")
    body = "ሰላም" * 333  # 999 characters, 3 bytes each in UTF-8
    people.send([{"lang": "nl", "title": "Lang", "body": "x"},
                 {"lang": "ti", "title": "ነዊሕ " * 30, "body": body}])
    [message] = push_service.messages(user.endpoints[0])
    assert len(message.plaintext) <= 3072
    assert message.json()["body"].endswith("…")
    assert db.session.scalar(select(InboxItem.body)) == body


def test_one_token_per_origin_with_its_own_port(people, push_service, server_key):
    with PushService() as second:
        second.expect_key(server_key)
        people.service = second
        elsewhere = [people.youth() for _ in range(2)]
        people.service = push_service
        here = [people.youth() for _ in range(2)]
        people.send()
        people.send()
        assert not push_service.state.rejected and not second.state.rejected
        for service, users in ((push_service, here), (second, elsewhere)):
            assert {m.token for m in service.messages()} == {
                service.token_of(u.endpoints[0]) for u in users}
            tokens = {m.headers["Authorization"] for m in service.messages()}
            assert len(service.messages()) == 4 and len(tokens) == 1
        assert push_service.messages()[0].headers["Authorization"] != \
            second.messages()[0].headers["Authorization"]


def test_each_attempt_is_counted_in_the_metrics_of_the_app_that_sent_it(people, push_service,
                                                                         app):
    def attempts(outcome: str) -> float:
        registry = app.extensions["meedoen_metrics"].registry
        return registry.get_sample_value("meedoen_push_attempts_total",
                                         {"host": "loopback", "outcome": outcome}) or 0.0

    sent, gone = attempts("sent"), attempts("gone")
    youth = [people.youth() for _ in range(3)]
    push_service.answer(youth[0].endpoints[0], 410)
    people.send()
    # Counted in the sender's own thread, which has no app context.
    assert (attempts("sent") - sent, attempts("gone") - gone) == (2, 1)
