"""Sentence segmentation for Arabic news.

Lines are hard boundaries (news paragraphs, headlines); inside a line a sentence ends at . ! ? ؟ …
followed by space or a closing mark, except after abbreviations (د. م. أ.) and inside numbers
(17.2). A line with no final punctuation is flagged `headline` (titles, `SPEAKER: content`).
"""

from __future__ import annotations

import re

from qala.document import Sentence
from qala.lexicon import load_list
from qala.text.normalize import norm

_CLOSERS = "\"'”»’›)]"
END_RE = re.compile(r"[.!?؟…]+[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")
FINAL_PUNCT = tuple(".!?؟…:؛" + _CLOSERS)
_WORD_BEFORE = re.compile(r"(\S+)$")


def _abbreviations() -> frozenset[str]:
    return frozenset(norm(a.rstrip(".")) for a in load_list("abbreviations"))


def segment_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets; whitespace around them is not included."""
    abbrevs = _abbreviations()
    out: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        start = line_start
        for m in END_RE.finditer(text, line_start, line_end):
            before = _WORD_BEFORE.search(text, start, m.start())
            if m.group() == "." and before and norm(before.group(1)) in abbrevs:
                continue
            _add(text, start, m.end(), out, headline=False)
            start = m.end()
        if start < line_end:
            tail = text[start:line_end].rstrip()
            headline = start == line_start and not tail.endswith(FINAL_PUNCT)
            _add(text, start, line_end, out, headline=headline)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence], headline: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, headline))
