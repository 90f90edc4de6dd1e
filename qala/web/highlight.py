"""Article text with quotations, speakers and entities marked, as displaCy does for entities.

The store keeps the text and the offsets are Python code-point indices into it, so marks are cut
from the text itself, never searched for. Spans may nest (a speaker inside a quotation's sentence,
an entity inside a quotation); a span that crosses another's edge is clipped to its container so
the HTML always nests properly. Everything is escaped here, once; the template prints the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from qala.store.searchtext import query_terms, variants, words


@dataclass(slots=True)
class Mark:
    """A span to highlight: `css` classes, an optional `label` badge, link and element id."""

    start: int
    end: int
    css: str
    label: str | None = None
    href: str | None = None
    id: str | None = None
    title: str | None = None
    # higher ranks open first when two spans start at the same offset and have the same length
    rank: int = 0
    children: list[Mark] = field(default_factory=list)


def _nest(text_len: int, marks: list[Mark]) -> list[Mark]:
    """Builds the containment forest; partial overlaps are clipped to the enclosing mark."""
    clean = [m for m in marks if 0 <= m.start < m.end <= text_len]
    clean.sort(key=lambda m: (m.start, -(m.end - m.start), -m.rank))
    roots: list[Mark] = []
    stack: list[Mark] = []
    for mark in clean:
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack:
            parent = stack[-1]
            if mark.end > parent.end:  # crosses the parent's edge: keep the part inside it
                mark.end = parent.end
            if mark.start >= mark.end:
                continue
            parent.children.append(mark)
        else:
            roots.append(mark)
        stack.append(mark)
    return roots


def _open_tag(mark: Mark, link: bool) -> str:
    tag = "a" if link else "mark"
    attrs = [f'class="{escape(mark.css)}"']
    if link and mark.href:
        attrs.append(f'href="{escape(mark.href)}"')
    if mark.id:
        attrs.append(f'id="{escape(mark.id)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    return f"<{tag} {' '.join(attrs)}>"


def _render(text: str, start: int, end: int, marks: list[Mark], out: list[str], in_link: bool) -> None:
    pos = start
    for mark in marks:
        link = bool(mark.href) and not in_link  # HTML forbids a link inside a link
        out.append(str(escape(text[pos : mark.start])))
        out.append(_open_tag(mark, link))
        _render(text, mark.start, mark.end, mark.children, out, in_link or link)
        if mark.label:
            out.append(f'<span class="lbl">{escape(mark.label)}</span>')
        out.append("</a>" if link else "</mark>")
        pos = mark.end
    out.append(str(escape(text[pos:end])))


def highlight(text: str, marks: list[Mark]) -> Markup:
    """The escaped text with every mark as a nested `<mark>` (or `<a>` when it links)."""
    out: list[str] = []
    _render(text, 0, len(text), _nest(len(text), marks), out, in_link=False)
    return Markup("".join(out))


# A word with its Arabic diacritics and tatweel (which \w alone would split on).
_WORD_WITH_MARKS_RE = re.compile(r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+")


def query_hits(text: str, query: str) -> list[Mark]:
    """Marks on the words of `text` that a search for `query` matched: the same rule as the store's
    full-text search (normalized words, clitic-stripped variants), so every highlighted word is a hit."""
    wanted = {alt for alts in query_terms(query) for alt in alts}
    marks = []
    for m in _WORD_WITH_MARKS_RE.finditer(text):
        forms = words(m.group())
        if any(set(variants(f)) & wanted for f in forms):
            marks.append(Mark(m.start(), m.end(), "hit"))
    return marks
