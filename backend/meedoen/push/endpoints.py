"""Which push endpoints we are willing to send to (server-side request forgery guard).

Accepted: ``https``, port 443, no user info, a host from PUSH_SERVICE_HOSTS. In
development and tests PUSH_ALLOW_INSECURE_ENDPOINTS also admits
``http://127.0.0.1:<port>/...`` (the loopback push service). Checked on
subscribe and again before every send; the sender never follows redirects.
"""

import re
from urllib.parse import urlsplit

from flask import Flask

from meedoen.push.settings import insecure_allowed

MAX_LENGTH = 2048
# Printable ASCII without space, backslash, quotes, angle brackets or braces: this
# refuses IDN look-alikes, whitespace and control characters before parsing.
SAFE_URL = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
HOST_LABELS = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")


def _host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    if not HOST_LABELS.match(host) or host.replace(".", "").isdigit():
        return False
    for entry in allowed:
        if entry.startswith("."):
            if host.endswith(entry) and len(host) > len(entry):
                return True
        elif host == entry:
            return True
    return False


def _loopback_ok(parts) -> bool:
    try:
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "http" and port is not None and 0 < port < 65536
            and parts.netloc == f"127.0.0.1:{port}")


def endpoint_allowed(url: object, app: Flask) -> bool:
    if not isinstance(url, str) or not url or len(url) > MAX_LENGTH or not SAFE_URL.match(url):
        return False
    parts = urlsplit(url)
    if parts.fragment or "@" in parts.netloc or not parts.path.startswith("/"):
        return False
    if parts.scheme == "http":
        return insecure_allowed(app) and _loopback_ok(parts)
    if parts.scheme != "https":
        return False
    host = parts.hostname or ""
    if parts.netloc not in {host, f"{host}:443"}:
        return False  # upper case, empty or odd ports, brackets (IPv6 literals)
    return _host_allowed(host, tuple(app.config["PUSH_SERVICE_HOSTS"]))


def origin(url: str) -> str:
    """scheme://host[:port], the JWT audience: a non-default port is kept."""
    parts = urlsplit(url)
    default = {"https": 443, "http": 80}[parts.scheme]
    port = parts.port
    host = parts.hostname
    return f"{parts.scheme}://{host}" if port in (None, default) else f"{parts.scheme}://{host}:{port}"
