"""Name and role vocabulary for entity clustering, loaded once from `qala/data/lexicons/`.

Everything is keyed on `norm` forms so lexicons stay in ordinary spelling. Helpers here are the
small pieces clustering needs: which words are titles (stripped from names), which adjectives are
nisbas of a country (الروسي → روسيا), which phrases are offices (الرئيس، وزير الخارجية), and which
words are attested as parts of personal names (to catch an unknown name after a title).
"""

from __future__ import annotations

import re
from functools import cache

from qala.lexicon import load_list, load_table
from qala.text.normalize import norm

# Single-letter proclitics (and, so, with/by, for, like) and their common pairs; a name or place
# can carry them (وموسكو، لموسكو، وبوتين). Longest first so وب is tried before و.
PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
# Particles that belong inside a personal name (عبد الله، محمد بن سلمان، أبو مازن).
NAME_PARTICLES = frozenset(norm(w) for w in ("بن", "ابن", "بنت", "عبد", "أبو", "أبي", "آل", "ولد"))
# A personal name captured after a title is at most this many words (محمد بن سلمان بن عبد العزيز
# is 6, but longer runs after a title are more often a name followed by ordinary words).
MAX_NAME_WORDS = 5
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """Lookup key of a phrase: normalized, single spaces, no tatweel/diacritics."""
    return _SPACES.sub(" ", norm(text)).strip()


@cache
def titles() -> tuple[tuple[str, ...], ...]:
    """Titles and honorifics as normalized word tuples, longest first (صاحب السمو الملكي first)."""
    out = {tuple(key(t).split()) for t in load_list("titles")}
    return tuple(sorted(out, key=len, reverse=True))


@cache
def titles_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles grouped by their first word (longest first): finding one at a word is a dict look-up."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in titles():
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def title_at(words: list[str], i: int) -> int:
    """Number of words of the title starting at `words[i]` (0 when none)."""
    for t in titles_by_first().get(words[i], ()) if i < len(words) else ():
        if tuple(words[i : i + len(t)]) == t:
            return len(t)
    return 0


@cache
def office_firsts() -> frozenset[str]:
    return frozenset(k[0] for k in offices())


@cache
def offices() -> dict[tuple[str, ...], str]:
    """Office phrase (normalized words) → office group (head_of_state, leader, foreign_minister…)."""
    return {tuple(key(r["office"]).split()): r["group"] for r in load_table("lexicons", "offices.tsv")}


@cache
def max_office_words() -> int:
    return max(len(k) for k in offices())


@cache
def nisbas() -> dict[str, str]:
    """Nisba adjective (masc., fem. ـة, and the forms without ال) → country name (normalized)."""
    out: dict[str, str] = {}
    for row in load_table("lexicons", "nisba.tsv"):
        masc, country = key(row["nisba"]), key(row["country"])
        for form in (masc, masc + "ه", masc + "ين", masc + "ون"):
            out[form] = country
            if form.startswith("ال"):
                out[form[2:]] = country
    return out


@cache
def counterparts() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("counterparts"))


@cache
def ministries() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("ministries"))


@cache
def org_heads() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("org_heads"))


@cache
def place_heads() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("place_heads"))


@cache
def name_stops() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("name_stops"))


@cache
def name_units() -> dict[str, str]:
    """Name word (normalized) → its usual Latin spelling (from Wikidata labels, see build_names)."""
    return {r["name"]: r["latin"] for r in load_table("lexicons", "name_units.tsv")}


@cache
def common_words() -> frozenset[str]:
    """Ordinary words a statistical tagger sometimes labels as a name on its own (بيان، دولار، جنيه):
    the vocabulary of the other lexicons (currencies, counted nouns, event triggers, months)."""
    out: set[str] = set()
    for table, col in (("currencies.tsv", "name"), ("count_nouns.tsv", "form"), ("event_triggers.tsv", "form"),
                       ("months.tsv", "name"), ("weekdays.tsv", "name"), ("offices.tsv", "office")):
        out |= {key(r[col]) for r in load_table("lexicons", table) if " " not in key(r[col])}
    out |= {key(w) for w in load_list("place_heads")} | {key(w) for w in load_list("org_heads")}
    return frozenset(out)


def strip_titles(words: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    """Leading titles removed from a normalized word tuple: (how many words were titles, the rest)."""
    dropped = 0
    while len(words) > 1:
        n = title_at(list(words), 0)
        if not n or n >= len(words):
            break
        words = words[n:]
        dropped += n
    return dropped, words


def is_name_word(word: str) -> bool:
    """Whether a normalized word can be part of a personal name captured after a title."""
    return (word in name_units() or word in NAME_PARTICLES) and word not in name_stops()
