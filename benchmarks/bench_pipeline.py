"""Speed and memory of the full `qala extract` pipeline, with a per-stage breakdown.

Runs every stage of `default_pipeline()` on the bundled sample articles replicated to N documents
(default 3,000) in ONE process, so articles/s is per core. Prints articles/s, characters/s, time per
stage (share of the total), and peak RSS. The machine is shared: expect noise of ±20%.

    .venv/bin/python benchmarks/bench_pipeline.py [--docs 3000]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from importlib import resources

from qala.document import Document
from qala.pipeline import default_pipeline


def load_samples() -> list[dict]:
    text = resources.files("qala").joinpath("data", "samples", "articles.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000, help="documents to process (samples replicated)")
    args = ap.parse_args(argv)

    samples = load_samples()
    pipe = default_pipeline()
    t0 = time.perf_counter()
    pipe(Document(samples[0]["text"], date=samples[0].get("date")))  # load models and lexicons once
    warmup = time.perf_counter() - t0

    per_stage: dict[str, float] = defaultdict(float)
    chars = failed = 0
    start = time.perf_counter()
    for i in range(args.docs):
        rec = samples[i % len(samples)]
        doc = Document(rec["text"], id=f"{rec['id']}-{i}", date=rec.get("date"))
        chars += len(doc.text)
        t = time.perf_counter()
        if not pipe.validate(doc):
            failed += 1
            continue
        per_stage["validate"] += time.perf_counter() - t
        for st in pipe.stages:  # the same order and calls as Pipeline.__call__, timed one by one
            t = time.perf_counter()
            doc = st(doc)
            per_stage[st.name] += time.perf_counter() - t
        doc.cache.clear()
    total = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"command: {' '.join([sys.executable.rsplit('/', 1)[-1], *sys.argv])}")
    print(f"documents: {args.docs} ({len(samples)} samples replicated), {chars:,} characters, failed: {failed}")
    print(f"warm-up (load models/lexicons, first document): {warmup:.2f} s")
    print(f"throughput: {args.docs / total:,.1f} articles/s/core, {chars / total / 1000:,.0f} k chars/s/core")
    print("per stage (ms per article, share):")
    for name, secs in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {1000 * secs / args.docs:8.3f} ms  {100 * secs / total:5.1f}%")
    print(f"peak RSS: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
