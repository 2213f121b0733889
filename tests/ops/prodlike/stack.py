"""The services of the production-like test, each started and stopped by this process."""

import datetime
import ipaddress
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.ops.pg import OwnPostgres, _bin_dir, create_database
from tests.pushservice import PushService

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "backend" / "meedoen" / "ops" / "deploy"
VENV_BIN = Path(sys.executable).parent
APP_HOST = "meedoen.test"
PUSH_HOST = "push.meedoen.test"
# Where the shipped files put things on a server, and where this test puts them.
SERVER_PATHS = ("/srv/meedoen/.venv/bin/", "/run/", "/var/lib/meedoen", "/etc/meedoen/")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


class Certificates:
    """A CA of the run's own and one server certificate for both host names."""

    def __init__(self, folder: Path):
        now = datetime.datetime.now(datetime.UTC)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Meedoen prodlike CA")])
        ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
              .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(hours=1))
              .not_valid_after(now + datetime.timedelta(days=1))
              .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
              .sign(ca_key, hashes.SHA256()))
        key = ec.generate_private_key(ec.SECP256R1())
        names = [x509.DNSName(APP_HOST), x509.DNSName(PUSH_HOST),
                 x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        cert = (x509.CertificateBuilder()
                .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, APP_HOST)]))
                .issuer_name(ca_name).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(hours=1))
                .not_valid_after(now + datetime.timedelta(days=1))
                .add_extension(x509.SubjectAlternativeName(names), critical=False)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .sign(ca_key, hashes.SHA256()))
        pem = serialization.Encoding.PEM
        self.ca = folder / "ca.pem"
        self.ca.write_bytes(ca.public_bytes(pem))
        self.chain = folder / "fullchain.pem"
        self.chain.write_bytes(cert.public_bytes(pem) + ca.public_bytes(pem))
        self.key = folder / "privkey.pem"
        self.key.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        self.key.chmod(0o600)


class OwnRedis:
    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.pidfile = folder / "redis.pid"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        subprocess.run(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--daemonize", "yes",
                        "--pidfile", str(self.pidfile), "--dir", str(self.folder),
                        "--logfile", str(self.folder / "redis.log")], check=True, timeout=30)
        if not wait_until(self._answers, 10):
            raise RuntimeError("redis-server did not start")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if not self.pidfile.exists():
            return
        pid = int(self.pidfile.read_text())
        os.kill(pid, signal.SIGTERM)
        wait_until(lambda: not _alive(pid), 10)
        self.pidfile.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def read_env_file(path: Path) -> dict:
    """KEY=VALUE lines, as systemd's EnvironmentFile reads the shipped example."""
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name.strip()] = value.strip()
    return env


class Unit:
    """A shipped systemd unit: its Environment= lines and ExecStart=, with %i and the
    server's paths replaced by this run's."""

    def __init__(self, name: str, paths: dict, instance: str = ""):
        self.env, self.command = {}, None
        for line in (DEPLOY / name).read_text().splitlines():
            key, _, value = line.partition("=")
            value = value.replace("%i", instance)
            for server_path, here in paths.items():
                value = value.replace(server_path, here)
            if key == "Environment":
                name_, _, val = value.partition("=")
                self.env[name_] = val
            elif key == "ExecStart":
                self.command = shlex.split(value)
        if not self.command:
            raise RuntimeError(f"{name} has no ExecStart")


class Process:
    """A child in a process group of its own (the whole group is stopped or killed)."""

    def __init__(self, name: str, command: list, env: dict, log: Path):
        self.name, self.log = name, log
        self._log = log.open("ab")
        self.popen = subprocess.Popen(command, env=env, cwd=ROOT, stdout=self._log,
                                      stderr=subprocess.STDOUT, start_new_session=True)

    def signal(self, sig: int) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)

    def stop(self, timeout: float = 20) -> None:
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait(10)
        self._log.close()

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        self.popen.wait(10)
        self._log.close()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


