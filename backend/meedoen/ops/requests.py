"""Per request: a request id, one JSON log line, and the request's metrics.

A WSGI wrapper around the Flask app, so that the line is written and the id is sent back
even when something fails outside the app's error handlers. The log line holds only the
method, the route (the URL rule, never the path or query: those can hold secret tokens),
the status, the duration and the request id: never bodies, names, tokens, cookies,
addresses or push endpoints.
"""

import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, request, request_started

from meedoen.ops import metrics

HEADER = "X-Request-ID"
ENVIRON_ID = "meedoen.request_id"
ENVIRON_ROUTE = "meedoen.route"
# What a proxy may hand us as a request id: short, no spaces, nothing to inject into a log.
VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")

request_log = logging.getLogger("meedoen_request")


def current_request_id() -> str | None:
    from flask import has_request_context

    return request.environ.get(ENVIRON_ID) if has_request_context() else None


def _remember_route(sender, **extra):
    rule = request.url_rule
    request.environ[ENVIRON_ROUTE] = rule.rule if rule is not None else None


class RequestObserver:
    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.trust_header = app.config["TRUSTED_PROXIES"] > 0
        self.log_requests = app.config["REQUEST_LOG"]

    def _request_id(self, environ) -> str:
        given = environ.get("HTTP_X_REQUEST_ID", "")
        if self.trust_header and VALID_ID.match(given):
            return given
        return uuid.uuid4().hex

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        request_id = environ[ENVIRON_ID] = self._request_id(environ)
        seen = {"status": 500}

        def observed_start_response(status, headers, exc_info=None):
            seen["status"] = int(status.split(" ", 1)[0])
            seen["started"] = True
            if not any(name.lower() == "x-request-id" for name, _ in headers):
                headers = [*headers, (HEADER, request_id)]
            return start_response(status, headers, exc_info)

        try:
            return self.wsgi_app(environ, observed_start_response)
        except Exception:
            # The app's own handlers failed too: still a JSON answer, never the server's page.
            from meedoen.ops.unavailable import last_resort

            # The app may have called start_response before failing (in a teardown): the
            # server then takes new headers only together with the error (PEP 3333).
            failure = sys.exc_info() if seen.get("started") else None

            def restart_response(status, headers):
                return observed_start_response(status, headers, failure)

            seen["status"], body = last_resort(self.app, environ, restart_response)
            return body
        finally:
            self._done(environ, seen["status"], time.perf_counter() - started)

    def _done(self, environ, status: int, seconds: float) -> None:
        route = environ.get(ENVIRON_ROUTE)
        method = environ.get("REQUEST_METHOD", "")
        try:
            metrics.observe_request(method, route, status, seconds, self.app)
        except Exception:  # metrics must never break an answer
            logging.getLogger(__name__).exception("recording request metrics failed")
        if self.log_requests:
            request_log.info(json.dumps({
                "event": "request", "request_id": environ.get(ENVIRON_ID), "method": method[:10],
                "route": route or metrics.UNMATCHED, "status": status,
                "duration_ms": round(seconds * 1000, 1)}, separators=(",", ":")))


def install(app: Flask) -> None:
    request_started.connect(_remember_route, app)
    if app.config["REQUEST_LOG"] and not request_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        request_log.addHandler(handler)
        request_log.setLevel(logging.INFO)
    app.wsgi_app = RequestObserver(app, app.wsgi_app)
