"""CRF features for Arabic NER over ANERcorp-style tokens (clitics attached, punctuation separate).

Why these: Arabic has no capitals, so a name is recognised from its shape (affixes, length, Latin
or digits), its context (titles before persons, head words before organizations, prepositions
before places), gazetteer membership (after stripping the proclitics و ف ب ل ك ال that ANERcorp
keeps attached), and distributional word clusters (`clusters.tsv` of the model, learnt at train
time). Per-word features are cached by word form, so tagging cost is dominated by dictionary hits,
not string building (the tagger must stay above 30k tokens/s on one core).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from qala import gazetteer
from qala.lexicon import load_list, load_table
from qala.text.normalize import norm

# Proclitic strings, longest first: conjunction (و ف) + preposition (ب ل ك) + article (ال).
# "لل" is ل + ال with the alef dropped, so it is restored as "ال" for lookups.
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_RESTORE_ARTICLE = {"لل", "ولل", "فلل"}
# Strings left after stripping must keep at least this many letters to count as a stem (so "ولد"
# is not read as و + لد).
MIN_STEM = 2
_SUFFIXES = ("يين", "يون", "ية", "ات", "ون", "ين", "ان", "هم", "ها", "ي", "ه")
# Windows: word identity at distance ≤ 2, clusters/shape at distance ≤ 2 (measured on dev: a
# wider window adds features without gain).
WINDOW = 2
# Gazetteer n-grams longer than this are not looked for (the longest useful names are 4-5 words).
MAX_GAZ_WORDS = 5
_PUNCT = set(".,،؛;:!?؟\"'()[]{}«»-–—/…")


def strip_variants(w: str) -> tuple[str, ...]:
    """The normalized word and its forms without proclitics (article kept and removed)."""
    out = [w]
    for p in _PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
            rest = w[len(p) :]
            if p in _RESTORE_ARTICLE:
                out.append("ال" + rest)
            elif p.endswith("ال") and p != "ال":
                out.append("ال" + rest)
            out.append(rest)
    seen: dict[str, None] = {}
    for v in out:
        seen.setdefault(v, None)
    return tuple(seen)


def bare(w: str) -> str:
    """The stem used for lexicon and cluster lookups: proclitics off, article off."""
    for p in _PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
            return w[len(p) :]
    return w


def shape(tok: str) -> str:
    if tok.isdigit():
        return "D"
    if tok in _PUNCT or (len(tok) == 1 and not tok.isalnum()):
        return "P"
    if tok.isascii() and tok.isalpha():
        return "L"
    if any("a" <= c.lower() <= "z" for c in tok):
        return "M"
    if any(c.isdigit() for c in tok):
        return "d"
    return "A"


@dataclass
class Lexicons:
    """Name sets used as features (all keys normalized)."""

    per: frozenset[str]
    loc: frozenset[str]
    org: frozenset[str]
    first_words: Mapping[str, int]  # first word of a multi-word gazetteer name → its longest length
    name_units: Mapping[str, int]  # name word → frequency bucket
    person_cues: frozenset[str]
    org_heads: frozenset[str]
    loc_heads: frozenset[str]
    clusters: Mapping[str, str] = field(default_factory=dict)


@cache
def base_lexicons() -> Lexicons:
    per, loc, org = gazetteer.names("PER"), gazetteer.names("LOC"), gazetteer.names("ORG")
    first: dict[str, int] = {}
    for name in per | loc | org:
        words = name.split()
        if 1 < len(words) <= MAX_GAZ_WORDS:
            first[words[0]] = max(first.get(words[0], 0), len(words))
    units: dict[str, int] = {}
    for row in load_table("lexicons", "name_units.tsv"):
        count = int(row.get("count") or 0)
        # frequency buckets: common given names (≥100 people) vs rarer name words
        units[norm(row["name"])] = 2 if count >= 100 else 1
    return Lexicons(
        per=per,
        loc=loc,
        org=org,
        first_words=first,
        name_units=units,
        person_cues=frozenset(norm(w) for w in load_list("ner_person_cues")),
        org_heads=frozenset(norm(w) for w in load_list("ner_org_heads")),
        loc_heads=frozenset(norm(w) for w in load_list("ner_loc_heads")),
    )


class Featurizer:
    """Turns a sentence of tokens into CRF feature lists (one list of strings per token)."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self._word_cache: dict[str, tuple[list[str], list[tuple[str, ...]]]] = {}

    def _word(self, tok: str) -> tuple[list[str], list[tuple[str, ...]]]:
        """(own features, context features for each offset -WINDOW..WINDOW) of one word form."""
        hit = self._word_cache.get(tok)
        if hit is not None:
            return hit
        lex = self.lex
        w = norm(tok)
        variants = strip_variants(w)
        b = bare(w)
        shp = shape(tok)
        cl = lex.clusters.get(w) or lex.clusters.get(b)
        feats = [
            "bias",
            "w=" + w,
            "b=" + b,
            "s=" + shp,
            "p2=" + w[:2],
            "p3=" + w[:3],
            "s1=" + w[-1:],
            "s2=" + w[-2:],
            "s3=" + w[-3:],
            "bs2=" + b[-2:],
            "len=" + str(min(len(b), 8)),
        ]
        if w.startswith("ال"):
            feats.append("al")
        for p in _PROCLITICS:
            if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
                feats.append("pc=" + p)
                break
        for suf in _SUFFIXES:
            if b.endswith(suf) and len(b) - len(suf) >= MIN_STEM:
                feats.append("sf=" + suf)
                break
        # Letter trigrams of the stem: transliterated foreign names (فينغر، جوزيه) have letter
        # patterns (غ، تش، يه، ـو) that Arabic words rarely show, which helps with unseen names.
        padded = "<" + b + ">"
        feats.extend("t=" + padded[i : i + 3] for i in range(len(padded) - 2))
        if cl:
            feats.append("c=" + cl)
            feats.append("cc=" + cl[:2])  # coarse cluster (prefix before "-")
        for v in variants:
            if v in lex.per:
                feats.append("gP1")
                break
        for v in variants:
            if v in lex.loc:
                feats.append("gL1")
                break
        for v in variants:
            if v in lex.org:
                feats.append("gO1")
                break
        nu = lex.name_units.get(b) or lex.name_units.get(w)
        if nu:
            feats.append("nu=" + str(nu))
        cue = any(v in lex.person_cues for v in variants)
        head = any(v in lex.org_heads for v in variants)
        lhead = any(v in lex.loc_heads for v in variants)
        if cue:
            feats.append("pcue")
        if head:
            feats.append("ohead")
        if lhead:
            feats.append("lhead")
        ctx: list[tuple[str, ...]] = []
        for off in range(-WINDOW, WINDOW + 1):
            if off == 0:
                ctx.append(())
                continue
            o = str(off)
            items = [o + "w=" + w, o + "s=" + shp]
            if abs(off) == 1:
                items.append(o + "b=" + b)
                items.append(o + "s2=" + w[-2:])
            if cl:
                items.append(o + "c=" + cl)
            if nu:
                items.append(o + "nu")
            if cue:
                items.append(o + "pcue")
            if head:
                items.append(o + "ohead")
            if lhead:
                items.append(o + "lhead")
            ctx.append(tuple(items))
        out = (feats, ctx)
        self._word_cache[tok] = out
        return out

    def _gazetteer_spans(self, normed: Sequence[str]) -> list[list[str]]:
        """BIO features for the longest multi-word gazetteer match starting at each token."""
        lex = self.lex
        n = len(normed)
        out: list[list[str]] = [[] for _ in range(n)]
        i = 0
        while i < n:
            matched = 0
            for v in strip_variants(normed[i]):
                longest = lex.first_words.get(v)
                if not longest:
                    continue
                for length in range(min(longest, n - i), 1, -1):
                    name = " ".join((v, *normed[i + 1 : i + length]))
                    for typ, names in (("P", lex.per), ("L", lex.loc), ("O", lex.org)):
                        if name in names:
                            out[i].append("gB" + typ)
                            for j in range(i + 1, i + length):
                                out[j].append("gI" + typ)
                            matched = max(matched, length)
                    if matched:
                        break
                if matched:
                    break
            i += matched or 1
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        words = [self._word(t) for t in tokens]
        normed = [norm(t) for t in tokens]
        gaz = self._gazetteer_spans(normed)
        out: list[list[str]] = []
        for i in range(n):
            feats = list(words[i][0])
            feats.extend(gaz[i])
            for off in range(-WINDOW, WINDOW + 1):
                j = i + off
                if off == 0:
                    continue
                if 0 <= j < n:
                    feats.extend(words[j][1][off + WINDOW])
                    if gaz[j] and abs(off) == 1:
                        feats.extend(str(off) + g for g in gaz[j])
                elif abs(off) == 1:
                    feats.append("BOS" if off < 0 else "EOS")
            if 0 < i:
                feats.append("w-1w=" + normed[i - 1] + "|" + normed[i])
            if i + 1 < n:
                feats.append("ww+1=" + normed[i] + "|" + normed[i + 1])
            out.append(feats)
        return out


__all__ = ["Featurizer", "Lexicons", "bare", "base_lexicons", "shape", "strip_variants"]
