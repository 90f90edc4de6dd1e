"""Orthographic normalization for matching, with a map back to the original offsets.

Matching (cues, names, search) happens on a normalized copy: alef/hamza forms → ا, ى → ي, ة → ه,
no tatweel, diacritics or zero-width/bidi controls, Arabic-Indic digits → ASCII, presentation forms
unfolded. Offsets found in the copy are mapped back with `Normalized.to_raw` so every span still
points into the text exactly as it was read.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي",
    "ة": "ه",
    "ک": "ك",
    "٪": "%", "٫": ".", "٬": ",",
}  # fmt: skip
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# Removed entirely: tatweel, Arabic diacritics and Quranic marks, zero-width and bidi controls.
_DELETE = (
    [0x0640]
    + list(range(0x0610, 0x061B))
    + list(range(0x064B, 0x0660))
    + [0x0670]
    + list(range(0x06D6, 0x06DD))
    + list(range(0x06DF, 0x06E9))
    + list(range(0x06EA, 0x06EE))
    + [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in (_ONE_TO_ONE | _DIGITS).items()}
    for cp in _DELETE:
        table[cp] = None
    # Arabic presentation forms (ligatures such as ﻻ) unfold to their letters, then normalize again.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:
            folded = "".join(table.get(ord(c), c) or "" for c in folded)  # type: ignore[misc]
            table[cp] = folded or None
    return table


TABLE = _build_table()
_MULTI = {cp for cp, v in TABLE.items() if v is not None and len(v) != 1}
_CHANGES_LENGTH = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp, v in TABLE.items() if v is None or len(v) != 1) + "]"
)


def norm(s: str) -> str:
    """Normalized form of a string (no offset map): for lexicon entries and lookup keys."""
    return s.translate(TABLE)


@dataclass(slots=True)
class Normalized:
    """A normalized copy of `raw` and the way back to raw offsets."""

    raw: str
    text: str
    # starts[i] = raw index where normalized char i came from; None when lengths are equal (identity)
    _starts: list[int] | None

    def to_raw(self, i: int) -> int:
        """Raw offset of normalized offset `i` (a start, or an end when i == len(text))."""
        if self._starts is None:
            return i
        if i >= len(self.text):
            return len(self.raw)
        return self._starts[i]

    def to_raw_end(self, i: int) -> int:
        """Raw offset just after normalized char `i - 1`: use for span ends."""
        if self._starts is None:
            return i
        if i <= 0:
            return 0
        if i >= len(self.text):
            # include trailing deleted marks (diacritics) that belong to the last char
            j = self._starts[-1] + 1
            while j < len(self.raw) and TABLE.get(ord(self.raw[j]), "x") is None:
                j += 1
            return j
        return self._starts[i]

    def to_norm(self, raw_i: int) -> int:
        """Normalized offset of raw offset `raw_i` (the first normalized char at or after it)."""
        if self._starts is None:
            return raw_i
        return bisect_left(self._starts, raw_i)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start), self.to_raw_end(end)


def normalize(raw: str) -> Normalized:
    """Normalize `raw`, keeping a map from normalized offsets to raw ones."""
    text = raw.translate(TABLE)
    if len(text) == len(raw) and not _CHANGES_LENGTH.search(raw):
        return Normalized(raw, text, None)
    starts: list[int] = []
    for i, ch in enumerate(raw):
        cp = ord(ch)
        if cp in TABLE:
            rep = TABLE[cp]
            if rep is None:
                continue
            starts.extend([i] * len(rep))
        else:
            starts.append(i)
    return Normalized(raw, text, starts)


@cache
def norm_cached(s: str) -> str:
    return norm(s)


__all__ = ["TABLE", "Normalized", "norm", "norm_cached", "normalize"]
