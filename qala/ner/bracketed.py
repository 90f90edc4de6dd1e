"""Sentences annotated inline — `وقال [PER جون سميث] في [LOC لندن]` — read as NER training sentences.

Why a second format: CoNLL (one token per line) is what tools exchange, but a linguist adding
training sentences reads and writes whole sentences. Files in this format (one sentence per line,
`#` comments) are tokenized with qala's own tokenizer, so they split exactly like the text qala tags
(clitics attached, punctuation apart). A bracket must cover whole words, attached letters included
(`[ORG للأمم المتحدة]`, never `لل[ORG أمم]`); anything else is an error with its line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from qala.ner.conll import ENTITY_TYPES, NerDataError, Sentence
from qala.text.tokenize import tokenize

SUFFIX = ".txt"
_MARK = re.compile(r"\[(" + "|".join(ENTITY_TYPES) + r") ([^\[\]]+?)\]")


def parse_bracketed_line(line: str, where: str = "<input>") -> Sentence:
    """One annotated sentence → tokens and BIO tags."""
    tokens: list[str] = []
    tags: list[str] = []
    pos = 0
    for m in _MARK.finditer(line):
        if m.start() > 0 and not line[m.start() - 1].isspace():
            raise NerDataError(f"{where}: `[` must start a word (attached letters go inside): {line[max(0, m.start() - 12) : m.end()]}")
        if m.end() < len(line) and line[m.end()].isalpha():
            raise NerDataError(f"{where}: `]` must end a word: {line[m.start() : m.end() + 12]}")
        before = [t.text for t in tokenize(line[pos : m.start()])]
        name = [t.text for t in tokenize(m.group(2))]
        tokens += before + name
        tags += ["O"] * len(before) + [f"B-{m.group(1)}", *(f"I-{m.group(1)}" for _ in name[1:])]
        pos = m.end()
    unmarked = _MARK.sub("", line)
    if "[" in unmarked or "]" in unmarked:
        raise NerDataError(f"{where}: malformed bracket (expected [TYPE words] with TYPE in {ENTITY_TYPES}): {line[:80]}")
    rest = [t.text for t in tokenize(line[pos:])]
    return Sentence(tokens + rest, tags + ["O"] * len(rest))


def read_bracketed(path: str | Path) -> list[Sentence]:
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise NerDataError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise NerDataError(f"{p}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    sentences = [
        parse_bracketed_line(line.strip(), f"{p}:{n}")
        for n, line in enumerate(lines, 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not sentences:
        raise NerDataError(f"{p}: no sentences (expected one annotated sentence per line)")
    return sentences
