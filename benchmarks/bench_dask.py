"""Throughput and memory of `qala extract` on Dask: 1 vs 2 workers, and memory as the corpus grows.

    .venv/bin/python benchmarks/bench_dask.py                  # 20,000 articles, 1 and 2 workers, + 10,000 on 2
    .venv/bin/python benchmarks/bench_dask.py --articles 2000  # a quick look
    .venv/bin/python benchmarks/bench_dask.py --load           # also time loading the KB (SQLite) from Parquet
    .venv/bin/python benchmarks/bench_dask.py --repeat 3 --small 0   # best of 3 alternating runs (noisy machine)

The corpus is the bundled sample articles replicated with distinct ids (and sources). Each run starts
a fresh LocalCluster (processes, one thread each), so a worker's peak RSS is that run's. Times exclude
the cluster start-up (a one-off cost) but include loading the pipeline on the workers. The machine
may be shared: the load average before and after each run is printed with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from distributed import LocalCluster

from qala.lexicon import data_path
from qala.scale import extract_distributed
from qala.scale.worker import cpu_seconds, peak_rss_mb


def make_corpus(path: Path, n: int) -> Path:
    """`n` copies of the bundled samples (mean ~500 characters: real news is often 5x longer, and the
    cost of the pipeline grows with length, so compare characters/s too)."""
    samples = [json.loads(x) for x in data_path("samples", "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            # a distinct source per copy: the knowledge base stores each one (its key is source + text)
            rec = dict(samples[i % len(samples)], id=f"bench-{i:07d}", source=f"bench-{i:07d}")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def run(corpus: Path, n_workers: int, work: Path, fmt: str) -> dict[str, Any]:
    load_before = os.getloadavg()
    client_cpu0 = cpu_seconds()
    chars = sum(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
    with LocalCluster(n_workers=n_workers, processes=True, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=logging.CRITICAL) as cluster:
        t0 = time.perf_counter()
        res = extract_distributed([str(corpus)], work, scheduler=cluster.scheduler_address, fmt=fmt)
        seconds = time.perf_counter() - t0
    return {
        "workers": n_workers, "articles": res.documents, "partitions": res.partitions, "seconds": round(seconds, 2),
        "articles_per_s": round(res.documents / seconds, 1),
        "articles_per_s_per_worker": round(res.documents / seconds / n_workers, 1),
        "chars_per_s_per_worker": round(chars / seconds / n_workers),
        "worker_peak_rss_mb": sorted(res.worker_peak_rss_mb.values()),
        # CPU time the workers used: per-article cost independent of how loaded the machine was
        "articles_per_cpu_s": round(res.documents / sum(res.worker_cpu_seconds.values()), 1),
        "client_cpu_s": round(cpu_seconds() - client_cpu0, 1),
        "output_bytes_per_article": round(sum(f.stat().st_size for f in work.rglob("*") if f.is_file()) / max(res.documents, 1)),
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def time_load(out_dir: Path, db: Path) -> dict[str, Any]:
    from qala.scale import documents_from_output
    from qala.store.db import open_db
    from qala.store.load import DEFAULT_BATCH_SIZE, batched, load_documents

    engine = open_db(str(db))
    t0 = time.perf_counter()
    n = 0
    for batch in batched(documents_from_output(out_dir), DEFAULT_BATCH_SIZE):
        load_documents(engine, batch, find_duplicates=False)  # the copies would all be near-duplicates
        n += len(batch)
    seconds = time.perf_counter() - t0
    return {"loaded": n, "seconds": round(seconds, 2), "docs_per_s": round(n / seconds, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000, help="corpus size of the 1- vs 2-worker runs")
    ap.add_argument("--small", type=int, default=10_000, help="the smaller corpus for the memory comparison (0: skip)")
    ap.add_argument("--format", default="parquet", choices=["parquet", "jsonl"])
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the 1- and 2-worker configurations this many times, alternating, and keep the "
                         "fastest of each (a shared machine's load comes and goes)")
    ap.add_argument("--load", action="store_true", help="also time loading the Parquet output into SQLite")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"# {shlex.join([Path(sys.executable).name, *sys.argv])}   ({started}, {os.cpu_count()} CPUs, "
          f"{platform.python_implementation()} {platform.python_version()})")
    results: list[dict[str, Any]] = []
    load = None
    with tempfile.TemporaryDirectory(prefix="qala-bench-") as tmp:
        base = Path(tmp)
        big = make_corpus(base / f"corpus-{args.articles}.jsonl", args.articles)
        plan = [(big, 1), (big, 2)] * max(args.repeat, 1)
        if args.small:
            plan.append((make_corpus(base / f"corpus-{args.small}.jsonl", args.small), 2))
        for i, (corpus, n_workers) in enumerate(plan):
            r = run(corpus, n_workers, base / f"out-{i}", args.format)
            results.append(r)
            print(f"{r['workers']} worker(s) {r['articles']:>7,} articles  {r['seconds']:>7.1f} s  "
                  f"{r['articles_per_s']:>7.1f} articles/s  ({r['articles_per_s_per_worker']:.1f} per worker, "
                  f"{r['chars_per_s_per_worker']:,} chars/s per worker; {r['articles_per_cpu_s']} articles per worker CPU-second; "
                  f"client CPU {r['client_cpu_s']} s)  "
                  f"peak RSS per worker {r['worker_peak_rss_mb']} MB  output {r['output_bytes_per_article']:,} B/article  load avg {r['load_before']} -> {r['load_after']}",
                  flush=True)
        if args.load and args.format == "parquet":
            load = time_load(base / "out-1", base / "kb.sqlite")
            print(f"KB load (SQLite, one client, near-duplicate detection off): {load['loaded']:,} documents in "
                  f"{load['seconds']} s = {load['docs_per_s']} documents/s")
    best = {w: max(r["articles_per_s"] for r in results if r["workers"] == w and r["articles"] == args.articles)
            for w in (1, 2)}
    scaling = best[2] / best[1]
    print(f"scaling 1 -> 2 workers (fastest runs, {best[1]} -> {best[2]} articles/s): {scaling:.2f}x   "
          f"client peak RSS {peak_rss_mb():.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({"started": started, "runs": results, "scaling": round(scaling, 3),
                                         "kb_load": load}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
