"""Quotation stage (placeholder): assigns `quotes` with speakers."""

from __future__ import annotations

from qala.document import Document


class QuoteStage:
    name = "quotes"
    requires = ("sentences", "mentions")
    assigns = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        return doc
