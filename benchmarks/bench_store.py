"""Knowledge-base benchmark: ingestion rate and quotation-search latency, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_store.py                       # SQLite + a throw-away PostgreSQL
    .venv/bin/python benchmarks/bench_store.py --quotations 100000 --backends sqlite

1. Pipeline + store: the bundled sample articles go through `qala.pipeline.default_pipeline()` and are
   stored (documents/s, end to end).
2. Store only: synthetic extracted documents (built from the samples' vocabulary with varied ids,
   dates, speakers and quotations, so that no NLP runs 100k times) are loaded with near-duplicate
   detection on, until `--quotations` are stored (documents/s and quotations/s).
3. Search: p50/p95 latency of `search_quotations` for speaker + keyword, keyword only, speaker only
   and a date-ordered filter, over random names and words (one row per duplicate group, first page).

The machine is shared with other work, so figures are noisy: compare runs, not single numbers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import Engine, func, select  # noqa: E402

from qala.document import Document, Entity, Quote, Span, Speaker  # noqa: E402
from qala.ingest.readers import read_inputs  # noqa: E402
from qala.lexicon import data_path  # noqa: E402
from qala.store.db import describe_url, open_db  # noqa: E402
from qala.store.load import load_documents  # noqa: E402
from qala.store.queries import search_quotations  # noqa: E402
from qala.store.schema import QuotationRow  # noqa: E402
from qala.store.searchtext import words  # noqa: E402

QUOTES_PER_DOC = 5
SPEAKER_SEED = 11  # the same 400 speakers in the load and the search phase
BATCH = 200


def vocabulary() -> list[str]:
    """Arabic words of the bundled samples (length ≥ 4: content words), in their written form."""
    import re

    out: set[str] = set()
    for doc in read_inputs([str(data_path("samples", "articles.jsonl"))]):
        out.update(w for w in re.findall(r"[\u0621-\u064a]{4,}", doc.text))
    return sorted(out)


def people(rng: random.Random, n: int) -> list[str]:
    first = ["سامي", "ليلى", "كريم", "هدى", "مراد", "نادية", "طارق", "سلمى", "يوسف", "رنا", "عادل", "منى",
             "فارس", "دينا", "حسام", "لينا", "ماجد", "ريم", "باسل", "سهى"]
    last = ["الحداد", "منصور", "الخطيب", "الشريف", "ناصر", "العلي", "السعدي", "الحسن", "البكري", "القاسم",
            "الزين", "النجار", "العمر", "الصالح", "الفارس", "الراشد", "الكعبي", "المصري", "الحلبي", "التونسي"]
    names = sorted({f"{f} {m} {ln}" for f in first for m in first for ln in last})
    rng.shuffle(names)
    return names[:n]


def synthetic(i: int, rng: random.Random, vocab: list[str], speakers: list[str]) -> Document:
    """An extracted document: QUOTES_PER_DOC quotations by two speakers, with entities and offsets."""
    sp = rng.sample(speakers, 2)
    lines = [f"خبر رقم {i}: " + " ".join(rng.sample(vocab, 8))]
    quotes: list[tuple[int, int, str]] = []
    text = lines[0] + "\n"
    for k in range(QUOTES_PER_DOC):
        who = k % 2
        quote = " ".join(rng.sample(vocab, 12))
        sentence = f"وقال {sp[who]} إن \"{quote}\". " + " ".join(rng.sample(vocab, 10)) + ".\n"
        start = len(text) + sentence.index(quote)
        text += sentence
        quotes.append((start, who, quote))
    day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc = Document(text=text, id=f"bench-{i}", date=day, source=f"outlet-{i % 37}", title=lines[0])
    doc.language = "ar"
    doc.entities = [Entity(f"e{j}", "PER", name, [Span.of(text, text.index(name), text.index(name) + len(name))])
                    for j, name in enumerate(sp)]
    doc.quotes = [Quote(s, s + len(q), q, "direct", cue=None, speaker=Speaker(sp[who], entity=f"e{who}"),
                        confidence=0.9) for s, who, q in quotes]
    return doc


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) > 1 else values[0]


def bench(url: str, n_quotes: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    engine = open_db(url)
    print(f"\n== {describe_url(engine).split('://')[0]} ({describe_url(engine)})")
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(QuotationRow)).scalar_one()
    if stored >= n_quotes:  # a kept database (--sqlite-file, --pg-url): time the searches only
        print(f"reusing {stored} stored quotations")
    else:
        load_phase(engine, n_quotes, rng)
    search_phase(engine, queries, rng)
    engine.dispose()


def load_phase(engine: Engine, n_quotes: int, rng: random.Random) -> None:
    # 1. pipeline + store, on the bundled samples
    from qala.pipeline import default_pipeline
    from qala.store.load import ingest

    pipe = default_pipeline()
    samples = list(read_inputs([str(data_path("samples", "articles.jsonl"))]))
    pipe(Document(text="قال الوزير إن الاجتماع كان مثمرا.", id="warm-up"))  # load the models before timing
    t0 = time.perf_counter()
    c = ingest(engine, samples, process=pipe)
    dt_ = time.perf_counter() - t0
    print(f"pipeline+store: {c.added} sample documents in {dt_:.2f}s = {c.added / dt_:.1f} documents/s")
    # 2. store only, synthetic extracted documents
    vocab = vocabulary()
    speakers = people(random.Random(SPEAKER_SEED), 400)
    n_docs = n_quotes // QUOTES_PER_DOC
    t0 = time.perf_counter()
    loaded = 0
    quotes = 0

    def docs() -> Iterator[list[Document]]:
        for b in range(0, n_docs, BATCH):
            yield [synthetic(i, rng, vocab, speakers) for i in range(b, min(b + BATCH, n_docs))]

    build = 0.0
    for batch in docs():
        t1 = time.perf_counter()
        counts = load_documents(engine, batch)
        build += time.perf_counter() - t1
        loaded += counts.added
        quotes += counts.quotations
    wall = time.perf_counter() - t0
    print(f"store only: {loaded} documents, {quotes} quotations in {build:.1f}s (loading) = "
          f"{loaded / build:.0f} documents/s, {quotes / build:.0f} quotations/s (wall incl. generation {wall:.1f}s)")


def search_phase(engine: Engine, queries: int, rng: random.Random) -> None:
    # 3. search latency
    vocab = vocabulary()
    speakers = people(random.Random(SPEAKER_SEED), 400)
    vocab_words = [w for w in vocab if len(words(w)) == 1]
    last_names = sorted({s.split()[-1] for s in speakers})
    first_names = sorted({s.split()[0] for s in speakers})
    cases: dict[str, Callable[[], object]] = {
        "speaker + keyword": lambda: search_quotations(
            engine, rng.choice(vocab_words), speaker=f"{rng.choice(first_names)} {rng.choice(last_names)}"),
        "keyword": lambda: search_quotations(engine, rng.choice(vocab_words)),
        "two keywords": lambda: search_quotations(engine, f"{rng.choice(vocab_words)} {rng.choice(vocab_words)}"),
        "speaker, by date": lambda: search_quotations(engine, speaker=rng.choice(last_names), order="date"),
        "keyword + since": lambda: search_quotations(engine, rng.choice(vocab_words), since="2022-01-01"),
    }
    for name, fn in cases.items():
        fn()  # warm the caches
        lat = timed(fn, queries)
        print(f"search {name:18s}: p50 {pct(lat, 50):6.1f} ms   p95 {pct(lat, 95):6.1f} ms   ({queries} queries)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quotations", type=int, default=100_000, help="quotations to load before timing search")
    ap.add_argument("--queries", type=int, default=200, help="searches per case")
    ap.add_argument("--backends", default="sqlite,postgresql", help="sqlite, postgresql, or both")
    ap.add_argument("--pg-url", help="an existing PostgreSQL database (default: start a throw-away server)")
    ap.add_argument("--sqlite-file", help="keep the SQLite database here (reused by the next run: search only)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print("command:", " ".join(["python", *sys.argv]))
    print("note: shared 2-core machine; figures are noisy")
    backends = args.backends.split(",")
    if "sqlite" in backends and args.sqlite_file:
        bench(f"sqlite:///{Path(args.sqlite_file).resolve()}", args.quotations, args.queries, args.seed)
    elif "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            bench(f"sqlite:///{tmp}/bench.sqlite", args.quotations, args.queries, args.seed)
    if "postgresql" in backends:
        if args.pg_url:
            bench(args.pg_url, args.quotations, args.queries, args.seed)
        else:
            from pg import PgUnavailable, local_server

            try:
                with local_server() as server:
                    bench(server.create_database("bench"), args.quotations, args.queries, args.seed)
            except PgUnavailable as exc:
                print(f"postgresql skipped: {exc}")


if __name__ == "__main__":
    main()
