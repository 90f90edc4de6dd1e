"""The bundled gazetteers: Arabic names of persons, places and organizations with Latin forms.

Built by `scripts/build_gazetteers.py` from permissively licensed packages (see README licences)
into `data/gazetteers/{persons,places,organizations,misc}.tsv` (columns name, latin, qid, type, source).
Loaded once per process; lookups match on `qala.text.normalize.norm` forms so hamza, ة/ه and ى/ي
spelling variants find the same entry. The NER tagger uses the per-type name sets as features, the
entity stage uses `lookup` for Latin forms and Wikidata ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from qala.lexicon import load_table, read_text
from qala.text.normalize import norm

GAZETTEER_FILES = ("persons.tsv", "places.tsv", "organizations.tsv", "misc.tsv")
ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class GazEntry:
    name: str
    latin: str
    qid: str
    type: str
    source: str


def key(name: str) -> str:
    """Lookup key: normalized, single-spaced, tatweel-free and hyphens as spaces."""
    return " ".join(norm(name).replace("-", " ").split())


@cache
def _index() -> Mapping[str, tuple[GazEntry, ...]]:
    index: dict[str, list[GazEntry]] = {}
    for fname in GAZETTEER_FILES:
        for row in load_table("gazetteers", fname):
            name = row.get("name", "")
            typ = row.get("type", "")
            if not name or typ not in ENTITY_TYPES:
                continue
            entry = GazEntry(name, row.get("latin", ""), row.get("qid", ""), typ, row.get("source", ""))
            index.setdefault(key(name), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str) -> list[GazEntry]:
    """All gazetteer entries whose name has the same normalized form as `name`."""
    return list(_index().get(key(name), ()))


@cache
def _keys_by_type() -> Mapping[str, frozenset[str]]:
    # A direct two-column read, not `_index()`: the tagger needs only the keys, and building 70k
    # GazEntry rows through the csv module would double the model's load time.
    out: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}
    for fname in GAZETTEER_FILES:
        lines = read_text("gazetteers", fname).splitlines()
        header = lines[0].split("\t")
        name_col, type_col = header.index("name"), header.index("type")
        for line in lines[1:]:
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > type_col and cols[type_col] in out:
                out[cols[type_col]].add(key(cols[name_col]))
    return {t: frozenset(v) for t, v in out.items()}


def names(entity_type: str) -> frozenset[str]:
    """Normalized names (lookup keys) of one entity type: for features and quick membership tests."""
    return _keys_by_type().get(entity_type, frozenset())


@cache
def max_name_words() -> int:
    """Longest gazetteer name in words: bounds the n-gram window when scanning text."""
    return max((k.count(" ") + 1 for keys in _keys_by_type().values() for k in keys), default=1)


__all__ = ["GazEntry", "key", "lookup", "max_name_words", "names"]
