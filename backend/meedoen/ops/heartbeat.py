"""The RQ worker's heartbeat in Redis, for the readiness check.

Each ``flask worker`` writes its name and the time into one sorted set every tick;
readiness asks whether one beat within ``WORKER_HEARTBEAT_MAX_AGE`` seconds.
"""

import os
import socket
import time

from flask import Flask


def key(app: Flask) -> str:
    return f"{app.config['NOTIFY_QUEUE']}:worker-heartbeats"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(app: Flask, connection, now: float | None = None) -> None:
    now = time.time() if now is None else now
    pipe = connection.pipeline()
    pipe.zadd(key(app), {worker_name(): now})
    # Forget workers gone for a day; the set stays small.
    pipe.zremrangebyscore(key(app), "-inf", now - 24 * 3600)
    pipe.expire(key(app), 24 * 3600)
    pipe.execute()


def last_beat_age(app: Flask, connection, now: float | None = None) -> float | None:
    """Seconds since the most recent heartbeat of any worker; None when there was none."""
    now = time.time() if now is None else now
    newest = connection.zrevrange(key(app), 0, 0, withscores=True)
    return max(0.0, now - newest[0][1]) if newest else None
