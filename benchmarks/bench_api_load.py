"""Load test of `qala serve` on loopback: concurrent clients for a bounded time; throughput, latency, errors.

Starts the real server (`qala serve`, uvicorn, read-only) on 127.0.0.1 and a free port over a
knowledge base (--db, or one built here with `qala ingest` from the bundled sample articles, varied
to --docs distinct documents), then runs --connections concurrent httpx clients for --seconds (and at
most --max-requests requests) over a mix of API calls and web pages. Prints requests/s, latency
percentiles, errors (any status other than 200, or a transport error; the target is zero) and the
server's peak RSS. Client and server share the machine's 2 cores (and other work): the figures are
a floor, not the server's capacity. Traffic never leaves 127.0.0.1.

    .venv/bin/python benchmarks/bench_api_load.py [--connections 50] [--seconds 30] [--db kb.sqlite]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib import resources
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # loopback only: this script never sends traffic anywhere else
SEARCH_WORDS = ["الوزير", "قال", "الاقتصاد", "المحادثات", "الحكومة", "إن", "الرئيس", "الاتفاق"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def qala_bin() -> str:
    script = Path(sys.executable).with_name("qala")
    return str(script) if script.exists() else "qala"


def build_kb(path: Path, n_docs: int) -> None:
    """A knowledge base of `n_docs` documents: the sample articles, each copy made distinct."""
    samples_text = resources.files("qala").joinpath("data", "samples", "articles.jsonl").read_text(encoding="utf-8")
    samples = [json.loads(line) for line in samples_text.splitlines() if line.strip()]
    corpus = path.with_suffix(".jsonl")
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            rec = dict(samples[i % len(samples)])
            rec["id"] = f"{rec.get('id', 'doc')}-{i}"
            rec["source"] = f"مصدر {i % 7}"
            rec["text"] = f"{rec['text']}\nنشر هذا الخبر في العدد {i}."
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    subprocess.run([qala_bin(), "ingest", str(corpus), "--db", str(path)], check=True, capture_output=True)


def request_mix(rng: random.Random, entity_ids: list[int], doc_ids: list[int]) -> str:
    """One URL of a realistic mix: mostly searches and entity pages, some documents and web pages."""
    r = rng.random()
    if r < 0.30:
        return f"/api/quotations?q={rng.choice(SEARCH_WORDS)}&limit={rng.choice([10, 20, 50])}"
    if r < 0.40:
        return f"/api/quotations?offset={rng.randint(0, 40)}&order=date"
    if r < 0.55 and entity_ids:
        return f"/api/entities/{rng.choice(entity_ids)}"
    if r < 0.62:
        return f"/api/entities?q={rng.choice(SEARCH_WORDS)}"
    if r < 0.72 and doc_ids:
        return f"/api/documents/{rng.choice(doc_ids)}"
    if r < 0.78:
        return "/api/stats"
    if r < 0.84:
        return "/api/events?limit=20"
    if r < 0.92:
        return f"/?q={rng.choice(SEARCH_WORDS)}"
    if r < 0.96 and entity_ids:
        return f"/entities/{rng.choice(entity_ids)}"
    return "/api/health"


async def worker(client: httpx.AsyncClient, rng: random.Random, deadline: float, budget: list[int],
                 entity_ids: list[int], doc_ids: list[int], latencies: list[float], statuses: Counter) -> None:
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        url = request_mix(rng, entity_ids, doc_ids)
        t = time.perf_counter()
        try:
            resp = await client.get(url)
            await resp.aread()
            statuses[resp.status_code] += 1
        except httpx.HTTPError as exc:
            statuses[type(exc).__name__] += 1
        latencies.append(time.perf_counter() - t)


async def run_load(base: str, connections: int, seconds: float, max_requests: int, seed: int) -> tuple[list[float], Counter, float]:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        ents = (await client.get("/api/entities?limit=100")).json()["items"]
        docs = (await client.get("/api/documents?limit=100")).json()["items"]
        entity_ids, doc_ids = [e["id"] for e in ents], [d["id"] for d in docs]
        latencies: list[float] = []
        statuses: Counter = Counter()
        budget = [max_requests]
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.gather(*(worker(client, random.Random(seed + i), deadline, budget, entity_ids, doc_ids,
                                      latencies, statuses) for i in range(connections)))
        return latencies, statuses, time.monotonic() - start


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    ap.add_argument("--db", help="knowledge base to serve (default: build one from the samples)")
    ap.add_argument("--docs", type=int, default=300, help="documents in the knowledge base built here")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    print(f"command: {' '.join([sys.executable.rsplit('/', 1)[-1], *sys.argv])}")

    with tempfile.TemporaryDirectory(prefix="qala-load-") as tmp:
        db = args.db
        if not db:
            db = str(Path(tmp) / "kb.sqlite")
            t = time.perf_counter()
            build_kb(Path(db), args.docs)
            print(f"knowledge base: {args.docs} documents ingested in {time.perf_counter() - t:.1f} s")
        port = free_port()
        server = subprocess.Popen([qala_bin(), "serve", "--db", db, "--host", HOST, "--port", str(port), "--log-level", "warning"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://{HOST}:{port}"
        try:
            for _ in range(600):  # wait up to 60 s for the server to answer
                try:
                    if httpx.get(f"{base}/api/health", timeout=1.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None:
                    print(f"server exited: {server.stderr.read().decode(errors='replace')[-2000:]}")  # type: ignore[union-attr]
                    return 2
                time.sleep(0.1)
            latencies, statuses, elapsed = asyncio.run(run_load(base, args.connections, args.seconds, args.max_requests, args.seed))
            rss = peak_rss_mb(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)

    n = len(latencies)
    errors = sum(v for k, v in statuses.items() if k != 200)
    q = statistics.quantiles(latencies, n=100) if n >= 2 else [0.0] * 99
    print(f"{args.connections} connections for {elapsed:.1f} s on {HOST}: {n:,} requests, {n / elapsed:,.1f} requests/s")
    print(f"latency ms: p50 {1000 * q[49]:.1f}  p95 {1000 * q[94]:.1f}  p99 {1000 * q[98]:.1f}  max {1000 * max(latencies):.1f}")
    print(f"errors: {errors} ({', '.join(f'{k}: {v}' for k, v in sorted(statuses.items(), key=str))})")
    if rss:
        print(f"server peak RSS: {rss:,.0f} MB")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
