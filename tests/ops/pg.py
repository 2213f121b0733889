"""A PostgreSQL server of the test's own (initdb + pg_ctl in a temp folder, a free port), so
that a test can really stop and start it. Never the shared server."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnPostgres:
    def __init__(self):
        self.bin = _bin_dir()
        if self.bin is None or not (self.bin / "initdb").exists():
            pytest.skip("PostgreSQL's initdb/pg_ctl are not installed")
        self.folder = Path(tempfile.mkdtemp(prefix="meedoen-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
            shutil.chown(self.folder, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self._as, str(self.bin / program), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        # "fast": connected clients are cut off, as when the server goes down for real.
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_for(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


@pytest.fixture(scope="module")
def own_postgres():
    server = OwnPostgres()
    server.start()
    yield server
    server.remove()


def create_database(server: "OwnPostgres", name: str) -> str:
    """A new database on ``server``; its URL."""
    with psycopg_connect(server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@127.0.0.1:{server.port}/{name}"


def drop_database(server: "OwnPostgres", name: str) -> None:
    with psycopg_connect(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def psycopg_connect(server: "OwnPostgres"):
    import psycopg

    return psycopg.connect(f"postgresql://postgres@127.0.0.1:{server.port}/postgres",
                           autocommit=True)
