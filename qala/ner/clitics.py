"""Proclitics that ANERcorp-style tokens keep attached (و ف ب ل ك ال), and stripping them.

Lexicon and memory lookups try a word as written and without its proclitics, so بالقاهرة and
وللأمم find القاهرة and الأمم.
"""

from __future__ import annotations

# Proclitic strings, longest first: conjunction (و ف) + preposition (ب ل ك) + article (ال).
# "لل" is ل + ال with the alef dropped, so it is restored as "ال" for lookups.
PROCLITICS = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_RESTORE_ARTICLE = {"لل", "ولل", "فلل"}
# Strings left after stripping must keep at least this many letters to count as a stem (so "ولد"
# is not read as و + لد).
MIN_STEM = 2


def strip_variants(w: str) -> tuple[str, ...]:
    """The normalized word and its forms without proclitics (article kept and removed)."""
    out = [w]
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
            rest = w[len(p) :]
            if p in _RESTORE_ARTICLE or (p.endswith("ال") and p != "ال"):
                out.append("ال" + rest)
            out.append(rest)
    seen: dict[str, None] = {}
    for v in out:
        seen.setdefault(v, None)
    return tuple(seen)


def bare(w: str) -> str:
    """The stem used for lexicon lookups: proclitics and article off (first match, longest first)."""
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
            return w[len(p) :]
    return w
