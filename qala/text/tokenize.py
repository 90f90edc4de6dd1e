"""Word tokenization with offsets: words (clitics attached, as in ANERcorp), numbers, punctuation."""

from __future__ import annotations

import re

from qala.document import Token

# A word: letters/digits plus Arabic diacritics and tatweel; numbers keep decimal separators (17.2,
# ٣٨٫٥) and a trailing percent sign; everything else that is not space is a one-character token.
WORD_RE = re.compile(
    r"[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*"
    r"|[^\W\d_](?:[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])*"
    r"|\S",
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]` with offsets into `text`."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, len(text) if end is None else end)]
