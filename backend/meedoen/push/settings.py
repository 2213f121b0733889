"""Web Push settings, read from the environment (README: Notifications → Configuration)."""

import os

from flask import Flask

# The browsers' push services. An entry starting with "." admits its subdomains.
DEFAULT_PUSH_HOSTS = (
    "fcm.googleapis.com",  # Chrome, Edge on Android, Samsung Internet, Opera
    "updates.push.services.mozilla.com",  # Firefox
    "web.push.apple.com",  # Safari (iOS: home-screen apps only)
    ".notify.windows.com",  # Edge on Windows (wns2-*.notify.windows.com)
)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _hosts() -> tuple[str, ...]:
    given = os.environ.get("PUSH_SERVICE_HOSTS")
    if not given:
        return DEFAULT_PUSH_HOSTS
    return tuple(h.strip().lower() for h in given.split(",") if h.strip())


def _spare_cores() -> int:
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def defaults() -> dict:
    return {
        "VAPID_PRIVATE_KEY": os.environ.get("VAPID_PRIVATE_KEY") or None,
        "VAPID_SUBJECT": os.environ.get("VAPID_SUBJECT", "mailto:beheer@meedoen.example"),
        "PUSH_SERVICE_HOSTS": _hosts(),
        "PUSH_ALLOW_INSECURE_ENDPOINTS": _flag("PUSH_ALLOW_INSECURE_ENDPOINTS"),
        "PUSH_MAX_DEVICES": int(os.environ.get("PUSH_MAX_DEVICES", "5")),
        "PUSH_CONCURRENCY": int(os.environ.get("PUSH_CONCURRENCY", "64")),
        # Processes that encrypt large fan-outs (0: all in the sending process).
        "PUSH_ENCRYPT_PROCESSES": int(os.environ.get("PUSH_ENCRYPT_PROCESSES",
                                                     str(_spare_cores()))),
        "PUSH_TIMEOUT": float(os.environ.get("PUSH_TIMEOUT", "10")),
        "PUSH_CONNECT_TIMEOUT": float(os.environ.get("PUSH_CONNECT_TIMEOUT", "5")),
        "PUSH_ATTEMPTS": int(os.environ.get("PUSH_ATTEMPTS", "4")),
        "PUSH_BACKOFF": float(os.environ.get("PUSH_BACKOFF", "0.5")),
        # A 429's Retry-After up to this long is waited for in the sender; longer ones are
        # put back in the queue with that time.
        "PUSH_MAX_INLINE_WAIT": float(os.environ.get("PUSH_MAX_INLINE_WAIT", "10")),
        "PUSH_TTL": int(os.environ.get("PUSH_TTL", str(24 * 3600))),
        "PUSH_REJECTIONS_BEFORE_DELETE": 3,
        # A delivery claimed by a worker that died is sent again after this many seconds.
        "PUSH_CLAIM_LEASE": float(os.environ.get("PUSH_CLAIM_LEASE", "120")),
    }


def configure(app: Flask) -> None:
    for name, value in defaults().items():
        app.config.setdefault(name, value)
    if app.config["PUSH_ALLOW_INSECURE_ENDPOINTS"] and is_production(app):
        raise RuntimeError("PUSH_ALLOW_INSECURE_ENDPOINTS must not be set in production")


def is_production(app: Flask) -> bool:
    return app.config.get("MEEDOEN_ENV") == "production"


def insecure_allowed(app: Flask) -> bool:
    return bool(app.config.get("PUSH_ALLOW_INSECURE_ENDPOINTS")) and not is_production(app)
