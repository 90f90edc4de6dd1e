"""The search form of Arabic text: normalized words, each with its clitic-stripped variants.

Arabic attaches conjunctions (و، ف), prepositions (ب، ل، ك) and the article (ال) to the word, so
"والعقوبات" must match a search for "العقوبات" or "عقوبات". Stripping cannot be decided without a
lexicon ("وزير" is a word, not و + "زير"), so both sides keep every plausible reading: a stored word
is indexed as itself plus its stripped variants, and a query word matches when any of its variants is
indexed. Exact words always match; the cost is a rare extra hit on a short stem.
"""

from __future__ import annotations

import hashlib
import re

from qala.text.normalize import norm

_WORD_RE = re.compile(r"[^\W_]+")
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
# A stripped variant must keep at least this many letters: two-letter stems are real Arabic words
# (دم، يد) but one letter never is.
MIN_STEM = 2


def words(text: str) -> list[str]:
    """Normalized (qala.text.normalize.norm), lower-cased word tokens of `text`."""
    return _WORD_RE.findall(norm(text).lower())


def variants(word: str) -> list[str]:
    """`word` and its clitic-stripped readings, most specific first, without repeats."""
    out = [word]
    bases = [word]
    if word[0] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM:
        bases.append(word[1:])
    for base in list(bases):
        if base.startswith("لل") and len(base) - 2 >= MIN_STEM:  # ل + ال with the alef dropped: للرئيس
            bases.append(base[2:])
        if base[0] in PREPOSITIONS and len(base) - 1 >= MIN_STEM:
            bases.append(base[1:])
    for base in list(bases):
        if base.startswith(ARTICLE) and len(base) - 2 >= MIN_STEM:
            bases.append(base[2:])
    for base in bases:
        if base not in out:
            out.append(base)
    return out


def search_form(*texts: str | None, unique: bool = False) -> str:
    """The text stored in a `*_search` column: every word with its variants, space-separated.

    `unique` keeps each form once (for names, where repeats carry no weight)."""
    out: list[str] = []
    for text in texts:
        if text:
            for w in words(text):
                out.extend(variants(w))
    if unique:
        out = list(dict.fromkeys(out))
    return " ".join(out)


def query_terms(query: str) -> list[list[str]]:
    """A user's query → one list of alternatives (variants) per word; every word must match."""
    return [variants(w) for w in words(query)]


def quote_hash(text: str) -> str:
    """Same value for the same quotation in two copies of an article (spacing, marks, punctuation)."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def fts5_query(terms: list[list[str]], column: str | None = None) -> str:
    """An SQLite FTS5 MATCH expression: (a OR b) AND (c OR d), optionally limited to one column."""
    parts = ["(" + " OR ".join(f'"{alt}"' for alt in alts) + ")" for alts in terms]
    expr = " AND ".join(parts)
    return f"{{{column}}} : ({expr})" if column else expr


def tsquery(terms: list[list[str]]) -> str:
    """A PostgreSQL to_tsquery('simple', …) expression: ('a' | 'b') & ('c' | 'd')."""
    return " & ".join("(" + " | ".join(f"'{alt}'" for alt in alts) + ")" for alts in terms)
