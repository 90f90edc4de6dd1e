"""Coverage-guided fuzzing of `qala.extract` and the decoder with atheris (libFuzzer), for a bounded time.

Each input is turned into text two ways: raw Unicode (lone surrogates included) and a string built
from adversarial pieces (cues, quote marks of every style, bidi/zero-width controls, diacritics,
names, dates, figures, other scripts). The checks are the property tests' (tests/reliability/
test_properties.py): no stage fails, every offset is valid (`text[start:end] == reported text`),
the JSON line is valid UTF-8; raw bytes decode to text or a DecodeError, nothing else. A failure
raises, libFuzzer stops and writes the input to --artifacts (replay: run this script with the file).

    .venv/bin/pip install atheris          # once: not a qala dependency (Apache-2.0, has wheels)
    .venv/bin/python benchmarks/fuzz_extract.py --seconds 120
    .venv/bin/python benchmarks/fuzz_extract.py --seconds 60 --no-atheris   # random inputs, no coverage guidance
    .venv/bin/python benchmarks/fuzz_extract.py /tmp/qala-fuzz/crash-...    # replay one input
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_adversarial import CONTROLS, CUES, DIACRITICS, NAMES, OTHER_SCRIPTS, QUOTE_MARKS, TITLES, WORDS

try:
    import atheris
except ImportError:  # the --no-atheris mode still runs
    atheris = None

PIECES = (
    WORDS + CUES + NAMES + TITLES + OTHER_SCRIPTS + list(QUOTE_MARKS) + list(CONTROLS) + list(DIACRITICS)
    + [".", "،", ":", "؛", "؟", "!", "\n", "\n\n", " ", "(", ")", "-", "…", "يوم الثلاثاء", "5 مارس 2024", "12%"]
    + ["٣٫٥ مليون دولار", "\ud800", "\udfff", "\u0640" * 50, "«" * 40, "قال " * 40]
)
MAX_PIECES = 400


def text_from_pieces(data: bytes) -> str:
    """Each input byte picks a piece, so libFuzzer's mutations move through the adversarial vocabulary."""
    return " ".join(PIECES[b % len(PIECES)] for b in data[:MAX_PIECES])


def check(text: str) -> None:
    import json

    import qala
    from qala.cli.extract import json_line

    doc = qala.extract(text, date="2024-03-05")
    failed = [f"{e.stage}: {e.message}" for e in doc.errors if e.code == "stage_failed"]
    if failed:
        raise AssertionError(f"stage failed: {failed}")
    n = len(doc.text)
    spans = [(q.start, q.end, q.text) for q in doc.quotes]
    spans += [(q.cue.start, q.cue.end, q.cue.text) for q in doc.quotes if q.cue]
    spans += [(q.speaker.mention.start, q.speaker.mention.end, q.speaker.mention.text) for q in doc.quotes if q.speaker and q.speaker.mention]
    spans += [(m.start, m.end, m.text) for m in doc.mentions]
    spans += [(s.start, s.end, s.text) for e in doc.entities for s in e.mentions]
    spans += [(ev.trigger.start, ev.trigger.end, ev.trigger.text) for ev in doc.events]
    spans += [(t.start, t.end, t.text) for t in doc.times] + [(f.start, f.end, f.text) for f in doc.figures]
    spans += [(t.start, t.end, t.text) for t in doc.tokens]
    for start, end, reported in spans:
        if not (0 <= start <= end <= n) or doc.text[start:end] != reported:
            raise AssertionError(f"bad offsets [{start}:{end}] {reported!r} vs {doc.text[max(0, start):max(0, end)]!r}")
    json.loads(json_line(doc.to_dict()).encode("utf-8"))


def check_bytes(data: bytes) -> None:
    from qala.errors import DecodeError
    from qala.ingest.decode import decode_bytes

    try:
        text, _ = decode_bytes(data)
    except DecodeError:
        return
    text.encode("utf-8")


def one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 3, data[1:]
    if mode == 0:
        check(text_from_pieces(body))
    elif mode == 1:
        check(body.decode("utf-16-le", "surrogatepass") if len(body) % 2 == 0 else body.decode("utf-8", "replace"))
    else:
        check_bytes(body)


def fuzz_random(seconds: float, seed: int) -> int:
    """Without atheris: random inputs of the same three kinds, for `seconds`."""
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 600)))
        try:
            one_input(data)
        except Exception:
            path = Path(f"/tmp/qala-fuzz-crash-{seed}-{runs}")
            path.write_bytes(data)
            print(f"FAILED after {runs} runs; input written to {path}")
            raise
        runs += 1
    print(f"random fuzzing: {runs} inputs in {seconds:.0f} s, no failure")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=60, help="total fuzzing time (bounded)")
    ap.add_argument("--no-atheris", action="store_true", help="random inputs without coverage guidance")
    ap.add_argument("--artifacts", default="/tmp/qala-fuzz", help="where libFuzzer writes failing inputs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("replay", nargs="*", help="input files to run once (reproduce a failure)")
    args, extra = ap.parse_known_args()
    print(f"command: {' '.join([sys.executable.rsplit('/', 1)[-1], *sys.argv])}")
    if args.replay:
        for name in args.replay:
            one_input(Path(name).read_bytes())
            print(f"{name}: ok")
        return 0
    import qala

    qala.extract("قال الوزير إن الاجتماع كان مثمرا.")  # load the models before the clock starts
    if args.no_atheris or atheris is None:
        if atheris is None and not args.no_atheris:
            print("atheris is not installed (.venv/bin/pip install atheris): random fuzzing instead")
        return fuzz_random(args.seconds, args.seed)
    Path(args.artifacts).mkdir(parents=True, exist_ok=True)
    libfuzzer_args = [
        sys.argv[0],
        f"-max_total_time={args.seconds}",
        "-max_len=2048",
        f"-seed={args.seed}",
        f"-artifact_prefix={args.artifacts.rstrip('/')}/",
        "-print_final_stats=1",
        *extra,
    ]
    atheris.instrument_all()
    atheris.Setup(libfuzzer_args, one_input)
    atheris.Fuzz()  # exits the process when the time is up or an input fails
    return 0


if __name__ == "__main__":
    sys.exit(main())
