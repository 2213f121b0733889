"""The lean HTTP/1.1 client of the push sender against scripted loopback servers."""

import asyncio
import datetime
import ipaddress
import ssl
from concurrent.futures import ThreadPoolExecutor

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from meedoen.push.endpoints import origin
from meedoen.push.http import MAX_ANSWER, AnswerError, Client, Target

CREATED = b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"


class Server:
    """Answers the n-th request with ``answers[n]``: bytes to write, ``b""`` to say
    nothing, or None to close without answering. Records each request and counts
    connections."""

    def __init__(self, answers: list, tls: ssl.SSLContext | None = None):
        self.answers, self.tls = list(answers), tls
        self.requests: list[tuple[bytes, bytes]] = []
        self.connections = 0

    async def __aenter__(self):
        self.hung_up = asyncio.get_running_loop().create_future()
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.tls)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc):
        self.server.close()

    async def _serve(self, reader, writer):
        self.connections += 1
        try:
            while self.answers:
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                self.requests.append((head, await reader.readexactly(length)))
                answer = self.answers.pop(0)
                if answer is None:
                    break
                if not answer:  # until the client hangs up
                    self.hung_up.set_result(await reader.read() == b"")
                    break
                writer.write(answer)
                await writer.drain()
                if ends_connection(answer.lower()):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


def ends_connection(answer: bytes) -> bool:
    framed = b"content-length" in answer or b"chunked" in answer
    return b"connection: close" in answer or not framed


def post(client: Client, url: str, body: bytes = b"x", **headers):
    return client.post(url, {"TTL": "60", **headers}, body)


