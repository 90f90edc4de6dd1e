"""Speed and memory of the NER tagger: model load time, tokens/s on one core, peak RSS.

Loads the shipped model (cold, in this fresh process), then tags every sentence of a CoNLL file
(default: ../shared/data/ner/anercorp-train.conll, else the tests' mini fixture replicated) in ONE
single-threaded process, `--repeat` times: the first pass fills the per-word feature cache, later
passes show the warm rate of a long-running process. Rates are given per wall-clock second and per
CPU second of this process (on a shared, busy machine the CPU-time rate is the per-core figure). Also times the NER stage inside the pipeline
on the bundled sample articles. The machine is shared with other work: expect ±20% noise.

    .venv/bin/python benchmarks/bench_ner.py [--conll FILE] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONLL = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.conll"
MINI = ROOT / "tests" / "data" / "ner-mini.conll"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", type=Path, default=DEFAULT_CONLL if DEFAULT_CONLL.exists() else MINI)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    t0, c0 = time.perf_counter(), time.process_time()
    from qala.ner.tagger import default_tagger

    tagger = default_tagger()
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"model load (imports + gazetteers + CRF): {load:.2f} s wall, {load_cpu:.2f} s CPU")

    from qala.ner.conll import read_conll

    sents = read_conll(args.conll)
    if args.conll == MINI:
        sents = sents * 500
    n_tokens = sum(len(s.tokens) for s in sents)
    for i in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        tagger.tag_document([s.tokens for s in sents])  # as shipped: CRF + document consistency
        dt, dc = time.perf_counter() - t, time.process_time() - c
        label = "cold feature cache" if i == 0 else "warm feature cache"
        print(
            f"pass {i + 1} ({label}): {n_tokens:,} tokens in {dt:.2f} s = {n_tokens / dt:,.0f} tokens/s wall, "
            f"{n_tokens / dc:,.0f} tokens/CPU-s"
        )

    from qala.document import Document
    from qala.lexicon import read_text
    from qala.ner.stage import NerStage
    from qala.text.stage import TextStage

    texts = [json.loads(ln)["text"] for ln in read_text("samples", "articles.jsonl").splitlines() if ln.strip()]
    docs = [TextStage()(Document(t)) for t in texts * 50]
    stage = NerStage()
    tok = sum(len(d.tokens) for d in docs)
    t, c = time.perf_counter(), time.process_time()
    for d in docs:
        stage(d)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(
        f"NER stage on {len(docs)} sample articles: {tok:,} tokens, {len(docs) / dt:,.0f} articles/s wall, "
        f"{tok / dt:,.0f} tokens/s wall, {tok / dc:,.0f} tokens/CPU-s"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:,.0f} MB")
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))


if __name__ == "__main__":
    main()
