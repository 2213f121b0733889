"""gunicorn settings for Meedoen's app servers: ``gunicorn -c python:meedoen.ops.gunicorn_conf
'meedoen:create_app()'`` (ops/README.md: Metrics, Settings).

Metrics of every worker process: set ``PROMETHEUS_MULTIPROC_DIR`` to a folder of its own
(e.g. ``/run/meedoen/metrics``) in the environment of gunicorn. The folder is emptied
when gunicorn starts and a finished worker's figures are marked dead, as prometheus_client's
multiprocess mode asks.
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
# The app writes its own JSON line per request (logger meedoen_request): no second access log.
accesslog = None


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        if path.exists():
            for child in path.iterdir():
                if child.is_file():
                    child.unlink()
                else:
                    shutil.rmtree(child)
        path.mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
