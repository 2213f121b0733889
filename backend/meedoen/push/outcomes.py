"""What a push service's answer means, and the one retry policy that decides what happens next.

Every attempt at a device ends in one ``Outcome``. A ``RETRY`` never leaves the sender:
``RetryPolicy.next_step`` turns it into a wait and another attempt (short waits, in the
sender), ``LATER`` (a long wait: the delivery goes back to the database queue until then)
or ``FAILED`` (attempts used up). The attempt number is one count for a delivery, kept in
the database across claims, so the limit is the same whichever way the waits went.
"""

import enum
import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from meedoen.core.models import utcnow

MAX_RETRY_AFTER = 24 * 3600


class Result(enum.StrEnum):
    """The metrics label (meedoen_push_attempts_total{outcome}) is the value."""

    SENT = "sent"  # 2xx
    GONE = "gone"  # 404/410, or no longer an allowed endpoint: delete the subscription
    REJECTED = "rejected"  # other 4xx, 3xx, unusable keys: this message cannot be sent there
    RETRY = "retry"  # 429, 5xx, time-out, connection error: worth another attempt
    LATER = "later"  # another attempt after ``retry_after`` seconds, from the database queue
    FAILED = "failed"  # attempts used up, or the sender itself failed


@dataclass(frozen=True, slots=True)
class Outcome:
    result: Result
    status: int | None = None
    retry_after: float | None = None
    attempt: int = 1  # the delivery's attempts so far, this one included


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = (parsedate_to_datetime(value) - utcnow()).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def classify(status: int, retry_after: str | None, attempt: int = 1) -> Outcome:
    if 200 <= status < 300:
        return Outcome(Result.SENT, status, attempt=attempt)
    if status in (404, 410):
        return Outcome(Result.GONE, status, attempt=attempt)
    if status == 429 or status >= 500:
        return Outcome(Result.RETRY, status, parse_retry_after(retry_after), attempt)
    return Outcome(Result.REJECTED, status, attempt=attempt)


@dataclass(frozen=True)
class RetryPolicy:
    """PUSH_ATTEMPTS attempts in all; between them the service's Retry-After, else
    exponential back-off (PUSH_BACKOFF × 2ⁿ, with jitter); waits longer than
    PUSH_MAX_INLINE_WAIT go back to the database queue instead of holding a sender."""

    attempts: int = 4
    backoff: float = 0.5
    max_inline_wait: float = 10.0

    def next_step(self, outcome: Outcome) -> tuple[Outcome | None, float]:
        """``(final outcome, 0)``, or ``(None, seconds)``: attempt again after that wait."""
        if outcome.result != Result.RETRY:
            return outcome, 0.0
        if outcome.attempt >= self.attempts:
            return Outcome(Result.FAILED, outcome.status, attempt=outcome.attempt), 0.0
        wait = outcome.retry_after
        if wait is None:
            wait = self.backoff * 2 ** (outcome.attempt - 1) * (1 + random.random() / 4)
        if wait > self.max_inline_wait:
            return Outcome(Result.LATER, outcome.status, wait, outcome.attempt), 0.0
        return None, wait
