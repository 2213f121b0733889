"""Benchmark: CPU per POST of the push sender's HTTP client against aiohttp's.

    .venv/bin/python tests/bench/bench_push_http.py [--n 5000] [--rounds 5] [--concurrency 64]

A loopback service in its own process answers every POST with 201 at once, so what is
measured is the client: this process's CPU time per POST for ``meedoen.push.http.Client``
and for an ``aiohttp.ClientSession`` set up as the sender had it (pooled connections, no
cookies, no redirects), ``concurrency`` requests in flight, alternating in rounds.
Last line: one JSON object.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "backend")]

import aiohttp  # noqa: E402
from meedoen.push.http import Client  # noqa: E402

SERVICE = """
import asyncio, sys
async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\\r\\n\\r\\n")
            length = int(head.lower().split(b"content-length: ")[1].split(b"\\r\\n")[0])
            await reader.readexactly(length)
            writer.write(b"HTTP/1.1 201 Created\\r\\nContent-Length: 0\\r\\n\\r\\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()
async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
asyncio.run(main())
"""
HEADERS = {"Authorization": "vapid t=" + "x" * 400 + ", k=" + "y" * 87, "TTL": "86400",
           "Urgency": "normal", "Content-Encoding": "aes128gcm",
           "Content-Type": "application/octet-stream", "Topic": "n-123"}
BODY = os.urandom(300)


async def in_flight(post, urls: list[str], concurrency: int) -> None:
    queue = iter(urls)

    async def sender():
        for url in queue:
            assert await post(url) == 201

    await asyncio.gather(*(sender() for _ in range(concurrency)))


async def ours(urls: list[str], concurrency: int) -> None:
    client = Client(timeout=10, connect_timeout=5)

    async def post(url):
        return (await client.post(url, HEADERS, BODY)).status

    await in_flight(post, urls, concurrency)
    client.close()


async def with_aiohttp(urls: list[str], concurrency: int) -> None:
    connector = aiohttp.TCPConnector(limit=concurrency, ttl_dns_cache=300)
    async with aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                     trust_env=False, auto_decompress=False,
                                     timeout=aiohttp.ClientTimeout(total=10)) as session:
        async def post(url):
            async with session.post(url, data=BODY, headers=HEADERS,
                                    allow_redirects=False) as response:
                await response.content.read(65536)
                return response.status

        await in_flight(post, urls, concurrency)


def cpu_us_per_post(client, urls: list[str], concurrency: int) -> float:
    started = time.process_time()
    asyncio.run(client(urls, concurrency))
    return (time.process_time() - started) * 1e6 / len(urls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    service = subprocess.Popen([sys.executable, "-c", SERVICE], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        port = int(service.stdout.readline())
        urls = [f"http://127.0.0.1:{port}/push/{i:020d}" for i in range(args.n)]
        results = {"ours": [], "aiohttp": []}
        for number in range(args.rounds):
            for name, client in (("ours", ours), ("aiohttp", with_aiohttp)):
                results[name].append(cpu_us_per_post(client, urls, args.concurrency))
            print(f"round {number + 1}: ours {results['ours'][-1]:.0f} µs, aiohttp "
                  f"{results['aiohttp'][-1]:.0f} µs of CPU per POST", flush=True)
    finally:
        service.stdin.close()
        service.wait(10)
    best = {name: min(values) for name, values in results.items()}
    print(f"best of {args.rounds}: ours {best['ours']:.0f} µs, aiohttp {best['aiohttp']:.0f} µs "
          f"per POST ({best['aiohttp'] / best['ours']:.1f}× as much)")
    print(json.dumps({"bench": "push_http", "n": args.n, "rounds": args.rounds,
                      "ours_cpu_us": round(best["ours"], 1),
                      "aiohttp_cpu_us": round(best["aiohttp"], 1),
                      "ratio": round(best["aiohttp"] / best["ours"], 2)}))


if __name__ == "__main__":
    main()
