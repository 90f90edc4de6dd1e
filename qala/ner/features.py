"""CRF features for Arabic NER over ANERcorp-style tokens (clitics attached, punctuation separate).

Why these: Arabic has no capitals, so a name is recognised from its shape (affixes, letter
trigrams, Latin or digits, and how name-like its letters look to letter models of tens of
thousands of name and common words, `qala.ner.letters`), its context (titles before persons, head words before organizations,
prepositions before places), gazetteer membership (after stripping the proclitics و ف ب ل ك ال
that ANERcorp keeps attached), given/family-name positions and the entity memory of the training
data (`qala.ner.memory`). Word clusters (k-means over multilingual USE word embeddings) were
measured and did not help on the dev split, so they are not used. Per-word features are cached by
word form and filtered to those the model weighs, so tagging cost is dominated by dictionary hits,
not string building (the tagger must stay above 30k tokens/s on one core).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from qala import gazetteer
from qala.lexicon import load_list, load_table
from qala.ner.clitics import MIN_STEM, PROCLITICS, bare, strip_variants
from qala.ner.letters import MIN_LETTERS, NameLikeness, name_likeness
from qala.ner.memory import EntityMemory
from qala.text.normalize import norm

# Name heads written joined to the next word or apart (عبدالله / عبد الله, ابوبكر / ابو بكر).
_JOINABLE = ("عبد", "ابو")
# A word counts as a given name / family name when it starts / ends at least this many gazetteer
# person names (one occurrence is often a data error).
MIN_NAME_POSITION_COUNT = 2
_SUFFIXES = ("يين", "يون", "ية", "ات", "ون", "ين", "ان", "هم", "ها", "ي", "ه")
# Context window: word identity and shape at distance ≤ 2 (measured on dev: a wider window adds
# features without gain).
WINDOW = 2
# Gazetteer n-grams longer than this are not looked for (the longest useful names are 4-5 words).
MAX_GAZ_WORDS = 5
# How far back a person cue still counts (cue, office word, nisba, then the name).
CUE_REACH = 3
# Nisba adjectives (الأردني، المصرية) are at least this long with the article.
MIN_NISBA_CHARS = 5
# Per-word feature caches are cleared past this many entries (bounded memory in long runs; a news
# vocabulary of a day fits easily).
MAX_CACHE = 300_000
_PUNCT = set(".,،؛;:!?؟\"'()[]{}«»-–—/…")


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
    misc: frozenset[str]  # currencies, awards, tournaments, wars, products, works
    first_words: Mapping[str, int]  # first word of a multi-word gazetteer name → its longest length
    name_units: Mapping[str, int]  # name word → frequency bucket
    given: frozenset[str]  # words that start person names in the gazetteer
    family: frozenset[str]  # words that end them
    person_cues: frozenset[str]
    org_heads: frozenset[str]
    loc_heads: frozenset[str]
    letters: NameLikeness | None = None  # letter n-gram verdicts on unseen words (qala.ner.letters)


def joined_variants(name: str) -> set[str]:
    """`عبد الله` also as `عبدالله`, `ابو بكر` as `ابوبكر`: news text writes both."""
    out = {name}
    for head in _JOINABLE:
        if head + " " in name:
            out.add(name.replace(head + " ", head))
    return out


@cache
def base_lexicons() -> Lexicons:
    """The lexicon and gazetteer sets, built once per process (about 0.5 s of CPU)."""
    per = frozenset(v for name in gazetteer.names("PER") for v in joined_variants(name))
    loc, org, misc = gazetteer.names("LOC"), gazetteer.names("ORG"), gazetteer.names("MISC")
    first: dict[str, int] = {}
    given: dict[str, int] = {}
    family: dict[str, int] = {}
    for name in per | loc | org | misc:
        words = name.split()
        if 1 < len(words) <= MAX_GAZ_WORDS:
            first[words[0]] = max(first.get(words[0], 0), len(words))
    for name in per:
        words = name.split()
        given[words[0]] = given.get(words[0], 0) + 1
        family[words[-1]] = family.get(words[-1], 0) + 1
    units: dict[str, int] = {}
    for row in load_table("lexicons", "name_units.tsv"):
        count = int(row.get("count") or 0)
        # frequency buckets: common given names (≥100 people) vs rarer name words
        units[norm(row["name"])] = 2 if count >= 100 else 1
    return Lexicons(
        per=per,
        loc=loc,
        org=org,
        misc=misc,
        first_words=first,
        name_units=units,
        given=frozenset(w for w, c in given.items() if c >= MIN_NAME_POSITION_COUNT),
        family=frozenset(w for w, c in family.items() if c >= MIN_NAME_POSITION_COUNT),
        person_cues=frozenset(norm(w) for w in load_list("ner_person_cues")),
        org_heads=frozenset(norm(w) for w in load_list("ner_org_heads")),
        loc_heads=frozenset(norm(w) for w in load_list("ner_loc_heads")),
        letters=name_likeness(),
    )


class Featurizer:
    """Turns a sentence of tokens into CRF feature lists (one list of strings per token)."""

    def __init__(self, lex: Lexicons, known: frozenset[str] | None = None, memory: EntityMemory | None = None) -> None:
        self.lex = lex
        self.memory = memory or EntityMemory()
        # Attributes the model has weights for: others are dropped up front, since handing crfsuite
        # features it ignores is the main cost of tagging. None (training) keeps everything.
        self.known = known
        self._word_cache: dict[str, tuple[list[str], list[tuple[str, ...]], str, bool, bool, tuple[str, ...]]] = {}
        self._variants_cache: dict[str, tuple[str, ...]] = {}

    def _keep(self, feats: list[str]) -> list[str]:
        known = self.known
        return feats if known is None else [f for f in feats if f in known]

    def _variants(self, w: str) -> tuple[str, ...]:
        hit = self._variants_cache.get(w)
        if hit is None:
            if len(self._variants_cache) > MAX_CACHE:
                self._variants_cache.clear()
            hit = self._variants_cache[w] = strip_variants(w)
        return hit

    def _word(self, tok: str) -> tuple[list[str], list[tuple[str, ...]], str, bool, bool, tuple[str, ...]]:
        """(own features, context features for each offset -WINDOW..WINDOW, normalized form,
        is a person cue, is a nisba adjective, letter-model bands)."""
        hit = self._word_cache.get(tok)
        if hit is not None:
            return hit
        if len(self._word_cache) > MAX_CACHE:
            self._word_cache.clear()
        lex = self.lex
        w = norm(tok)
        variants = self._variants(w)
        b = bare(w)
        shp = shape(tok)
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
        for p in PROCLITICS:
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
        # How name-like the letters look to models of tens of thousands of name and common words.
        bands = lex.letters.bands(b) if lex.letters is not None and shp == "A" and len(b) >= MIN_LETTERS else ()
        feats.extend(bands)
        for flag, names in (("gP1", lex.per), ("gL1", lex.loc), ("gO1", lex.org), ("gM1", lex.misc)):
            if any(v in names for v in variants):
                feats.append(flag)
        nu = lex.name_units.get(b) or lex.name_units.get(w)
        if not nu:
            for head in _JOINABLE:  # عبدالسلام = عبد + السلام
                if w.startswith(head) and len(w) > len(head) + 2 and w[len(head) :] in lex.name_units:
                    nu = 3
        if nu:
            feats.append("nu=" + str(nu))
        gvn = w in lex.given or b in lex.given
        fam = w in lex.family or b in lex.family
        if gvn:
            feats.append("gvn")
        if fam:
            feats.append("fam")
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
            if nu:
                items.append(o + "nu")
            if abs(off) == 1 and gvn:
                items.append(o + "gvn")
            if abs(off) == 1 and fam:
                items.append(o + "fam")
            if cue:
                items.append(o + "pcue")
            if head:
                items.append(o + "ohead")
            if lhead:
                items.append(o + "lhead")
            ctx.append(tuple(self._keep(items)))
        nisba = w.startswith("ال") and len(w) >= MIN_NISBA_CHARS and (w.endswith("ي") or w.endswith("يه"))
        out = (self._keep(feats), ctx, w, cue, nisba, bands)
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
            for v in self._variants(normed[i]):
                longest = lex.first_words.get(v)
                if not longest:
                    continue
                for length in range(min(longest, n - i), 1, -1):
                    name = " ".join((v, *normed[i + 1 : i + length]))
                    for typ, names in (("P", lex.per), ("L", lex.loc), ("O", lex.org), ("M", lex.misc)):
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

    def _memory_spans(self, normed: Sequence[str], gaz: list[list[str]]) -> None:
        """Adds `m[BI]TYPE` (or `...w` when weak) for the longest remembered name at each token."""
        mem = self.memory
        if not mem.entries:
            return
        n = len(normed)
        i = 0
        while i < n:
            matched = 0
            for v in self._variants(normed[i]):
                longest = mem.first.get(v)
                if not longest:
                    continue
                for length in range(min(longest, n - i), 0, -1):
                    hit = mem.entries.get(" ".join((v, *normed[i + 1 : i + length])))
                    if hit:
                        suffix = hit[0] + ("" if hit[1] else "w")
                        gaz[i].append("mB" + suffix)
                        for j in range(i + 1, i + length):
                            gaz[j].append("mI" + suffix)
                        matched = length
                        break
                if matched:
                    break
            i += matched or 1

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        words = [self._word(t) for t in tokens]
        normed = [w[2] for w in words]
        gaz = self._gazetteer_spans(normed)
        self._memory_spans(normed, gaz)
        known = self.known
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
            # A person cue a few words back, possibly through an office and a nisba
            # (وزير الخارجية الأردني أيمن ...): beyond the ±2 window of single-word features.
            if i > 0 and words[i - 1][3] and words[i][5]:
                # a name-like word right after a title or office (the bands weigh more there)
                feats.extend(f for f in (band + "&pc" for band in words[i][5]) if known is None or f in known)
            if any(words[j][3] for j in range(max(0, i - CUE_REACH), i)):
                feats.append("cue<" + str(CUE_REACH))
                if i > 0 and words[i - 1][4]:
                    feats.append("cue+nisba")
                if words[i][4]:  # the nisba itself (الرئيس المصري) is not part of the name
                    feats.append("cue<nisba")
            if i > 0:
                f = "w-1w=" + normed[i - 1] + "|" + normed[i]
                if known is None or f in known:
                    feats.append(f)
            if i + 1 < n:
                f = "ww+1=" + normed[i] + "|" + normed[i + 1]
                if known is None or f in known:
                    feats.append(f)
            out.append(feats)
        return out


__all__ = ["Featurizer", "Lexicons", "bare", "base_lexicons", "shape", "strip_variants"]
