"""The checks and the three faults. Each records what it saw in the report."""

import secrets
import time
import traceback
from collections import Counter

import psycopg
import redis
import requests
from requests.adapters import HTTPAdapter

from tests.ops.prodlike.load import Load, is_proper_unavailable
from tests.ops.prodlike.stack import APP_HOST, wait_until

ADMIN = "beheer"
ADMIN_PASSWORD = secrets.token_urlsafe(12)  # a new one each run
RECOVERY_LIMIT = 5.0


class Report:
    def __init__(self):
        self.checks: dict[str, dict] = {}
        self.figures: dict[str, dict] = {}

    def check(self, name: str, ok: bool, **detail) -> bool:
        self.checks[name] = {"ok": bool(ok), **detail}
        print(f"{'ok  ' if ok else 'FAIL'} {name} {detail if detail else ''}", flush=True)
        return ok

    def run(self, name: str, step, *args) -> None:
        """A step that raised counts as a failed check; the next steps still run."""
        try:
            step(*args)
        except Exception as error:
            traceback.print_exc()
            self.check(name, False, error=repr(error)[:300])

    @property
    def ok(self) -> bool:
        return all(check["ok"] for check in self.checks.values())


class FromAddress(HTTPAdapter):
    """Connections from one loopback address: a client of its own for nginx."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def client(stack, address: str | None = None) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # not REQUESTS_CA_BUNDLE: this run's CA only
    session.verify = str(stack.certs.ca)
    if address:
        session.mount("https://", FromAddress(address))
        session.mount("http://", FromAddress(address))
    return session


def api_headers(stack, cookie: str | None = None) -> dict:
    headers = {"X-Requested-With": "fetch", "Origin": stack.base}
    if cookie:
        headers["Cookie"] = f"meedoen_session={cookie}"
    return headers


# -- without faults ------------------------------------------------------------------------------

def check_ready(stack, report: Report) -> None:
    answer = client(stack).get(f"{stack.base}/api/v1/health/ready", timeout=10)
    body = answer.json()
    report.check("readiness through nginx: 200, every part ok", answer.status_code == 200
                 and all(check["ok"] for check in body["checks"].values())
                 and set(body["checks"]) == {"database", "migrations", "redis", "worker"},
                 status=answer.status_code, checks=sorted(body["checks"]))


def check_tls_cookies_and_hsts(stack, report: Report) -> None:
    session = client(stack, "127.0.0.4")
    login = session.post(f"{stack.base}/api/v1/auth/login", headers=api_headers(stack),
                         json={"username": ADMIN, "password": ADMIN_PASSWORD}, timeout=15)
    cookie = login.headers.get("Set-Cookie", "")
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    report.check("first admin (flask create-admin) logs in over https", login.status_code == 200,
                 status=login.status_code)
    report.check("session cookie is Secure, HttpOnly, SameSite=Lax",
                 cookie.startswith("meedoen_session=") and {"secure", "httponly"} <= attributes
                 and "samesite=lax" in cookie.lower(), set_cookie_attributes=sorted(attributes))
    hsts = login.headers.get("Strict-Transport-Security", "")
    report.check("HSTS on https answers (from the app, scheme via X-Forwarded-Proto)",
                 "max-age=31536000" in hsts, header=hsts)
    plain = client(stack).get(f"http://{APP_HOST}:{stack.http_port}/api/v1/health/live",
                              allow_redirects=False, timeout=10)
    report.check("plain http is redirected to https", plain.status_code == 301
                 and plain.headers.get("Location", "").startswith(stack.base),
                 status=plain.status_code)


def check_client_address_for_rate_limits(stack, report: Report) -> None:
    """RATELIMIT_LOGIN is 5 per minute per client address: from one address the sixth login
    is refused, whatever X-Forwarded-For the client sends; another address is not."""
    session = client(stack, "127.0.0.2")
    statuses = []
    for n in range(6):
        headers = {**api_headers(stack), "X-Forwarded-For": f"203.0.113.{n + 1}"}
        statuses.append(session.post(f"{stack.base}/api/v1/auth/login", headers=headers,
                                     json={"username": f"nobody-{n}", "password": "wrong-pass-9"},
                                     timeout=15).status_code)
    other = client(stack, "127.0.0.3").post(
        f"{stack.base}/api/v1/auth/login", headers=api_headers(stack),
        json={"username": "nobody-x", "password": "wrong-pass-9"}, timeout=15).status_code
    report.check("rate limit keyed on the address nginx saw (spoofed X-Forwarded-For ignored)",
                 statuses[:5] == [401] * 5 and statuses[5] == 429 and other == 401,
                 from_one_address=statuses, from_another=other)


def check_metrics(stack, report: Report) -> None:
    port = stack.web_ports[0]
    token = stack.env["METRICS_TOKEN"]
    scraped = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10,
                           headers={"Authorization": f"Bearer {token}"})
    anonymous = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
    public = client(stack).get(f"{stack.base}/metrics", timeout=10)
    report.check("metrics on the app server's port with the token, not through nginx",
                 scraped.status_code == 200 and "meedoen_http_requests_total{" in scraped.text
                 and anonymous.status_code == 401 and public.status_code == 404,
                 with_token=scraped.status_code, without=anonymous.status_code,
                 through_nginx=public.status_code)


def subscribe_everyone(stack, data, report: Report) -> None:
    session = client(stack)
    key = session.get(f"{stack.base}/api/v1/push/key", timeout=10).json()["public_key"]
    made = 0
    for _user_id, cookie in data.youth:
        answer = session.post(f"{stack.base}/api/v1/push/subscriptions",
                              headers=api_headers(stack, cookie), timeout=15,
                              json={**stack.push.subscribe(), "application_server_key": key})
        made += answer.status_code in (200, 201)
    report.check("every youth subscribed to push (an https push service in production)",
                 made == len(data.youth), subscribed=made)


def send_notification(stack, data, title: str) -> requests.Response:
    return client(stack).post(
        f"{stack.base}/api/v1/notifications", headers=api_headers(stack, data.worker_cookie),
        json={"municipality_id": data.town_id,
              "texts": [{"lang": "nl", "title": title, "body": "Tot straks bij het buurthuis."}]},
        timeout=15)


def delivered(stack, notification_id: int) -> Counter:
    """Messages of one notification per subscriber, as the push service received them."""
    topic = f"n-{notification_id}"
    return Counter(r.token for r in list(stack.push.state.received)
                   if r.headers.get("Topic") == topic)


def all_delivered(stack, data, notification_id: int) -> bool:
    return len(delivered(stack, notification_id)) == len(data.youth)


def check_push_through_worker(stack, data, report: Report) -> None:
    sent = send_notification(stack, data, "Voetbal vanavond")
    started = time.monotonic()
    notification_id = sent.json()["id"]
    ok = wait_until(lambda: all_delivered(stack, data, notification_id), 60, 0.1)
    counts = delivered(stack, notification_id)
    report.check("a push delivered through the RQ worker to every device, once",
                 sent.status_code == 202 and ok and max(counts.values(), default=0) == 1,
                 status=sent.status_code, devices=len(counts),
                 seconds=round(time.monotonic() - started, 2))


# -- faults ---------------------------------------------------------------------------------------

def _probe_until_ok(stack, cookie: str, timeout: float) -> float | None:
    """Seconds until GET /me answers 200 again (it needs the database)."""
    session = client(stack)
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            answer = session.get(f"{stack.base}/api/v1/me", headers=api_headers(stack, cookie),
                                 timeout=5)
            if answer.status_code == 200:
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.05)
    return None


def signups_in_database(stack) -> set[tuple[int, int]]:
    url = stack.database_url
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT user_id, activity_id FROM signup").fetchall()
    return {tuple(row) for row in rows}


def fault_postgres(stack, data, report: Report, down_seconds: float = 6) -> None:
    with Load(stack.base, str(stack.certs.ca), data.youth, data.activities) as load:
        time.sleep(2)
        stopping = time.monotonic()
        stack.postgres.stop()
        down = time.monotonic()
        session = client(stack)
        during = session.post(f"{stack.base}/api/v1/activities/{data.activities[0]}/signup",
                              headers={**api_headers(stack, data.youth[0][1]),
                                       "Accept-Language": "fa"}, timeout=15)
        # As a load balancer asks: without the session cookie the sign-up's answer set.
        ready = client(stack).get(f"{stack.base}/api/v1/health/ready", timeout=15)
        time.sleep(max(0.0, down_seconds - (time.monotonic() - down)))
        stack.postgres.start()
        up = time.monotonic()
        recovered = _probe_until_ok(stack, data.youth[1][1], 30)
        time.sleep(2)
    after = time.monotonic()
    outage = load.figures(stopping, up)
    tail = load.figures(up + (recovered or 0) + 1, after)
    lost = load.signed - signups_in_database(stack)
    report.figures["postgres_stopped"] = {
        "seconds_down": round(up - stopping, 1), **outage,
        "seconds_to_recover_after_start": None if recovered is None else round(recovered, 2),
        "signups_answered_2xx": len(load.signed), "signups_lost": len(lost)}
    report.check("PostgreSQL down: every 5xx is 503 JSON with Retry-After (none from nginx)",
                 outage["other_5xx_or_no_answer"] == 0 and outage["status_5xx"] > 0
                 and is_proper_unavailable(during), five_xx=outage["status_5xx"],
                 message_language_fa=during.json().get("message", "")[:40])
    report.check("PostgreSQL down: readiness 503 names the database", ready.status_code == 503
                 and "database" in ready.json().get("failing", []), status=ready.status_code,
                 body=ready.text[:300])
    report.check(f"PostgreSQL started: recovery within {RECOVERY_LIMIT:g} s",
                 recovered is not None and recovered <= RECOVERY_LIMIT, seconds=recovered)
    report.check("PostgreSQL fault: no 5xx after recovery", tail["status_5xx"] == 0
                 and tail["requests"] > 0, **tail)
    report.check("PostgreSQL fault: every sign-up answered 2xx is in the database",
                 not lost and load.signed, answered_2xx=len(load.signed), lost=len(lost))


def fault_redis(stack, data, report: Report, down_seconds: float = 6) -> None:
    with Load(stack.base, str(stack.certs.ca), data.youth, data.activities) as load:
        time.sleep(2)
        stopping = time.monotonic()
        stack.redis.stop()
        time.sleep(0.5)
        sent = send_notification(stack, data, "Zwemmen morgen")
        ready = client(stack).get(f"{stack.base}/api/v1/health/ready", timeout=15)
        time.sleep(max(0.0, down_seconds - (time.monotonic() - stopping)))
        stack.redis.start()
        up = time.monotonic()
        notification_id = sent.json().get("id")
        resumed = wait_until(lambda: all_delivered(stack, data, notification_id), 60, 0.1)
        resumed_after = time.monotonic() - up
        time.sleep(1)
    outage = load.figures(stopping, time.monotonic())
    report.figures["redis_stopped"] = {
        "seconds_down": round(up - stopping, 1), **outage,
        "seconds_until_push_delivered_after_start": round(resumed_after, 2) if resumed else None}
    report.check("Redis down: no 5xx (rate limits per process, work waits)",
                 outage["status_5xx"] == 0 and outage["other_5xx_or_no_answer"] == 0
                 and outage["requests"] > 0, five_xx=outage["status_5xx"])
    report.check("Redis down: a notification is accepted (202)", sent.status_code == 202,
                 status=sent.status_code)
    report.check("Redis down: readiness stays 200, redis listed as degraded",
                 ready.status_code == 200 and "redis" in ready.json().get("degraded", []),
                 status=ready.status_code, degraded=ready.json().get("degraded"))
    counts = delivered(stack, notification_id) if notification_id else Counter()
    report.check("Redis started: the worker delivers the waiting notification, once each",
                 bool(resumed) and max(counts.values(), default=0) == 1,
                 seconds=round(resumed_after, 2), devices=len(counts))


def _sending(stack) -> int:
    with psycopg.connect(stack.database_url) as conn:
        return conn.execute("SELECT count(*) FROM push_delivery"
                            " WHERE status IN ('SENDING', 'sending')").fetchone()[0]


def _beats(stack, pid: int) -> bool:
    """The new worker has written its heartbeat (it is up and reaches Redis)."""
    connection = redis.Redis.from_url(stack.redis.url, socket_timeout=1)
    try:
        names = connection.zrange("meedoen:worker-heartbeats", 0, -1)
    finally:
        connection.close()
    return any(name.decode().endswith(f":{pid}") for name in names)


def fault_worker_killed(stack, data, report: Report) -> None:
    # Slow push service and few connections: the fan-out takes seconds, so the kill lands
    # in the middle of it.
    stack.push.set_latency(0.15)
    with Load(stack.base, str(stack.certs.ca), data.youth, data.activities) as load:
        started = time.monotonic()
        sent = send_notification(stack, data, "Koken vrijdag")
        notification_id = sent.json()["id"]
        wait_until(lambda: sum(delivered(stack, notification_id).values()) >= 10, 30, 0.02)
        stack.worker.kill()
        killed = time.monotonic()
        in_flight = _sending(stack)
        before_kill = sum(delivered(stack, notification_id).values())
        new_worker = stack.start_worker()
        restarted = time.monotonic()
        wait_until(lambda: _beats(stack, new_worker.popen.pid), 60, 0.1)
        beating = time.monotonic()
        ok = wait_until(lambda: all_delivered(stack, data, notification_id), 90, 0.1)
        done = time.monotonic()
    stack.push.set_latency(0)
    counts = delivered(stack, notification_id)
    twice = sum(count - 1 for count in counts.values())
    figures = load.figures(started, done)
    report.figures["worker_killed"] = {
        "requests": figures["requests"], "status_5xx": figures["status_5xx"],
        "delivered_before_kill": before_kill, "claimed_in_flight_at_kill": in_flight,
        "devices_reached": len(counts), "devices": len(data.youth), "sent_twice": twice,
        "seconds_until_new_worker_beats": round(beating - restarted, 2),
        "seconds_to_all_delivered_after_restart": round(done - restarted, 2) if ok else None,
        "seconds_killed_to_restart": round(restarted - killed, 2)}
    report.check("worker killed mid-send: no message lost", ok and len(counts) == len(data.youth),
                 devices_reached=len(counts))
    report.check("worker killed mid-send: sent twice at most what was in flight",
                 twice <= in_flight, sent_twice=twice, in_flight=in_flight)
    report.check("worker killed: no 5xx for the clients", figures["status_5xx"] == 0,
                 requests=figures["requests"])
