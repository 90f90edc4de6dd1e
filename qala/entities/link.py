"""Identity across documents: gazetteer look-up, Latin forms, Wikidata ids and a canonical key.

Two sources are consulted, curated first: our own `data/gazetteers/curated.tsv` (office holders,
countries, capitals, organizations, with roles valid over a period) and the bulk gazetteers built
by the NER area (`qala.gazetteer.lookup`, or its TSV files read directly when the loader is absent).
An entity no gazetteer knows gets a romanized Latin form, flagged `latin_guess`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from qala.document import Entity, EntityType
from qala.entities.names import key, name_units
from qala.lexicon import data_path, load_table

_BULK_FILES = ("persons.tsv", "places.tsv", "organizations.tsv", "misc.tsv")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_KEY_UNSAFE = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Known:
    """One gazetteer entity: its Arabic name, Latin form, QID, type and (curated only) roles."""

    name: str
    latin: str | None
    qid: str | None
    type: EntityType
    source: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    valid_from: str = ""
    valid_to: str = ""

    @property
    def ident(self) -> str:
        return self.qid or f"{self.type}:{key(self.name)}"

    def holds_role_on(self, date: str | None) -> bool:
        """Whether the roles apply on `date` (ISO); with no date, only open-ended roles apply."""
        if date is None:
            return not self.valid_to
        return (not self.valid_from or self.valid_from <= date) and (not self.valid_to or date < self.valid_to)


def entity_type(raw: str) -> EntityType:
    """Gazetteer type labels (PER, person, country, city, org…) mapped to the four NER types."""
    t = raw.strip().lower()
    if t.startswith(("per", "human")):
        return "PER"
    if t.startswith(("loc", "gpe", "place", "country", "city", "capital", "region", "admin")):
        return "LOC"
    if t.startswith(("org", "agency", "ministry", "party", "company")):
        return "ORG"
    return "MISC"


@cache
def curated() -> tuple[Known, ...]:
    out = []
    for r in load_table("gazetteers", "curated.tsv"):
        qid = r.get("qid") or None
        if qid and not _QID.match(qid):
            raise ValueError(f"curated.tsv: bad QID {qid!r} for {r['name']}")
        out.append(
            Known(
                name=r["name"],
                latin=r.get("latin") or None,
                qid=qid,
                type=entity_type(r["type"]),
                source="curated",
                aliases=tuple(a for a in r.get("aliases", "").split("|") if a),
                roles=tuple(a for a in r.get("roles", "").split("|") if a),
                valid_from=r.get("valid_from", ""),
                valid_to=r.get("valid_to", ""),
            )
        )
    return tuple(out)


@cache
def curated_index() -> dict[str, Known]:
    """Normalized name or alias → curated entity (the first row wins a clash)."""
    idx: dict[str, Known] = {}
    for k in curated():
        for form in (k.name, *k.aliases):
            idx.setdefault(key(form), k)
    return idx


@cache
def curated_roles() -> dict[str, tuple[Known, ...]]:
    """Normalized role phrase (الرئيس الروسي) → the curated entities that held it at some time."""
    idx: dict[str, list[Known]] = {}
    for k in curated():
        for role in k.roles:
            idx.setdefault(key(role), []).append(k)
    return {r: tuple(v) for r, v in idx.items()}


def role_holder(role: str, date: str | None) -> Known | None:
    """Who held a role (normalized phrase) on the document date, when exactly one curated entity did."""
    holders = [k for k in curated_roles().get(role, ()) if k.holds_role_on(date)]
    return holders[0] if len(holders) == 1 else None


@cache
def _bulk_index() -> dict[str, tuple[Known, ...]]:
    """The NER area's gazetteer TSVs read directly (used only when `qala.gazetteer` is missing)."""
    idx: dict[str, list[Known]] = {}
    for fname in _BULK_FILES:
        path = data_path("gazetteers", fname)
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            rows = csv.DictReader((ln for ln in f if ln.strip() and not ln.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)
            for r in rows:
                name = (r.get("name") or "").strip()
                if not name:
                    continue
                qid = (r.get("qid") or "").strip()
                idx.setdefault(key(name), []).append(
                    Known(name, (r.get("latin") or "").strip() or None, qid if _QID.match(qid) else None,
                          entity_type(r.get("type") or ""), (r.get("source") or fname).strip())
                )
    return {k: tuple(v) for k, v in idx.items()}


@cache
def first_words() -> frozenset[str]:
    """First words of every gazetteer name: a text word that is none of them starts no name."""
    out = {k.split()[0] for k in curated_index()}
    try:
        from qala import gazetteer
    except ImportError:
        out |= {k.split()[0] for k in _bulk_index()}
    else:
        for t in ("PER", "LOC", "ORG", "MISC"):
            out |= {k.split()[0] for k in gazetteer.names(t) if k}
    return frozenset(out)


def _bulk_lookup(name: str) -> tuple[Known, ...]:
    try:
        from qala import gazetteer  # the NER area's loader: preferred when present
    except ImportError:
        return _bulk_index().get(key(name), ())
    out = []
    for g in gazetteer.lookup(name):
        qid = (getattr(g, "qid", "") or "").strip()
        out.append(Known(g.name, getattr(g, "latin", None) or None, qid if _QID.match(qid) else None,
                         entity_type(getattr(g, "type", "") or ""), getattr(g, "source", "") or "gazetteer"))
    return tuple(out)


@cache
def lookup(name: str, type_: EntityType | None = None) -> Known | None:
    """The gazetteer entity named `name` (of `type_` when given): curated first, then bulk.

    Among several bulk candidates, one with a QID is preferred (it is the better-known one).
    """
    k = key(name)
    hit = curated_index().get(k)
    if hit and (type_ is None or hit.type == type_):
        return hit
    cands = [c for c in _bulk_lookup(name) if type_ is None or c.type == type_]
    if not cands:
        return None
    cands.sort(key=lambda c: (c.qid is None, c.latin is None))
    return cands[0]


def canonical_key(type_: EntityType, name: str, qid: str | None) -> str:
    """Stable key for merging one entity's mentions across documents: the QID, else type + name."""
    if qid:
        return qid
    return f"{type_}:{_KEY_UNSAFE.sub('_', key(name)).strip('_')}"


@cache
def _letters() -> dict[str, str]:
    return {r["letter"]: r["latin"] for r in load_table("lexicons", "translit_letters.tsv")}


_VOWEL_LETTERS = {"ا": "a", "و": "u", "ي": "i"}


@cache
def _particles() -> dict[str, str]:
    return {key(r["word"]): r["latin"] for r in load_table("lexicons", "translit_words.tsv")}


def _romanize_word(word: str) -> str:
    """One word: its attested Latin spelling when known, else a letter-by-letter guess."""
    if word in _particles():
        return _particles()[word]
    units = name_units()
    if word in units:
        return units[word]
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        if word[2:] in units:
            return "al-" + units[word[2:]]
        prefix, word = "al-", word[2:]
    letters = _letters()
    out = []
    for i, ch in enumerate(word):
        if ch in _VOWEL_LETTERS and i > 0:
            out.append(_VOWEL_LETTERS[ch])  # long vowels after the first letter
        elif ch == "ه" and i == len(word) - 1 and i > 0:
            out.append("a")  # ta marbuta (normalized to ه)
        else:
            out.append(letters.get(ch, ch if ch.isascii() else ""))
    latin = "".join(out).strip("'")
    return prefix + (latin[:1].upper() + latin[1:] if latin else "")


def romanize(name: str) -> str:
    """A Latin guess for an Arabic name, using multi-word name units first (عبد الله → Abdullah)."""
    words = key(name).split()
    units = name_units()
    out, i = [], 0
    while i < len(words):
        if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in units:
            out.append(units[f"{words[i]} {words[i + 1]}"])
            i += 2
            continue
        out.append(_romanize_word(words[i]))
        i += 1
    return " ".join(w for w in out if w)


def link_entity(ent: Entity, known: Known | None) -> None:
    """Fills `latin`, `kb`, `key` (and `latin_guess`) of an in-document entity."""
    if known is None:
        known = lookup(ent.name, ent.type)
    if known is not None:
        ent.kb = known.qid
        ent.latin = known.latin
    # only names of people and places are romanized: an organization's Arabic name is made of
    # ordinary words whose letter-by-letter form would mislead more than help
    if not ent.latin and ent.type in ("PER", "LOC") and any("\u0600" <= c <= "\u06ff" for c in ent.name):
        ent.latin = romanize(ent.name) or None
        ent.latin_guess = ent.latin is not None
    ent.key = canonical_key(ent.type, known.name if known is not None else ent.name, ent.kb)


__all__ = ["Known", "canonical_key", "curated", "first_words", "link_entity", "lookup", "role_holder", "romanize"]
