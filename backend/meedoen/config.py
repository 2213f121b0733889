"""Configuration, read from environment variables (see README: Configuration)."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from meedoen.core.languages import DEFAULT_LANGUAGE
from meedoen.ops.settings import engine_options
from meedoen.translation.settings import translation_config


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'meedoen.db'}"
    # psycopg 3 is the driver we ship; accept the usual spellings of a PostgreSQL URL.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the instance folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def build_config(instance_path: str) -> dict:
    env = os.environ.get("MEEDOEN_ENV", "development")
    production = env == "production"
    redis_url = os.environ.get("REDIS_URL") or None
    return {
        "MEEDOEN_ENV": env,
        "SECRET_KEY": secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options(database_url(instance_path)),
        "REDIS_URL": redis_url,
        "MAX_CONTENT_LENGTH": 64 * 1024,
        # Reverse proxies in front of the app whose X-Forwarded-* headers we believe (0: none).
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # Sessions: signed cookie holding only the user's random session token.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_NAME": "meedoen_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(days=30),
        # We never set a remember cookie; these keep it safe should one ever be set.
        "REMEMBER_COOKIE_DURATION": timedelta(days=14),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST": False,
        # Idle and absolute session limits per role (see README).
        "SESSION_LIMITS": {
            "youth": (timedelta(days=14), timedelta(days=60)),
            "contact": (timedelta(days=2), timedelta(days=14)),
            "mentor": (timedelta(hours=8), timedelta(days=7)),
            "youth_worker": (timedelta(hours=8), timedelta(days=7)),
            "admin": (timedelta(hours=1), timedelta(hours=12)),
        },
        # Failed logins, counted per username and client address (see auth/throttle.py).
        "LOGIN_FAILURES_BEFORE_LOCK": int(os.environ.get("LOGIN_FAILURES_BEFORE_LOCK", "5")),
        # ... and per username from every address: a ceiling against distributed guessing,
        # with a short lock so that strangers cannot keep the owner out for long.
        "LOGIN_ACCOUNT_CEILING": int(os.environ.get("LOGIN_ACCOUNT_CEILING", "50")),
        "LOGIN_ACCOUNT_LOCK": timedelta(minutes=int(os.environ.get("LOGIN_ACCOUNT_LOCK_MINUTES",
                                                                   "5"))),
        # One store for every app server and worker: Redis, else the database (core/ratelimit.py).
        "RATELIMIT_STORAGE_URI": (os.environ.get("RATELIMIT_STORAGE_URI") or redis_url
                                  or "meedoen+db://"),
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_STRATEGY": "fixed-window",
        "RATELIMIT_LOGIN": os.environ.get("RATELIMIT_LOGIN", "20 per minute"),
        "INVITE_VALID_FOR": timedelta(days=int(os.environ.get("INVITE_VALID_DAYS", "14"))),
        "QUESTION_RETENTION": timedelta(days=int(os.environ.get("QUESTION_RETENTION_DAYS", "180"))),
        # The app's own limits, per person (flask-limiter's notation; see README: Security).
        "QUESTION_LIMITS": os.environ.get("QUESTION_LIMITS", "3 per 10 minutes; 10 per day"),
        "REPLY_LIMITS": os.environ.get("REPLY_LIMITS", "10 per 10 minutes; 60 per day"),
        "NOTIFICATION_LIMITS": os.environ.get("NOTIFICATION_LIMITS", "10 per hour; 30 per day"),
        "URGENT_NOTIFICATION_LIMITS": os.environ.get("URGENT_NOTIFICATION_LIMITS", "3 per day"),
        "WORDING_SUGGESTION_LIMITS": os.environ.get("WORDING_SUGGESTION_LIMITS",
                                                    "20 per hour; 60 per day"),
        "SUPPORT_REQUEST_LIMITS": os.environ.get("SUPPORT_REQUEST_LIMITS", "3 per day"),
        "FUND_REQUEST_RETENTION_MONTHS": int(os.environ.get("FUND_REQUEST_RETENTION_MONTHS",
                                                            "24")),
        "IDEAS_PER_DAY": int(os.environ.get("IDEAS_PER_DAY", "3")),
        "FEEDBACK_MIN_RESPONSES": int(os.environ.get("FEEDBACK_MIN_RESPONSES", "3")),
        "BABEL_DEFAULT_LOCALE": DEFAULT_LANGUAGE,
        "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parents[2] / "translations"),
        "PWA_DIST": os.environ.get(
            "PWA_DIST", str(Path(__file__).resolve().parent / "static" / "app")
        ),
        "API_TITLE": "Meedoen API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        **translation_config(),
    }
