"""Logging in and out, and the idle and absolute session limits per role."""

import time

from flask import current_app, session
from flask_login import login_user, logout_user
from sqlalchemy import select

from meedoen.auth.models import User
from meedoen.extensions import db, login_manager

TOUCH_EVERY_SECONDS = 60


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    user = db.session.scalar(select(User).where(User.session_token == session_token))
    if user is None or not user.is_active or _expired(user):
        session.clear()
        return None
    now = int(time.time())
    if now - session.get("seen", 0) > TOUCH_EVERY_SECONDS:
        session["seen"] = now
    return user


def _expired(user: User) -> bool:
    idle, absolute = current_app.config["SESSION_LIMITS"][user.role.value]
    now = time.time()
    started, seen = session.get("iat", 0), session.get("seen", 0)
    return now - seen > idle.total_seconds() or now - started > absolute.total_seconds()


def start_session(user: User) -> None:
    session.clear()
    session.permanent = True
    login_user(user, remember=False)
    now = int(time.time())
    session["iat"] = now
    session["seen"] = now


def end_session(user: User) -> None:
    """Log out everywhere: the old token (in any copied cookie) stops working."""
    user.rotate_session_token()
    db.session.flush()
    logout_user()
    session.clear()
