"""Matching helpers shared by the scorers: whitespace-token Dice overlap, a maximal one-to-one
matching, and "same speaker" (names equal, or one's tokens — titles aside — within the other's).

Overlap is computed on token *positions* (whitespace tokens of the document that a span touches),
so two quotations only match when they cover the same stretch of the same text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from qala.quotes.speaker import name_tokens, names_match, strip_titles

_WS_TOKEN = re.compile(r"\S+")
# Predicted and gold quotations match when the Dice overlap of their tokens reaches this
# (the quote-annotation guidelines: boundaries are scored by overlap, a word more or less is no error).
MATCH_THRESHOLD = 0.5


class TokenGrid:
    """Whitespace tokens of a text, to turn character spans into sets of token positions."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _WS_TOKEN.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def tokens(self, start: int, end: int) -> frozenset[int]:
        """Positions of the tokens that overlap text[start:end]."""
        lo = bisect_right(self.ends, start)  # first token ending after start
        hi = bisect_left(self.starts, end)  # first token starting at/after end
        return frozenset(range(lo, hi))


def dice(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def match_spans(pred: Sequence[frozenset[int]], gold: Sequence[frozenset[int]], threshold: float = MATCH_THRESHOLD) -> list[tuple[int, int, float]]:
    """A one-to-one matching (pred index, gold index, dice), greedy by overlap: every pair at or
    above `threshold`, best first, each side used once. Greedy is maximal (no pair can be added)."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p & g:
                d = dice(p, g)
                if d >= threshold:
                    pairs.append((d, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for d, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, d))
    return out


def speaker_matches(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """The predicted speaker names the gold source: both absent, or the names match the gold
    speaker or any of its aliases (see `names_match`)."""
    if gold is None or not str(gold).strip():
        return predicted is None or not predicted.strip()
    if predicted is None or not predicted.strip():
        return False
    return any(names_match(predicted, g) for g in (gold, *aliases) if g)


def speaker_exact(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """The stricter match: the predicted name (titles aside) has no word outside the gold speaker or
    one of its aliases. `speaker_matches` also accepts a longer name that contains a gold form
    (بنعلي وسط هتافات الحاضرين for بنعلي); a reader of the knowledge base would not."""
    if not speaker_matches(predicted, gold, aliases):
        return False
    if gold is None or not str(gold).strip():
        return True
    words = set(strip_titles(name_tokens(predicted or "")))
    return any(words <= set(strip_titles(name_tokens(g))) for g in (gold, *aliases) if g)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


__all__ = ["MATCH_THRESHOLD", "TokenGrid", "dice", "match_spans", "names_match", "prf", "speaker_exact", "speaker_matches"]
