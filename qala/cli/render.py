"""A terminal view of one document: who said what, entities, events (Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from qala.document import Document

_RLM = "\u200f"  # keeps Arabic runs right-to-left in terminals that honour bidi


def render_document(doc: Document, console: Console) -> None:
    head = f"[bold]{doc.id}[/bold]" + (f" · {doc.date}" if doc.date else "") + (f" · {doc.source}" if doc.source else "")
    if doc.errors:
        err = doc.errors[0]
        console.print(Panel(f"[red]{err.code}[/red]: {err.message}", title=head, title_align="left"))
        return
    quotes = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    quotes.add_column("#", width=3)
    quotes.add_column("speaker", ratio=1)
    quotes.add_column("type", width=8)
    quotes.add_column("quotation", ratio=4)
    quotes.add_column("conf", width=5)
    for i, q in enumerate(doc.quotes, 1):
        who = "—"
        if q.speaker:
            ent = doc.entity(q.speaker.entity)
            who = _RLM + q.speaker.name + (f"\n[dim]{ent.latin}[/dim]" if ent and ent.latin else "")
            who += f"\n[dim]{q.speaker.resolution}[/dim]"
        quotes.add_row(str(i), who, q.type, _RLM + q.text, f"{q.confidence:.2f}")
    console.print(Panel(quotes, title=head + (f" · {doc.title}" if doc.title else ""), title_align="left"))
    if doc.entities:
        ents = Table(show_header=True, header_style="bold", expand=True)
        for col in ("type", "name", "latin", "kb", "mentions"):
            ents.add_column(col)
        for e in doc.entities:
            ents.add_row(e.type, _RLM + e.name, (e.latin or "") + (" ?" if e.latin_guess else ""), e.kb or "", str(len(e.mentions)))
        console.print(ents)
    if doc.events:
        evs = Table(show_header=True, header_style="bold", expand=True)
        for col in ("event", "trigger", "participants", "place", "date"):
            evs.add_column(col)
        for ev in doc.events:
            names = ", ".join(_name(doc, p) for p in ev.participants)
            evs.add_row(ev.type, _RLM + ev.trigger.text, _RLM + names, _RLM + _name(doc, ev.place), ev.date or "")
        console.print(evs)


def _name(doc: Document, entity_id: str | None) -> str:
    ent = doc.entity(entity_id)
    return ent.name if ent else (entity_id or "")
