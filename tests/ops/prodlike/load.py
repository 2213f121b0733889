"""Load from a few client threads while a fault happens, and the figures of what they saw."""

import itertools
import random
import threading
import time
import uuid
from dataclasses import dataclass

import requests


@dataclass
class Answer:
    at: float
    operation: str
    status: int  # 0: no answer at all (connection refused or cut)
    proper: bool  # a 5xx in the app's shape: JSON, "unavailable", Retry-After, request id
    sample: str = ""  # the start of a 5xx answer that is not in the app's shape


def is_proper_unavailable(response: requests.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return (response.status_code == 503 and body.get("code") == "unavailable"
            and bool(response.headers.get("Retry-After"))
            and body.get("request_id") == response.headers.get("X-Request-ID"))


class Load:
    """Threads that list activities, open one, sign up and read /me, as youth would.

    Every sign-up answered 2xx is remembered (``signed``) to look for it in the database."""

    def __init__(self, base: str, ca: str, youth: list, activities: list, threads: int = 4,
                 pause: float = 0.05):
        self.base, self.ca, self.youth, self.activities = base, ca, youth, activities
        self.threads, self.pause = threads, pause
        self.answers: list[Answer] = []
        self.signed: set[tuple[int, int]] = set()
        pairs = [(u, a) for u in range(len(youth)) for a in activities]
        random.shuffle(pairs)
        self._pairs = iter(pairs)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []
        self._turns = itertools.count()

    def __enter__(self) -> "Load":
        for n in range(self.threads):
            thread = threading.Thread(target=self._run, name=f"load-{n}", daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._workers:
            thread.join(30)

    def _run(self) -> None:
        session = requests.Session()
        session.trust_env = False
        session.verify = self.ca
        while not self._stop.is_set():
            turn = next(self._turns)
            user_index = turn % len(self.youth)
            operation = ("list", "detail", "signup", "me")[turn % 4]
            sample = ""
            try:
                response = self._request(session, operation, user_index)
                status, proper = response.status_code, is_proper_unavailable(response)
                if status >= 500 and not proper:
                    sample = f"{response.headers.get('Content-Type')} {response.text[:200]}"
            except requests.RequestException as error:
                status, proper, sample = 0, False, repr(error)[:200]
            with self._lock:
                self.answers.append(Answer(time.monotonic(), operation, status, proper, sample))
            time.sleep(self.pause)

    def _request(self, session, operation: str, user_index: int) -> requests.Response:
        headers = {"Cookie": f"meedoen_session={self.youth[user_index][1]}",
                   "X-Requested-With": "fetch", "Accept-Language": "ar"}
        if operation == "list":
            response = session.get(f"{self.base}/api/v1/activities", headers=headers, timeout=15)
        elif operation == "detail":
            activity = random.choice(self.activities)
            response = session.get(f"{self.base}/api/v1/activities/{activity}", headers=headers,
                                   timeout=15)
        elif operation == "me":
            response = session.get(f"{self.base}/api/v1/me", headers=headers, timeout=15)
        else:
            with self._lock:
                user_index, activity = next(self._pairs)
            headers["Cookie"] = f"meedoen_session={self.youth[user_index][1]}"
            headers["Idempotency-Key"] = uuid.uuid4().hex
            response = session.post(f"{self.base}/api/v1/activities/{activity}/signup",
                                    headers=headers, timeout=15)
            if 200 <= response.status_code < 300:
                with self._lock:
                    self.signed.add((self.youth[user_index][0], activity))
        return response

    def figures(self, start: float, end: float) -> dict:
        """What the clients saw between two moments."""
        seen = [a for a in self.answers if start <= a.at <= end]
        errors = [a for a in seen if a.status >= 500]
        return {"requests": len(seen), "ok_2xx": sum(200 <= a.status < 300 for a in seen),
                "status_5xx": len(errors),
                "status_503_json_retry_after": sum(a.proper for a in errors),
                "other_5xx_or_no_answer": sum(not a.proper for a in errors)
                + sum(a.status == 0 for a in seen),
                "status_4xx": sum(400 <= a.status < 500 for a in seen),
                "4xx_seen": sorted({f"{a.operation} {a.status}" for a in seen
                                    if 400 <= a.status < 500}),
                "not_in_app_shape": [f"{a.operation} {a.status} {a.sample}" for a in seen
                                     if a.sample][:3]}
