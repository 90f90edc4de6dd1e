"""Event stage (placeholder): assigns `events`, `times` and `figures`."""

from __future__ import annotations

from qala.document import Document


class EventStage:
    name = "events"
    requires = ("entities", "sentences")
    assigns = ("events", "times", "figures")

    def __call__(self, doc: Document) -> Document:
        return doc
