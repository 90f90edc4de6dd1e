"""Entity stage: clusters mentions, role phrases and speakers into canonical `entities`."""

from __future__ import annotations

from qala.document import Document
from qala.entities.cluster import cluster_entities


class EntityStage:
    name = "entities"
    requires = ("mentions", "quotes")
    assigns = ("entities",)

    def __call__(self, doc: Document) -> Document:
        doc.entities = cluster_entities(doc)
        return doc
