"""Text stage: sentences and tokens with offsets into the unchanged document text."""

from __future__ import annotations

from qala.document import Document
from qala.text.segment import segment_sentences
from qala.text.tokenize import tokenize


class TextStage:
    name = "text"
    requires = ("text",)
    assigns = ("sentences", "tokens")

    def __call__(self, doc: Document) -> Document:
        doc.sentences = segment_sentences(doc.text)
        doc.tokens = tokenize(doc.text)
        return doc
