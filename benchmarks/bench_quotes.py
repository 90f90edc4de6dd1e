"""Speed of the quotation stage alone and of `qala extract` end to end, and peak memory.

The bundled sample articles (`qala/data/samples/articles.jsonl`) are replicated to --docs
documents (each copy gets its own id). The quotation stage is timed on documents that already went
through the stages it needs (text, ner), so the figure is the stage itself; `qala extract` is then
run as a subprocess on the same documents written as JSON Lines. Peak RSS comes from
resource.getrusage (this process, and the `qala extract` child). Single process, one core; the
machine is shared with other work, so expect ±20% noise.

    .venv/bin/python benchmarks/bench_quotes.py [--docs 3000] [--skip-extract] [--from ARTICLES.jsonl]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qala.document import Document
from qala.lexicon import read_text
from qala.pipeline import default_pipeline
from qala.quotes.stage import QuoteStage


def sample_docs(n: int, source: Path | None = None) -> list[dict]:
    text = source.read_text(encoding="utf-8") if source else read_text("samples", "articles.jsonl")
    samples = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [dict(samples[i % len(samples)], id=f"bench-{i}") for i in range(n)]


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--skip-extract", action="store_true", help="time the quotation stage only")
    ap.add_argument("--from", dest="source", type=Path, help="replicate these JSON Lines articles instead of the samples")
    args = ap.parse_args()
    records = sample_docs(args.docs, args.source)
    chars = sum(len(r["text"]) for r in records)

    before = default_pipeline(disable=("quotes", "entities", "events"))
    prepared = [before(Document(text=r["text"], id=r["id"], date=r.get("date"))) for r in records]
    stage = QuoteStage()
    stage(prepared[0])  # load lexicons once, outside the timing
    t0 = time.perf_counter()
    n_quotes = 0
    for doc in prepared:
        n_quotes += len(stage(doc).quotes)
    dt = time.perf_counter() - t0
    print(f"quotation stage: {len(prepared):,} articles ({chars / len(prepared):,.0f} chars each), {n_quotes:,} quotations")
    print(f"  {len(prepared) / dt:,.0f} articles/s per core ({dt * 1000 / len(prepared):.2f} ms per article)")
    print(f"  peak RSS of this process: {rss_mb(resource.RUSAGE_SELF):,.0f} MB")

    if not args.skip_extract:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "bench.jsonl"
            src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            qala = Path(sys.executable).with_name("qala")
            cmd = [str(qala), "extract", str(src), "-o", str(Path(tmp) / "out.jsonl")]
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True)
            dt = time.perf_counter() - t0
        print(f"qala extract end to end (one process, start-up included): {len(records) / dt:,.0f} articles/s ({dt:.1f} s)")
        print(f"  peak RSS of `qala extract`: {rss_mb(resource.RUSAGE_CHILDREN):,.0f} MB")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")


if __name__ == "__main__":
    main()
