"""One pooled PushClient per process and configuration."""

import threading
from functools import partial

from flask import current_app

from meedoen.ops.metrics import observe_push
from meedoen.push.endpoints import endpoint_allowed
from meedoen.push.sender import PushClient, SenderSettings
from meedoen.push.vapid import TokenCache, get_vapid, key_id

_lock = threading.Lock()


def start_push_client() -> None:
    """A worker starts its sender (and encryption processes) before the first job needs it."""
    if get_vapid() is not None:
        get_push_client()


def get_push_client() -> PushClient:
    app = current_app._get_current_object()
    vapid = get_vapid(app)
    settings = SenderSettings.from_config(app.config)
    signature = (key_id(vapid), app.config["VAPID_SUBJECT"], settings,
                 tuple(app.config["PUSH_SERVICE_HOSTS"]),
                 app.config["PUSH_ALLOW_INSECURE_ENDPOINTS"])
    with _lock:
        cached = app.extensions.get("meedoen_push_client")
        if cached and cached[0] == signature:
            return cached[1]
        if cached:
            cached[1].close()
        client = PushClient(TokenCache(vapid, app.config["VAPID_SUBJECT"]), settings,
                            partial(endpoint_allowed, app=app), partial(observe_push, app=app))
        app.extensions["meedoen_push_client"] = (signature, client)
        return client
