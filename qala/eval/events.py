"""Scoring events against gold: `qala eval events GOLD.jsonl`.

Gold is JSON Lines, one article per line: `id`, `text`, `date` (the document date), and `events`,
each with `type`, `trigger` (its text; `trigger_start` when the text occurs more than once),
`participants` (names), `place` (a name or null) and `date` (ISO or null).

Matching: a predicted event matches a gold one of the same type whose trigger it overlaps or, failing
that, whose sentence it shares (one-to-one, trigger overlaps first). Precision/recall/F1 count
matched events. For matched pairs, participants are scored as sets (a gold name matches an entity
when it equals its name, one of its mentions or aliases, or contains / is contained in its name),
and place and date as accuracies over the pairs whose gold gives one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qala.document import Document, Entity, Event
from qala.errors import QalaError
from qala.eval.gold import gold_records
from qala.text.normalize import norm


@dataclass(slots=True)
class _Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass(slots=True)
class EventScores:
    documents: int = 0
    events: _Count = field(default_factory=_Count)
    participants: _Count = field(default_factory=_Count)
    place_ok: int = 0
    place_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    by_type: dict[str, _Count] = field(default_factory=lambda: defaultdict(_Count))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": {"tp": self.events.tp, "fp": self.events.fp, "fn": self.events.fn, **self.events.prf()},
            "participants": {"tp": self.participants.tp, "fp": self.participants.fp, "fn": self.participants.fn,
                             **self.participants.prf()},
            "place_accuracy": round(self.place_ok / self.place_n, 4) if self.place_n else None,
            "place_n": self.place_n,
            "date_accuracy": round(self.date_ok / self.date_n, 4) if self.date_n else None,
            "date_n": self.date_n,
            "by_type": {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn, **c.prf()} for t, c in sorted(self.by_type.items())},
        }


def _key(s: str) -> str:
    return " ".join(norm(s).split())


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold articles; a malformed line is a clear error naming the line."""
    return [rec for _, rec in gold_records(path, "events")]


def _gold_span(text: str, ev: dict[str, Any]) -> tuple[int, int]:
    trig = ev["trigger"]
    start = ev.get("trigger_start")
    if start is None:
        start = text.find(trig)
    if start < 0 or text[start : start + len(trig)] != trig:
        raise QalaError(f"gold trigger {trig!r} is not in the text")
    return start, start + len(trig)


def _sentence_of(doc: Document, pos: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= pos < s.end:
            return i
    return -1


def _forms(ent: Entity | None) -> set[str]:
    if ent is None:
        return set()
    return {_key(ent.name), *(_key(a) for a in ent.aliases), *(_key(m.text) for m in ent.mentions)}


def _names_match(gold: str, ent: Entity | None) -> bool:
    if ent is None:
        return False
    g = _key(gold)
    name = _key(ent.name)
    return g in _forms(ent) or (len(g) > 2 and (g in name or name in g))


def score_document(doc: Document, gold_events: list[dict[str, Any]], scores: EventScores) -> None:
    """Adds one document's counts to `scores`."""
    preds = list(enumerate(doc.events))
    used: set[int] = set()
    gold = [(g, *_gold_span(doc.text, g)) for g in gold_events]
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for g, gs, ge in gold:
        match = None
        for i, p in preds:  # trigger overlap first
            if i not in used and p.type == g["type"] and p.trigger.start < ge and gs < p.trigger.end:
                match = i
                break
        if match is None:
            gsent = _sentence_of(doc, gs)
            for i, p in preds:
                if i not in used and p.type == g["type"] and _sentence_of(doc, p.trigger.start) == gsent:
                    match = i
                    break
        if match is not None:
            used.add(match)
        pairs.append((g, doc.events[match] if match is not None else None))
    for g, p in pairs:
        c = scores.by_type[g["type"]]
        if p is None:
            scores.events.fn += 1
            c.fn += 1
            scores.errors.append({"id": doc.id, "missed": g["type"], "trigger": g["trigger"]})
            continue
        scores.events.tp += 1
        c.tp += 1
        _score_pair(doc, g, p, scores)
    for i, p in preds:
        if i not in used:
            scores.events.fp += 1
            scores.by_type[p.type].fp += 1
            scores.errors.append({"id": doc.id, "spurious": p.type, "trigger": p.trigger.text})


def _score_pair(doc: Document, g: dict[str, Any], p: Event, scores: EventScores) -> None:
    ents = [doc.entity(e) for e in p.participants]
    matched: set[int] = set()
    for name in g.get("participants") or []:
        hit = next((i for i, e in enumerate(ents) if i not in matched and _names_match(name, e)), None)
        if hit is None:
            scores.participants.fn += 1
        else:
            matched.add(hit)
            scores.participants.tp += 1
    scores.participants.fp += len(ents) - len(matched)
    if g.get("place"):
        scores.place_n += 1
        scores.place_ok += _names_match(g["place"], doc.entity(p.place))
    if g.get("date"):
        scores.date_n += 1
        scores.date_ok += p.date == g["date"]


def evaluate_events(path: str | Path) -> EventScores:
    """Runs the full pipeline on every gold article and scores its events."""
    from qala.document import Document
    from qala.pipeline import default_pipeline

    pipe = default_pipeline()
    scores = EventScores()
    for rec in load_gold(path):
        doc = pipe(Document(rec["text"], id=str(rec.get("id", "doc")), date=rec.get("date")))
        scores.documents += 1
        score_document(doc, rec["events"], scores)
    return scores
