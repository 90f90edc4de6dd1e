"""Entity stage (placeholder): clusters mentions and speakers into `entities`."""

from __future__ import annotations

from qala.document import Document


class EntityStage:
    name = "entities"
    requires = ("mentions", "quotes")
    assigns = ("entities",)

    def __call__(self, doc: Document) -> Document:
        return doc
