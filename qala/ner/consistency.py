"""Document-level consistency: a name the CRF tagged in one sentence is tagged where it recurs nearby.

Why: a news article names its people, clubs and places several times, but the CRF decides each
sentence alone, so it finds a name where the context is telling (الرئيس + name) and misses the same
name two sentences later (recall is the tagger's weak side). Copying tagged spans to untagged
occurrences of the same words (compared without proclitics: وبرشلونة = برشلونة) within a window of
neighbouring sentences added 1.1 points of micro F1 on ANERcorp block 9 and 3.6 on block 1 (README).
The window stands in for the article when sentences come without document boundaries (CoNLL
files); a qala `Document` is one article, so the window rarely matters there.

A person named in full (علي لاريجاني) is then usually called by the last word of the name alone
(وقال لاريجاني), so that word is copied as a one-word PER name too (measured: +0.3 points of pooled
micro F1 over the ten ANERcorp blocks; the first word alone, a common given name, costs precision).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache

from qala.lexicon import load_list
from qala.ner.clitics import bare
from qala.ner.conll import spans
from qala.text.normalize import norm

# Sentences (before and after) searched for an earlier or later tagging of the same words. Measured
# 10/20/30/40 on two dev blocks: 20 is best or tied on both; wider starts to cross article borders.
CONSISTENCY_WINDOW = 20
# Words whose stem is shorter than this are never copied: two-letter stems (من, ما after clitic
# stripping) are function words far more often than names (measured: 2 costs precision on both blocks).
MIN_STEM_CHARS = 3
# An occurrence is left alone when the CRF's own probability that it is outside every name is above
# this: nisba adjectives (العربي، الإيراني) tagged once as part of a club or paper name must not spread
# to every "Arab" and "Iranian" of the article (measured: lifts block 5 from a 0.005 loss to a gain).
MAX_COPY_O_PROB = 0.999
# The last word of a tagged person name is copied alone only when its stem has at least this many
# letters (three-letter last words such as علي، حسن are given names or ordinary words as often).
MIN_SURNAME_CHARS = 4


def name_key(token: str) -> str:
    """The form occurrences are compared on: normalized, proclitics and article removed."""
    return bare(norm(token))


def propagate_names(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    o_probs: Sequence[Sequence[float]] | None = None,
    window: int = CONSISTENCY_WINDOW,
) -> list[list[str]]:
    """BIO tags where untagged runs of words equal to a span tagged within ±`window` sentences (or to
    the last word of a tagged person name) get that span's (majority) type. Tagged words are never changed, so this only adds mentions. `o_probs`: the
    CRF's marginal P(O) per token; occurrences it is near-certain about are not copied to."""
    keys = [[name_key(t) for t in sent] for sent in sentences]
    tagged: list[dict[tuple[str, ...], Counter[str]]] = []
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        found: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for a, b, typ in spans(sent_tags):
            found[tuple(sent_keys[a:b])][typ] += 1
            if typ == "PER" and b - a >= 2 and len(sent_keys[b - 1]) >= MIN_SURNAME_CHARS:
                found[(sent_keys[b - 1],)]["PER"] += 1
        tagged.append(found)
    out: list[list[str]] = []
    n = len(sentences)
    for si, (sent_keys, sent_tags) in enumerate(zip(keys, tags, strict=True)):
        new = list(sent_tags)
        out.append(new)
        if all(t != "O" for t in new):
            continue
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for sj in range(max(0, si - window), min(n, si + window + 1)):
            for span_key, types in tagged[sj].items():
                votes[span_key].update(types)
        if not votes:
            continue
        longest = max(len(k) for k in votes)
        i = 0
        while i < len(new):
            copied = 0
            if len(sent_keys[i]) >= MIN_STEM_CHARS:
                for length in range(min(longest, len(new) - i), 0, -1):
                    hit = votes.get(tuple(sent_keys[i : i + length]))
                    if hit and all(t == "O" for t in new[i : i + length]):
                        if o_probs is not None and max(o_probs[si][i : i + length]) > MAX_COPY_O_PROB:
                            break
                        typ = hit.most_common(1)[0][0]
                        new[i : i + length] = ["B-" + typ] + ["I-" + typ] * (length - 1)
                        copied = length
                        break
            i += copied or 1
    return out


@cache
def _kunya_heads() -> frozenset[str]:
    heads = {norm(w) for w in load_list("kunya_heads")}
    return frozenset(heads | {p + h for h in heads for p in "وف"})


def attach_kunya(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """A kunya head left untagged right before a person name joins it (أم/O خالد/B-PER → أم خالد):
    the CRF often reads أم as "or" and أبو as a common noun, and the name alone loses the person
    (أم خالد is a woman, خالد a man)."""
    heads = _kunya_heads()
    out: list[list[str]] = []
    for sent, sent_tags in zip(sentences, tags, strict=True):
        new = list(sent_tags)
        for i in range(1, len(new)):
            if new[i] == "B-PER" and new[i - 1] == "O" and norm(sent[i - 1]) in heads:
                new[i - 1], new[i] = "B-PER", "I-PER"
        out.append(new)
    return out
