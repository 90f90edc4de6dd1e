"""Letter n-gram models of name words and common words: how name-like an unseen word looks.

Why: half of the names the tagger misses are made only of words it never saw in training —
transliterated foreign names (كونيتسين، شومسكي), rare family names. The CRF's letter trigrams are
learned from ANERcorp's 125k tokens alone; these models are learned from tens of thousands of
gazetteer name words and common Arabic words, so their verdict on a new word is far better
estimated. The CRF gets it as a feature: per-letter log-odds of "person-name word" (and
"place-name word") against "common word", in bands.

The counts ship in `qala/data/gazetteers/letter_models.json.gz`, built by
`scripts/build_letter_models.py` from the bundled gazetteers and wordfreq's Arabic word list.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from qala.lexicon import data_path

DATA_FILE = "letter_models.json.gz"
# Letters of context: 3 (4-grams). Pooled micro F1 over the ten held-out ANERcorp blocks with bands
# of 1/3: 2 letters 0.777, 3 letters 0.781, 4 letters 0.779 (and a model three times the size).
ORDER = 4
_START, _END = "<", ">"


@dataclass(frozen=True)
class _Context:
    total: int
    distinct: int
    counts: dict[str, int]


class LetterModel:
    """A Witten-Bell interpolated letter n-gram model over words (no smoothing parameter to tune)."""

    def __init__(self, counts: dict[str, dict[str, int]], order: int = ORDER) -> None:
        self.order = order
        self.counts = counts  # context (0 .. order-1 letters) → next letter → count
        self._ctx = {c: _Context(sum(nxt.values()), len(nxt), nxt) for c, nxt in counts.items()}
        self._uniform = 1.0 / (len(counts.get("", {})) + 1)

    @classmethod
    def from_words(cls, words: Iterable[str], order: int = ORDER) -> LetterModel:
        counts: dict[str, Counter[str]] = {}
        for word in words:
            s = _START * (order - 1) + word + _END
            for i in range(order - 1, len(s)):
                for k in range(order):
                    counts.setdefault(s[i - k : i], Counter())[s[i]] += 1
        return cls({c: dict(n) for c, n in counts.items()}, order)

    def logprob(self, word: str) -> float:
        """log P(word) under the model (`NameLikeness` memoizes per n-gram for all three models)."""
        order = self.order
        s = _START * (order - 1) + word + _END
        return sum(math.log(self._prob(s[i - order + 1 : i + 1])) for i in range(order - 1, len(s)))

    def _prob(self, gram: str) -> float:
        """P(last letter | the letters before it), interpolated down to the letter's own frequency."""
        ch, history = gram[-1], gram[:-1]
        p = self._uniform
        for k in range(self.order):
            ctx = self._ctx.get(history[len(history) - k :] if k else "")
            if ctx is None:
                break
            lam = ctx.total / (ctx.total + ctx.distinct)
            p = lam * ctx.counts.get(ch, 0) / ctx.total + (1 - lam) * p
        return p


# Band width of the per-letter log-odds and the outermost band: bands -3..3 of 1/3 (log-odds beyond
# ±1 per letter share the outer bands). Pooled micro F1 over the ten held-out blocks: width 1/3 0.781,
# 1/2 0.780, 1/4 with ±6 bands 0.780.
BAND = 1 / 3
MAX_BAND = 3
# Words shorter than this (after clitics) carry too few letters to judge.
MIN_LETTERS = 3


@dataclass(frozen=True)
class NameLikeness:
    """Person-name, place-name and common-word letter models; `bands` gives the CRF features."""

    person: LetterModel
    place: LetterModel
    common: LetterModel
    # n-gram → its (person, place) log-odds against common words: one lookup per letter for all
    # three models (the tagger's cold-cache speed depends on it)
    _memo: dict[str, tuple[float, float]] = field(default_factory=dict, compare=False, repr=False)

    def log_odds(self, word: str) -> tuple[float, float]:
        """Per-letter log-odds (person vs common, place vs common) of a bare, normalized word."""
        order = self.person.order
        s = _START * (order - 1) + word + _END
        memo = self._memo
        person = place = 0.0
        for i in range(order - 1, len(s)):
            gram = s[i - order + 1 : i + 1]
            odds = memo.get(gram)
            if odds is None:
                common = math.log(self.common._prob(gram))
                odds = memo[gram] = (math.log(self.person._prob(gram)) - common, math.log(self.place._prob(gram)) - common)
            person += odds[0]
            place += odds[1]
        n = len(word) + 1
        return person / n, place / n

    def bands(self, word: str) -> tuple[str, str]:
        per, loc = self.log_odds(word)
        return "lP=" + _band(per), "lL=" + _band(loc)

    def to_json(self) -> dict[str, object]:
        return {"order": self.person.order, "person": self.person.counts, "place": self.place.counts, "common": self.common.counts}


def _band(x: float) -> str:
    return str(max(-MAX_BAND, min(MAX_BAND, math.floor(x / BAND))))


@cache
def name_likeness() -> NameLikeness | None:
    """The shipped models (None when the data file is absent, e.g. a trimmed install)."""
    path = data_path("gazetteers", DATA_FILE)
    if not path.is_file():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()))
    order = int(data["order"])
    return NameLikeness(*(LetterModel(data[k], order) for k in ("person", "place", "common")))
