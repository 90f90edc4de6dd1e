"""Bring extra training sentences to the annotation conventions of the main training corpus.

Why: corpora disagree on where a name starts and ends. ANERcorp tags `نوبل` in `جائزة نوبل`,
`أفريقيا` in `شمال أفريقيا` and no ministry at all (`وزارة` is outside a name in every one of its
33 occurrences); sentences annotated elsewhere (qala's own, `data/ner/`) often tag the whole
phrase. Mixed into training unharmonized, the two conventions cost precision on exactly those
boundaries. The rules here are read off the reference corpus, not written by hand, so a new
reference brings its own conventions:

- a span made only of words the reference leaves outside names (≥ `OUTSIDE_SHARE` of ≥ `MIN_COUNT`
  occurrences tagged O) is no name (`وزارة الخارجية الفرنسية`);
- leading outside words are dropped when the word after them can start a name (O in under
  `START_MAX_OUTSIDE` of its occurrences, or unseen): `جائزة نوبل` → `نوبل`, `شمال شرق أفريقيا` →
  `أفريقيا`, `شركة نوكيا` → `نوكيا`, but `القوة الدولية للمساعدة` keeps its head (`الدولية` is mostly
  outside names);
- trailing outside words after a place or a MISC name are dropped (`تونس العاصمة` → `تونس`,
  `القرآن الكريم` → `القرآن`); organizations keep theirs (`مؤسسة … لحماية البيئة`);
- a span whose exact words the reference mostly tags with one type takes that type (a national team
  `تونس` annotated ORG becomes LOC, as the reference writes countries in match results).

Person names and one-word names are kept as annotated: their words are often common words too
(`شامل روكز`، `عمر بن الخطاب`، `صور` the city).

Only the extra sentences change; the reference is read, never modified.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from qala.ner.clitics import PROCLITICS
from qala.ner.conll import Sentence, spans

# A word counts as "outside names" in the reference when at least this share of its occurrences
# are tagged O, over at least MIN_COUNT occurrences (rarer words say nothing reliable).
OUTSIDE_SHARE = 0.9
MIN_COUNT = 3
# A word can start a name when the reference tags it O in less than this share of its occurrences.
START_MAX_OUTSIDE = 0.5
# Span types whose trailing outside words are dropped (organization and work names end in common words).
TRIM_END_TYPES = frozenset({"LOC", "MISC"})
# Person names are left as annotated: given and family names are often common words (شامل، الخطاب).
KEEP_TYPES = frozenset({"PER"})
# An extra span takes the type the reference gives the same words in at least this share of at least
# MIN_COUNT occurrences (a country in a match result is LOC there, not a team ORG).
TYPE_SHARE = 0.8
# One-letter proclitics tried when a word as written is too rare in the reference (بوزارة → وزارة).
_PROCLITICS = tuple(p for p in PROCLITICS if len(p) == 1)


class Conventions:
    """How often the reference corpus leaves each word outside names."""

    def __init__(self, reference: Sequence[Sentence]) -> None:
        self.word_tags: dict[str, Counter[str]] = defaultdict(Counter)
        self.span_types: dict[str, Counter[str]] = defaultdict(Counter)
        for sent in reference:
            for tok, tag in zip(sent.tokens, sent.tags, strict=True):
                self.word_tags[tok]["O" if tag == "O" else "NAME"] += 1
            for start, end, typ in spans(sent.tags):
                self.span_types[" ".join(sent.tokens[start:end])][typ] += 1

    def usual_type(self, words: Sequence[str]) -> str | None:
        """The type the reference gives these exact words as a name, when it mostly agrees with itself."""
        counts = self.span_types.get(" ".join(words))
        if not counts or counts.total() < MIN_COUNT:
            return None
        typ, n = counts.most_common(1)[0]
        return typ if n / counts.total() >= TYPE_SHARE else None

    def outside_share(self, word: str) -> float | None:
        """Share of the word's occurrences tagged O (None: too rare to say), tried without a one-letter proclitic too."""
        for form in (word, *(word[len(p) :] for p in _PROCLITICS if word.startswith(p) and len(word) > len(p) + 2)):
            counts = self.word_tags.get(form)
            if counts and counts.total() >= MIN_COUNT:
                return counts["O"] / counts.total()
        return None

    def outside(self, word: str) -> bool:
        """Does the reference (almost) always leave this word outside names?"""
        share = self.outside_share(word)
        return share is not None and share >= OUTSIDE_SHARE

    def can_start(self, word: str) -> bool:
        share = self.outside_share(word)
        return share is None or share < START_MAX_OUTSIDE


def harmonize(extra: Sequence[Sentence], reference: Sequence[Sentence]) -> list[Sentence]:
    """Copies of `extra` with span boundaries following the conventions of `reference`."""
    conventions = Conventions(reference)
    out = []
    for sent in extra:
        tags = ["O"] * len(sent.tokens)
        for start, end, typ in spans(sent.tags):
            words = sent.tokens[start:end]
            if typ in KEEP_TYPES or len(words) == 1:
                typ = conventions.usual_type(words) or typ
                tags[start:end] = [f"B-{typ}", *(f"I-{typ}" for _ in range(end - start - 1))]
                continue
            outside = [conventions.outside(w) for w in words]
            if all(outside):
                continue
            first = outside.index(False)
            if first and conventions.can_start(words[first]):
                start += first
                outside = outside[first:]
            if typ in TRIM_END_TYPES:
                while outside[-1]:
                    outside.pop()
                    end -= 1
            typ = conventions.usual_type(sent.tokens[start:end]) or typ
            tags[start:end] = [f"B-{typ}", *(f"I-{typ}" for _ in range(end - start - 1))]
        out.append(Sentence(list(sent.tokens), tags))
    return out
