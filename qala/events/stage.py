"""Event stage: date expressions (`times`), `figures`, and `events` tied to entities and dates."""

from __future__ import annotations

from qala.document import Document
from qala.events.dates import find_times
from qala.events.figures import find_figures
from qala.events.triggers import extract_events
from qala.text.normalize import normalize


class EventStage:
    name = "events"
    requires = ("entities", "sentences")
    assigns = ("events", "times", "figures")

    def __call__(self, doc: Document) -> Document:
        nt = normalize(doc.text)
        doc.times = find_times(nt, doc.date)
        doc.figures = find_figures(nt, doc.sentences)
        doc.events = extract_events(doc, nt, doc.times)
        return doc
