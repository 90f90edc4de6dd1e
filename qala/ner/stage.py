"""NER stage: tags each sentence's tokens with the shipped CRF and assigns `doc.mentions`.

The whole document is tagged at once so that a name found in one sentence is also tagged where it
recurs (`qala.ner.consistency`).

The model is loaded once per process (`default_tagger` is cached); tokens come from the text stage
(ANERcorp-style: clitics attached, punctuation separate), so training and use see the same units.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from qala.document import Document, Mention, Token
from qala.lexicon import load_list, load_table
from qala.ner.conll import spans
from qala.ner.tagger import NerTagger, default_tagger
from qala.text.normalize import norm

# Sentences longer than this (in tokens) are tagged in chunks: a "sentence" of thousands of tokens
# is a segmentation failure (no punctuation), and chunking keeps the CRF's memory bounded.
MAX_SENTENCE_TOKENS = 400


def sentence_token_ranges(doc: Document) -> list[tuple[int, int]]:
    """Token index ranges of each sentence (tokens outside every sentence form their own ranges)."""
    starts = [t.start for t in doc.tokens]
    ranges: list[tuple[int, int]] = []
    pos = 0
    for sent in doc.sentences:
        a = max(bisect_left(starts, sent.start), pos)
        b = max(bisect_left(starts, sent.end), a)
        if a > pos:
            ranges.append((pos, a))
        if b > a:
            ranges.append((a, b))
        pos = b
    if pos < len(doc.tokens):
        ranges.append((pos, len(doc.tokens)))
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        for c in range(a, b, MAX_SENTENCE_TOKENS):
            out.append((c, min(b, c + MAX_SENTENCE_TOKENS)))
    return out


# A word borne as a name by at least this many people (lexicons/name_units.tsv, from Wikidata) and
# left untagged right before a tagged person name is that name's given name (آدم + إسحاق أبكر).
MIN_GIVEN_NAME_BEARERS = 100


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm(w) for w in load_list("titles") if " " not in w)


@cache
def common_name_words(min_count: int) -> frozenset[str]:
    """Name words borne by at least `min_count` people (lexicons/name_units.tsv, from Wikidata):
    بلقاسم، رنا، ديما are names even where no hand-written list has them."""
    return frozenset(norm(r["name"]) for r in load_table("lexicons", "name_units.tsv") if int(r.get("count") or 0) >= min_count)


@cache
def _given_names() -> frozenset[str]:
    return common_name_words(MIN_GIVEN_NAME_BEARERS) - _titles()


def _without_conjunction(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def guard_person_names(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Two repairs of the CRF's person names before they become mentions, which speakers and
    entities are read from: a "name" made only of titles (معالي، فخامة: `titles.txt`) is none, and
    an untagged common given name right before a person name is its first word (the CRF, unsure of
    a given name it rarely saw, starts the name one word late: آدم إسحاق أبكر → إسحاق أبكر)."""
    out = list(tags)
    titles, given = _titles(), _given_names()
    for a, b, label in spans(tags):
        if label != "PER":
            continue
        if all(_without_conjunction(norm(t)) in titles for t in tokens[a:b]):
            out[a:b] = ["O"] * (b - a)
        elif a and out[a - 1] == "O" and norm(tokens[a - 1]) in given:
            out[a - 1], out[a] = "B-PER", "I-PER"
    return out


def tag_mentions(text: str, tokens: Sequence[Token], tags: Sequence[str], scores: Sequence[float]) -> list[Mention]:
    """Mentions of one sentence's tagged tokens; score = mean of the span's token scores."""
    out = []
    for a, b, label in spans(tags):
        score = sum(scores[a:b]) / (b - a)
        start, end = tokens[a].start, tokens[b - 1].end
        out.append(Mention(start, end, text[start:end], label, source="ner", score=round(score, 4)))  # type: ignore[arg-type]
    return out


class NerStage:
    name = "ner"
    requires = ("tokens", "sentences")
    assigns = ("mentions",)

    def __init__(self, tagger: NerTagger | None = None) -> None:
        self._tagger = tagger

    @property
    def tagger(self) -> NerTagger:
        if self._tagger is None:
            self._tagger = default_tagger()
        return self._tagger

    def __call__(self, doc: Document) -> Document:
        ranges = sentence_token_ranges(doc)
        tags, scores = self.tagger.tag_document([[t.text for t in doc.tokens[a:b]] for a, b in ranges])
        mentions: list[Mention] = []
        for (a, b), sent_tags, sent_scores in zip(ranges, tags, scores, strict=True):
            sent_tokens = doc.tokens[a:b]
            sent_tags = guard_person_names([t.text for t in sent_tokens], sent_tags)
            mentions.extend(tag_mentions(doc.text, sent_tokens, sent_tags, sent_scores))
        doc.mentions = mentions
        return doc
