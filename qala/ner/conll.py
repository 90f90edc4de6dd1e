"""Reading and writing CoNLL NER files: one `token ... TAG` per line, blank line between sentences.

The tag is the last column (BIO); ANERcorp's `PERS` is read as `PER`. Malformed input raises
`NerDataError` with the line number, so a bad file is reported, never half-read silently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qala.errors import QalaError

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
_TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


class NerDataError(QalaError):
    code = "bad_input"


@dataclass(slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


def normalize_tag(tag: str) -> str:
    """`B-PERS` → `B-PER`; `O` stays; anything else must be B-/I- + a known type."""
    if tag == "O":
        return tag
    prefix, _, typ = tag.partition("-")
    typ = _TYPE_ALIASES.get(typ, typ)
    if prefix not in ("B", "I") or typ not in ENTITY_TYPES:
        raise ValueError(f"unknown tag {tag!r} (expected O, B-TYPE or I-TYPE with TYPE in {ENTITY_TYPES})")
    return f"{prefix}-{typ}"


def parse_conll(lines: Iterable[str], source: str = "<input>") -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n").replace("\u200f", " ").replace("\u200e", " ")
        if not line.strip():
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        parts = line.split()
        if len(parts) < 2:
            raise NerDataError(f"{source}:{lineno}: expected `token TAG`, got {line!r}")
        try:
            tag = normalize_tag(parts[-1])
        except ValueError as exc:
            raise NerDataError(f"{source}:{lineno}: {exc}") from None
        tokens.append(parts[0])
        tags.append(tag)
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def read_conll(path: str | Path) -> list[Sentence]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise NerDataError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise NerDataError(f"{p}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    sentences = parse_conll(text.splitlines(), str(p))
    if not sentences:
        raise NerDataError(f"{p}: no sentences (expected `token TAG` lines)")
    return sentences


def write_conll(path: str | Path, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="\n") as f:
        for toks, tgs in zip(sentences, tags, strict=True):
            for tok, tag in zip(toks, tgs, strict=True):
                f.write(f"{tok} {tag}\n")
            f.write("\n")


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans of a BIO sequence; a stray I- starts a new span (conlleval)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if start >= 0 and (prefix != "I" or t != typ):
            out.append((start, i, typ))
            start, typ = -1, ""
        if prefix == "B" or (prefix == "I" and start < 0):
            start, typ = i, t
    return out


def sentence_fingerprint(tokens: Sequence[str]) -> str:
    """A short hash of a sentence's tokens: models record those they were trained on, so that scoring
    a model on its own training sentences is detected (`qala eval ner` warns) instead of trusted."""
    return hashlib.sha1("\t".join(tokens).encode("utf-8")).hexdigest()[:12]
