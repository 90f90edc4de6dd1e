"""Time of `qala.extract` on adversarial text at growing sizes: linear or not?

Each family is text a real feed can produce at scale (a scraper that lost its line breaks, a page of
nothing but quotation marks, bidi/zero-width controls between every letter...). For each family and
size (default 0.25, 0.5 and 1 MB of UTF-8) it runs the full pipeline once, checks every offset
(`text[start:end] == reported text`), and prints seconds, µs per character and the ratio to the
previous size: ~2.0 per doubling is linear, ~4.0 quadratic. Documents over the pipeline's
`--max-chars` are raised to fit, so the stages themselves are measured. A family whose last size
took longer than --budget seconds skips its larger sizes (reported as such) to keep the run bounded.
The machine is shared with other work: expect ±20% noise.

    .venv/bin/python benchmarks/bench_adversarial.py [--sizes 0.25,0.5,1] [--families cues,quotes] [--budget 300]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable, Iterator

from qala.document import Document
from qala.pipeline import Pipeline, default_pipeline

QUOTE_MARKS = "«»“”„‟\"'‘’‚‛‹›「」『』❝❞＂〝〞"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655"
# Fictional words and phrases written for qala's tests (no article text).
WORDS = ["قال", "أكد", "أضاف", "أوضح", "أشار", "صرح", "الوزير", "الرئيس", "المتحدث", "باسم", "وزارة", "الخارجية", "سامي", "الهاشمي", "ليلى", "النعيمي", "كريم", "العطار", "مدينة", "الزرقاء", "الواحة", "إن", "أن", "في", "على", "من", "إلى", "مع", "يوم", "الثلاثاء", "الشهر", "المقبل", "بنسبة", "مليون", "دولار", "المحادثات", "الاتفاق", "الحكومة", "البرلمان", "اجتماع", "زيارة", "الاقتصاد"]
CUES = ["قال", "وقال", "أكد", "وأضاف", "أوضح", "قالت", "صرح", "وأشار إلى أن", "نقلت عن", "بحسب", "وفقا لـ"]
NAMES = ["سامي الهاشمي", "ليلى النعيمي", "كريم العطار", "نادر السالمي", "هالة الشريف", "يوسف البدري"]
TITLES = ["الوزير", "الرئيس", "المتحدث باسم الحكومة", "وزير الخارجية", "رئيس الوزراء", "الأمين العام"]
ENDINGS = [".", "", "؟", "!", "\n"]
OTHER_SCRIPTS = ["Reuters", "ООН", "北京", "Ελλάδα", "שלום", "नमस्ते", "٣٤٥", "۱۲۳", "12.5%", "$4bn", "e-mail@x.org"]


def _fill(parts: Iterator[str], size_bytes: int) -> str:
    """Concatenates generated parts until the UTF-8 size reaches `size_bytes`."""
    out: list[str] = []
    n = 0
    for p in parts:
        out.append(p)
        n += len(p.encode("utf-8"))
        if n >= size_bytes:
            break
    return "".join(out)


def _forever(rng: random.Random, make: Callable[[random.Random], str]) -> Iterator[str]:
    while True:
        yield make(rng)


def gen_quotes(rng: random.Random) -> str:
    """Unbalanced and nested quotation marks of every style around short Arabic phrases."""
    k = rng.randint(1, 4)
    return "".join(rng.choice(QUOTE_MARKS) for _ in range(k)) + " ".join(rng.choices(WORDS, k=rng.randint(0, 4))) + " "


def gen_cues(rng: random.Random) -> str:
    """Thousands of speech cues in a row, with colons and opening marks that never close."""
    return rng.choice(CUES) + rng.choice([" ", ": ", " «", " إن ", ": \"", "، "])


def gen_one_line(rng: random.Random) -> str:
    """A scraper that lost every line break and full stop: one sentence of attributions."""
    return f"{rng.choice(CUES)} {rng.choice(TITLES)} {rng.choice(NAMES)} إن {' '.join(rng.choices(WORDS, k=8))} "


def gen_controls(rng: random.Random) -> str:
    """Zero-width and bidi controls (and tatweel) between the letters of quoted sentences."""
    s = f"{rng.choice(CUES)} {rng.choice(NAMES)}: «{' '.join(rng.choices(WORDS, k=5))}». "
    return "".join(c + (rng.choice(CONTROLS + "\u0640") if rng.random() < 0.5 else "") for c in s)


def gen_diacritics(rng: random.Random) -> str:
    """Every letter carries one to three diacritics."""
    s = f"{rng.choice(CUES)} {rng.choice(TITLES)} {rng.choice(NAMES)} إن {' '.join(rng.choices(WORDS, k=6))}. "
    return "".join(c + "".join(rng.choices(DIACRITICS, k=rng.randint(1, 3))) if c.isalpha() else c for c in s)


def gen_mixed(rng: random.Random) -> str:
    """Arabic, Latin, Cyrillic, CJK, Hebrew and Devanagari words and digits mixed in sentences."""
    words = rng.choices(WORDS, k=6) + rng.choices(OTHER_SCRIPTS, k=3)
    rng.shuffle(words)
    return f"{rng.choice(CUES)} {rng.choice(NAMES)} «{' '.join(words)}»{rng.choice(ENDINGS)} "


def gen_names(rng: random.Random) -> str:
    """Short attributed sentences with many titles, names, dates and figures: many mentions."""
    return (
        f"{rng.choice(CUES)} {rng.choice(TITLES)} {rng.choice(NAMES)} يوم الثلاثاء {rng.randint(1, 28)} مارس "
        f"{rng.randint(1990, 2030)} إن التجارة ارتفعت {rng.randint(1, 99)}% إلى {rng.randint(1, 900)} مليون دولار. "
    )


FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "quotes": gen_quotes,
    "cues": gen_cues,
    "one_line": gen_one_line,
    "controls": gen_controls,
    "diacritics": gen_diacritics,
    "mixed": gen_mixed,
    "names": gen_names,
}


def make_text(family: str, size_bytes: int, seed: int = 0) -> str:
    return _fill(_forever(random.Random(seed), FAMILIES[family]), size_bytes)




def bad_offsets(doc: Document) -> list[str]:
    """Descriptions of every span whose offsets are out of range or do not match its text."""
    n = len(doc.text)
    out = []
    for kind, start, end, text in doc.spans():
        if not (0 <= start <= end <= n) or (text is not None and doc.text[start:end] != text):
            out.append(f"{kind} [{start}:{end}] {text!r} != {doc.text[max(0, start) : max(0, end)]!r}")
    return out


def run_once(pipe: Pipeline, text: str) -> tuple[float, Document]:
    doc = Document(text=text, id="adversarial", date="2024-03-05")
    t = time.perf_counter()
    doc = pipe(doc)
    return time.perf_counter() - t, doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB of UTF-8 text, comma-separated")
    ap.add_argument("--families", default=",".join(FAMILIES), help=f"of: {', '.join(FAMILIES)}")
    ap.add_argument("--budget", type=float, default=300.0, help="skip larger sizes once one run takes longer (s)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    families = [f.strip() for f in args.families.split(",") if f.strip()]

    pipe0 = default_pipeline()
    pipe0(Document(text="قال الوزير إن الاجتماع كان مثمرا.", id="warmup"))  # load models once
    print(f"command: {' '.join([sys.executable.rsplit('/', 1)[-1], *sys.argv])}")
    print(f"{'family':<11}{'MB':>6}{'chars':>11}{'seconds':>10}{'µs/char':>9}{'ratio':>7}  quotes/mentions/events  errors")
    failures = 0
    for fam in families:
        prev: float | None = None
        for mb in sizes:
            text = make_text(fam, int(mb * 1024 * 1024), args.seed)
            if prev is not None and prev > args.budget:
                print(f"{fam:<11}{mb:>6.2f}{len(text):>11,}   skipped: the previous size took over {args.budget:.0f} s")
                continue
            pipe = Pipeline(pipe0.stages, max_chars=max(pipe0.max_chars, len(text)))
            secs, doc = run_once(pipe, text)
            bad = bad_offsets(doc)
            failures += len(bad) + len(doc.errors)
            ratio = f"{secs / prev:.2f}" if prev else "-"
            errs = ";".join(e.code + (":" + e.message[:60] if e.code == "stage_failed" else "") for e in doc.errors)
            print(
                f"{fam:<11}{mb:>6.2f}{len(text):>11,}{secs:>10.2f}{1e6 * secs / len(text):>9.2f}{ratio:>7}  "
                f"{len(doc.quotes)}/{len(doc.mentions)}/{len(doc.events)}  {errs or '-'}"
                + (f"  BAD OFFSETS: {len(bad)} e.g. {bad[0]}" if bad else ""),
                flush=True,
            )
            prev = secs
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
