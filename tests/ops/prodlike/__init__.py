"""The production-like test (``make prodlike``, run by CI after the PostgreSQL run).

nginx from Debian with the shipped site (``backend/meedoen/ops/deploy/nginx-meedoen.conf``)
terminating TLS with a certificate made at run time, in front of two gunicorn servers started
as the shipped systemd unit says (``meedoen-web@.service``, ``meedoen.env.example``), with a
PostgreSQL server, a Redis and a loopback Web Push service of its own, and the RQ worker of
``meedoen-worker.service``. The shared PostgreSQL (5432) and Redis (6379) are never touched.

It runs in a mount namespace of its own whose /etc/hosts names ``meedoen.test`` and
``push.meedoen.test``: in production the app only pushes to ``https://<push service>:443``,
so the push service sits behind nginx on port 443 of a loopback address of its own.

Not a pytest module (pytest does not collect it): ``python -m tests.ops.prodlike`` prints the
figures, ends with one JSON line and exits non-zero when a check fails.
"""