class ProxiedPushService(PushService):
    """The loopback push service as the app sees it in production: https on port 443."""

    @property
    def origin(self) -> str:
        return f"https://{PUSH_HOST}"


def nginx_binary() -> str:
    for candidate in ("/usr/sbin/nginx", "/usr/bin/nginx"):
        if Path(candidate).exists():
            return candidate
    raise RuntimeError("nginx is not installed (make prodlike installs it)")


def render_site(https_port: int, http_port: int, upstreams: list[int], certs) -> str:
    """The shipped nginx site with this run's ports, host name and certificate."""
    site = (DEPLOY / "nginx-meedoen.conf").read_text()
    replacements = [
        ("listen [::]:80;", ""), ("listen [::]:443 ssl http2;", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("https://$host$request_uri", f"https://$host:{https_port}$request_uri"),
        ("/etc/letsencrypt/live/meedoen.example/fullchain.pem", str(certs.chain)),
        ("/etc/letsencrypt/live/meedoen.example/privkey.pem", str(certs.key)),
        ("meedoen.example", APP_HOST),
        ("127.0.0.1:8001", f"127.0.0.1:{upstreams[0]}"),
        ("127.0.0.1:8002", f"127.0.0.1:{upstreams[1]}"),
    ]
    for old, new in replacements:
        if old not in site:
            raise RuntimeError(f"the shipped nginx site no longer has {old!r}: update the test")
        site = site.replace(old, new)
    return site


def nginx_conf(folder: Path, site: str, push_address: str, push_port: int, certs) -> Path:
    for part in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    (folder / "site.conf").write_text(site)
    (folder / "push.conf").write_text(f"""
server {{
    listen {push_address}:443 ssl;
    server_name {PUSH_HOST};
    ssl_certificate {certs.chain};
    ssl_certificate_key {certs.key};
    location / {{
        proxy_pass http://127.0.0.1:{push_port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
    }}
}}
""")
    conf = folder / "nginx.conf"
    conf.write_text(f"""
daemon off;
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
    include {folder}/push.conf;
}}
""")
    return conf


class Stack:
    """Everything, started in order and stopped in reverse."""

    def __init__(self, push_address: str):
        self.push_address = push_address
        self.folder = Path(tempfile.mkdtemp(prefix="meedoen-prodlike-"))
        self.started: list = []
        self.web: list[Process] = []
        self.worker: Process | None = None
        self.worker_extra: dict = {}

    # -- pieces -----------------------------------------------------------------------------
    def __enter__(self) -> "Stack":
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        if _bin_dir() is None:
            raise RuntimeError("PostgreSQL's initdb/pg_ctl are not installed")
        self.certs = Certificates(self.folder)
        self.postgres = OwnPostgres()
        self.postgres.start()
        self.started.append(self.postgres.remove)
        self.database_url = create_database(self.postgres, "meedoen")
        self.redis = OwnRedis(self.folder)
        self.redis.start()
        self.started.append(self.redis.stop)
        self.push = ProxiedPushService().start()
        self.started.append(self.push.stop)
        self.https_port, self.http_port = free_port(), free_port()
        self.web_ports = [free_port(), free_port()]
        self.paths = {"/srv/meedoen/.venv/bin/": f"{VENV_BIN}/",
                      "/run/": f"{self.folder}/run/",
                      "/var/lib/meedoen": str(self.folder / "instance"),
                      "/etc/meedoen/": f"{self.folder}/etc/"}
        self.env = self._environment()
        self.flask("db", "upgrade")
        self.flask("vapid-keys")

    def _environment(self) -> dict:
        env = read_env_file(DEPLOY / "meedoen.env.example")
        env.update({
            "DATABASE_URL": self.database_url, "REDIS_URL": self.redis.url,
            "SECRET_KEY": os.urandom(32).hex(), "METRICS_TOKEN": os.urandom(16).hex(),
            "VAPID_SUBJECT": "mailto:beheer@meedoen.test",
            "MEEDOEN_INSTANCE": self.paths["/var/lib/meedoen"],
            # Smaller than on a server: two cores shared with other work.
            "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4",
            # The run's own values, so that each fault takes seconds, not minutes.
            "PUSH_SERVICE_HOSTS": PUSH_HOST, "NOTIFY_TICK_SECONDS": "1",
            "PUSH_CLAIM_LEASE": "4", "DATABASE_CONNECT_TIMEOUT": "2",
            "RATELIMIT_LOGIN": "5 per minute",
        })
        missing = [name for name, value in env.items() if "change-me" in value]
        if missing:
            raise RuntimeError(f"meedoen.env.example has values the test does not set: {missing}")
        for name in ("PATH", "LANG", "HOME", "PYTHONPATH"):
            if name in os.environ:
                env[name] = os.environ[name]
        # The worker trusts the run's CA (the push service's certificate), as Python's ssl does.
        env["SSL_CERT_FILE"] = str(self.certs.ca)
        return env

    def flask(self, *args: str, env: dict | None = None) -> str:
        done = subprocess.run([str(VENV_BIN / "flask"), "--app", "meedoen", *args],
                              env={**self.env, **(env or {})}, cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(args)}: {done.stderr[-2000:]}")
        return done.stdout

    def start_web(self) -> None:
        for port in self.web_ports:
            unit = Unit("meedoen-web@.service", self.paths, str(port))
            Path(unit.env["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)
            self.web.append(Process(f"web@{port}", unit.command, {**self.env, **unit.env},
                                    self.folder / f"web-{port}.log"))
        self.started.append(lambda: [p.stop() for p in self.web])
        for port, process in zip(self.web_ports, self.web, strict=True):
            if not wait_until(lambda port=port: _live(port), 90, 0.3):
                raise RuntimeError(f"{process.name} did not start: {process.tail()}")

    def start_worker(self) -> Process:
        """The worker as its unit starts it (``worker_extra``: this run's own settings)."""
        unit = Unit("meedoen-worker.service", self.paths)
        self.worker = Process("worker", unit.command,
                              {**self.env, **unit.env, **self.worker_extra},
                              self.folder / "worker.log")
        return self.worker

    def start_nginx(self) -> None:
        site = render_site(self.https_port, self.http_port, self.web_ports, self.certs)
        conf = nginx_conf(self.folder / "nginx", site, self.push_address, self.push.port,
                          self.certs)
        nginx = [nginx_binary(), "-p", str(self.folder / "nginx"), "-c", str(conf),
                 "-e", str(self.folder / "nginx" / "error.log")]
        subprocess.run([*nginx, "-t", "-q"], check=True, capture_output=True, timeout=30)
        self.nginx = Process("nginx", nginx, {"PATH": os.environ["PATH"]},
                             self.folder / "nginx.log")
        self.started.append(lambda: self.nginx.stop())
        if not wait_until(lambda: _answers_https(self.base, self.certs.ca), 20, 0.2):
            raise RuntimeError("nginx did not answer: "
                               + (self.folder / "nginx" / "error.log").read_text()[-2000:])

    @property
    def base(self) -> str:
        return f"https://{APP_HOST}:{self.https_port}"

    def __exit__(self, *exc) -> None:
        if self.worker is not None and self.worker.popen.poll() is None:
            self.worker.stop()
        for stop in reversed(self.started):
            try:
                stop()
            except Exception as error:  # go on stopping the rest
                print(f"stopping: {error!r}", file=sys.stderr)
        if not os.environ.get("PRODLIKE_KEEP"):
            subprocess.run(["rm", "-rf", str(self.folder)], check=False)


def _live(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/api/v1/health/live",
                            timeout=2).json().get("status") == "ok"
    except (requests.RequestException, ValueError):
        return False


def _answers_https(base: str, ca: Path) -> bool:
    try:
        return requests.get(f"{base}/api/v1/health/live", timeout=2,
                            verify=str(ca)).status_code == 200
    except requests.RequestException:
        return False