def run(coroutine):
    """In a thread of its own: after the browser tests, Playwright's loop runs in this one."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def two_posts(first: bytes) -> tuple[Server, list]:
    """Two POSTs to a service that answers ``first``, then 201."""
    async def scenario():
        async with Server([first, CREATED]) as server:
            client = Client(timeout=2, connect_timeout=1)
            url = f"http://127.0.0.1:{server.port}/p"
            answers = [await post(client, url), await post(client, url)]
            client.close()
            return server, answers

    return run(scenario())


def test_the_request_is_a_plain_http_1_1_post_and_the_connection_is_kept():
    async def scenario():
        async with Server([CREATED, b"HTTP/1.1 429 Too Many\r\nRetry-After: 7\r\n"
                                    b"Content-Length: 2\r\n\r\nno"]) as server:
            client = Client(timeout=2, connect_timeout=1)
            url = f"http://127.0.0.1:{server.port}/push/abc?x=1"
            first = await post(client, url, b"\x00body", Urgency="high")
            second = await post(client, url)
            client.close()
            return server, first, second

    server, first, second = run(scenario())
    assert (first.status, first.retry_after) == (201, None)
    assert (second.status, second.retry_after) == (429, "7")
    assert server.connections == 1
    head, body = server.requests[0]
    assert head.startswith(b"POST /push/abc?x=1 HTTP/1.1\r\n")
    assert f"Host: 127.0.0.1:{server.port}\r\n".encode() in head
    assert b"Urgency: high\r\n" in head and b"Content-Length: 5\r\n" in head
    assert body == b"\x00body"


@pytest.mark.parametrize("answer, status", [
    (b"HTTP/1.1 201 Created\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 201),
    (b"HTTP/1.1 410 Gone\r\n\r\nthe body ends with the connection", 410),
    (b"HTTP/1.0 201 Created\r\nContent-Length: 0\r\n\r\n", 201),
])
def test_an_answer_that_ends_the_connection_is_read_and_not_reused(answer, status):
    server, answers = two_posts(answer)
    assert [a.status for a in answers] == [status, 201]
    assert server.connections == 2


def test_chunked_answers_and_an_interim_answer_are_read():
    chunked = (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nRetry-After: 30\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n4\r\nbusy\r\n0\r\n\r\n")

    server, answers = two_posts(chunked)
    assert [(a.status, a.retry_after) for a in answers] == [(503, "30"), (201, None)]
    assert server.connections == 1


@pytest.mark.parametrize("answer", [None, b"SMTP ready\r\n\r\n", b"HTTP/1.1 201 Crea"])
def test_no_answer_or_not_http_is_an_error_and_the_next_post_connects_again(answer):
    async def scenario():
        async with Server([answer, CREATED]) as server:
            client = Client(timeout=2, connect_timeout=1)
            url = f"http://127.0.0.1:{server.port}/p"
            with pytest.raises(AnswerError):
                await post(client, url)
            second = await post(client, url)
            client.close()
            return server, second

    server, second = run(scenario())
    assert second.status == 201 and server.connections == 2


def test_a_slow_service_times_out_and_its_connection_is_closed():
    async def scenario():
        async with Server([b""]) as server:
            client = Client(timeout=0.3, connect_timeout=0.2)
            with pytest.raises(TimeoutError):
                await post(client, f"http://127.0.0.1:{server.port}/p")
            hung_up = await asyncio.wait_for(server.hung_up, 2)
            idle = sum(len(connections) for connections in client._idle.values())
            client.close()
            return hung_up, idle

    assert run(scenario()) == (True, 0)


def test_a_timely_answer_leaves_no_timeout_behind_on_its_connection():
    async def scenario():
        async with Server([CREATED, CREATED]) as server:
            client = Client(timeout=0.2, connect_timeout=1)
            url = f"http://127.0.0.1:{server.port}/p"
            first = await post(client, url)
            await asyncio.sleep(0.5)  # past the first request's deadline, sweeps included
            second = await post(client, url)
            client.close()
            return server, first, second

    server, first, second = run(scenario())
    assert (first.status, second.status, server.connections) == (201, 201, 1)


def test_a_late_answer_fails_soon_after_the_timeout():
    async def scenario():
        async with Server([b""]) as server:
            client = Client(timeout=0.4, connect_timeout=1)
            started = asyncio.get_running_loop().time()
            with pytest.raises(TimeoutError):
                await post(client, f"http://127.0.0.1:{server.port}/p")
            took = asyncio.get_running_loop().time() - started
            client.close()
            return took

    # Not before the timeout; soon after it (one sweep is timeout / 4), with room for a busy
    # machine: the answer never comes, and the old timer per request is gone.
    assert 0.4 <= run(scenario()) < 0.4 + 0.1 + 0.6


@pytest.mark.parametrize("url", [
    "https://fcm.googleapis.com/fcm/send/abc", "https://push.example:443/x",
    "https://push.example:8443/x?y=1", "http://127.0.0.1:8080/push/x", "http://Host.example/p",
])
def test_a_targets_origin_is_the_jwt_audience(url):
    assert Target.of(url).origin == origin(url)


def test_a_huge_answer_is_cut_off_after_the_status():
    huge = b"HTTP/1.1 400 Bad\r\nContent-Length: 10000000\r\n\r\n" + b"x" * (MAX_ANSWER + 1)

    server, answers = two_posts(huge)
    assert [a.status for a in answers] == [400, 201] and server.connections == 2


def test_a_connection_the_service_closed_while_idle_is_not_used():
    async def closing_service():
        """Answers with keep-alive headers, then closes the idle connection."""
        connections = 0

        async def serve(reader, writer):
            nonlocal connections
            connections += 1
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
            writer.write(CREATED)
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = Client(timeout=2, connect_timeout=1)
        answers = []
        for _ in range(3):
            answers.append(await post(client, f"http://127.0.0.1:{port}/p"))
            await asyncio.sleep(0.05)  # the close reaches the client
        client.close()
        server.close()
        return answers, connections

    answers, connections = run(closing_service())
    assert [a.status for a in answers] == [201, 201, 201] and connections == 3


@pytest.mark.parametrize("url, headers", [
    ("http://127.0.0.1:9/p q", {}),
    ("http://127.0.0.1:9/p\r\nX: y", {}),
    ("ftp://127.0.0.1:9/p", {}),
    ("http://127.0.0.1:9/p", {"Topic": "a\r\nInjected: 1"}),
])
def test_what_cannot_be_sent_as_is_is_refused_before_connecting(url, headers):
    with pytest.raises(ValueError):
        run(post(Client(timeout=1, connect_timeout=1), url, **headers))


def test_a_refused_connection_is_an_os_error():
    async def scenario():
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        with pytest.raises(OSError):
            await post(Client(timeout=1, connect_timeout=1), f"http://127.0.0.1:{port}/p")

    run(scenario())


def certificate(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(start).not_valid_after(start + datetime.timedelta(days=36500))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_https_verifies_the_certificate_and_the_host_name(tmp_path):
    cert_file, key_file = certificate(tmp_path)
    served = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    served.load_cert_chain(cert_file, key_file)
    trusting = ssl.create_default_context(cafile=str(cert_file))

    async def scenario():
        async with Server([CREATED, CREATED], tls=served) as server:
            url = f"https://localhost:{server.port}/p"
            with pytest.raises(ssl.SSLCertVerificationError):  # not in the system's store
                await post(Client(timeout=2, connect_timeout=1), url)
            client = Client(timeout=2, connect_timeout=1, tls=trusting)
            answer = await post(client, url)
            client.close()
            return answer, server

    answer, server = run(scenario())
    assert answer.status == 201
    assert f"Host: localhost:{server.port}\r\n".encode() in server.requests[-1][0]
