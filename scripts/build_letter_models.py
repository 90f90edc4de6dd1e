"""Build `qala/data/gazetteers/letter_models.json.gz`: letter n-gram models of name words.

Build-time only (the `build` extra: `pip install -e '.[build]'`). Three models (`qala.ner.letters`):
- person: the words of the bundled person gazetteer (`persons.tsv`);
- place: the words of the bundled place gazetteer (`places.tsv`);
- common: the most frequent Arabic words of wordfreq (Apache-2.0 code, CC BY-SA 4.0 data) that
  are no word of any gazetteer name, so that the two sides do not share words.
All words are normalized (`qala.text.normalize.norm`) and stripped of proclitics (`bare`), as the
tagger sees them. Run after `scripts/build_gazetteers.py`:

    .venv/bin/python scripts/build_letter_models.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qala import gazetteer  # noqa: E402
from qala.ner.clitics import bare  # noqa: E402
from qala.ner.letters import DATA_FILE, LetterModel, NameLikeness  # noqa: E402
from qala.text.normalize import norm  # noqa: E402

OUT = ROOT / "qala" / "data" / "gazetteers" / DATA_FILE
# How many of wordfreq's most frequent Arabic words make the common-word side (about 60k distinct
# bare forms remain once gazetteer words are removed).
COMMON_TOP = 150_000
# One-letter words tell nothing about letter patterns.
MIN_CHARS = 2


def name_words(typ: str) -> set[str]:
    return {bare(w) for name in gazetteer.names(typ) for w in name.split() if len(w) >= MIN_CHARS}


def common_words(exclude: set[str]) -> set[str]:
    from wordfreq import top_n_list

    out = set()
    for word in top_n_list("ar", COMMON_TOP):
        b = bare(norm(word))
        if len(b) >= MIN_CHARS and b not in exclude:
            out.add(b)
    return out


def main() -> None:
    person, place = name_words("PER"), name_words("LOC")
    every_name_word = person | place | name_words("ORG") | name_words("MISC")
    common = common_words(every_name_word)
    models = NameLikeness(
        LetterModel.from_words(sorted(person)), LetterModel.from_words(sorted(place)), LetterModel.from_words(sorted(common))
    )
    # mtime=0: the same input gives byte-identical output
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(models.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))
    print(f"{OUT.relative_to(ROOT)}: person {len(person)} words, place {len(place)}, common {len(common)}; {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
