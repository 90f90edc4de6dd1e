"""NER stage (placeholder until the trained tagger lands): assigns `mentions`."""

from __future__ import annotations

from qala.document import Document


class NerStage:
    name = "ner"
    requires = ("tokens", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Document) -> Document:
        return doc
