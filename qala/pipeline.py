"""The ordered stages a `Document` flows through, and per-document error isolation.

Each stage is a callable `(doc) -> doc` with a `name` and the Document fields it `requires` and
`assigns`; the order is checked once when the pipeline is built. A stage that raises marks that
document with an error record and stops its run; the batch carries on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from qala.document import DocError, Document
from qala.errors import QalaError
from qala.ingest.readers import replace_lone_surrogates

log = logging.getLogger(__name__)

# Below this share of Arabic letters among all letters a document is reported as not Arabic: a
# news text with English names and acronyms stays well above it, an English article far below.
MIN_ARABIC_LETTER_SHARE = 0.3
# Documents longer than this (in characters) are reported `too_large` instead of processed: a
# news article is < 50k characters; 2M keeps a batch's memory and time bounded.
DEFAULT_MAX_CHARS = 2_000_000


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(slots=True)
class FunctionStage:
    """Wraps a plain function as a stage."""

    name: str
    func: Callable[[Document], Document | None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        out = self.func(doc)
        return doc if out is None else out


def arabic_share(text: str, sample: int = 20_000) -> float:
    """Share of Arabic-script letters among the letters of (a sample of) `text`."""
    s = text[:sample]
    letters = sum(1 for c in s if c.isalpha())
    if not letters:
        return 0.0
    arabic = sum(1 for c in s if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff")
    return arabic / letters


def _replace_surrogates(doc: Document) -> None:
    """Lone surrogates (possible in a str from the Python API) break the NER model, UTF-8 output and
    the databases: each becomes U+FFFD, one for one, so every offset still means the same."""
    for name in ("text", "id", "title", "date", "source", "url"):
        value = getattr(doc, name)
        clean = replace_lone_surrogates(value) if isinstance(value, str) else value
        if clean != value:
            setattr(doc, name, clean)
            if name == "text":
                doc.warnings.append("lone surrogates in the text were replaced by U+FFFD")


@dataclass
class Pipeline:
    stages: list[Stage]
    max_chars: int = DEFAULT_MAX_CHARS
    _checked: bool = field(default=False, repr=False)

    def check(self) -> None:
        """Every stage's requirements are assigned by an earlier stage (or are input fields)."""
        available = {"text", "id", "title", "date", "source", "url"}
        for st in self.stages:
            missing = set(st.requires) - available
            if missing:
                raise ValueError(f"stage {st.name!r} requires {sorted(missing)} which no earlier stage assigns")
            available |= set(st.assigns)
        self._checked = True

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def validate(self, doc: Document) -> bool:
        """Checks a document is worth processing; records why not. Returns True when it is."""
        if doc.errors:
            return False
        _replace_surrogates(doc)
        if not doc.text or not doc.text.strip():
            doc.errors.append(DocError("empty", "the document has no text"))
            return False
        if len(doc.text) > self.max_chars:
            doc.errors.append(
                DocError("too_large", f"{len(doc.text):,} characters is over the limit of {self.max_chars:,} (--max-chars)")
            )
            return False
        share = arabic_share(doc.text)
        if share < MIN_ARABIC_LETTER_SHARE:
            doc.language = "und" if share == 0 and not any(c.isalpha() for c in doc.text[:2000]) else "non-ar"
            doc.errors.append(
                DocError("not_arabic", f"only {share:.0%} of the letters are Arabic: qala reads Arabic text")
            )
            return False
        doc.language = "ar"
        return True

    def __call__(self, doc: Document) -> Document:
        if not self._checked:
            self.check()
        if not self.validate(doc):
            return doc
        for st in self.stages:
            try:
                doc = st(doc)
            except QalaError as exc:
                doc.errors.append(DocError(exc.code, str(exc), st.name))
                break
            except Exception as exc:  # one bad document must not stop a batch
                log.debug("stage %s failed on %s", st.name, doc.id, exc_info=True)
                doc.errors.append(DocError("stage_failed", f"{type(exc).__name__}: {exc}", st.name))
                break
        doc.cache.clear()
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _default_stages(disable: Iterable[str] = ()) -> list[Stage]:
    # Imported here so that importing qala.pipeline stays cheap and stages stay independent.
    from qala.entities.stage import EntityStage
    from qala.events.stage import EventStage
    from qala.ner.stage import NerStage
    from qala.quotes.stage import QuoteStage
    from qala.text.stage import TextStage

    skip = set(disable)
    stages: list[Stage] = [TextStage(), NerStage(), QuoteStage(), EntityStage(), EventStage()]
    return [s for s in stages if s.name not in skip]


_DEFAULT: dict[tuple[tuple[str, ...], int], Pipeline] = {}


def default_pipeline(disable: Iterable[str] = (), max_chars: int = DEFAULT_MAX_CHARS) -> Pipeline:
    """The full pipeline, built once per process (models are loaded once, then shared)."""
    key = (tuple(sorted(disable)), max_chars)
    if key not in _DEFAULT:
        pipe = Pipeline(_default_stages(disable), max_chars=max_chars)
        pipe.check()
        _DEFAULT[key] = pipe
    return _DEFAULT[key]
