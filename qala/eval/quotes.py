"""`qala eval quotes`: quotation and speaker scores against gold JSON Lines.

Gold format (quote-annotation guidelines, "File format"): one article per line with `text`,
`date` and `quotes` [{content, type, cue, speaker, speaker_aliases, speaker_kind}], contents
being exact substrings of the text in order of appearance. Each gold text runs through the full
default pipeline with its date; predicted and gold quotations match one-to-one when the Dice
overlap of their whitespace tokens is at least 0.5 (greedy by overlap).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qala.document import Document
from qala.errors import InputError
from qala.eval.gold import gold_records
from qala.eval.matching import TokenGrid, match_spans, prf, speaker_exact, speaker_matches


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    content: str
    type: str
    cue: str | None
    speaker: str | None
    aliases: list[str]
    kind: str | None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    date: str | None
    quotes: list[GoldQuote]


def load_gold(path: Path) -> list[GoldDoc]:
    """Reads a gold file; a malformed line or a content not found in its text is an InputError
    naming the line, so that a typo in gold data is never silently scored as a miss."""
    docs: list[GoldDoc] = []
    for n, rec in gold_records(path):
        text = rec["text"]
        quotes = []
        cursor = 0
        for q in rec.get("quotes") or []:
            content = q.get("content") if isinstance(q, dict) else None
            if not isinstance(content, str) or not content:
                raise InputError(f"{path}:{n}: a quotation without a string `content`")
            start = text.find(content, cursor)
            if start < 0:
                start = text.find(content)
            if start < 0:
                raise InputError(f"{path}:{n}: quotation content not found in the text: {content[:60]!r}")
            cursor = start
            quotes.append(
                GoldQuote(start, start + len(content), content, q.get("type") or "indirect", q.get("cue"), q.get("speaker"),
                          [a for a in q.get("speaker_aliases") or [] if isinstance(a, str)], q.get("speaker_kind"))
            )
        docs.append(GoldDoc(str(rec.get("id") or f"line-{n}"), text, rec.get("date"), quotes))
    return docs


@dataclass
class QuoteErrors:
    """One document's misses, false alarms and wrong speakers, for error analysis."""

    id: str
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    wrong_speaker: list[dict[str, Any]] = field(default_factory=list)
    long_speaker: list[dict[str, Any]] = field(default_factory=list)  # right, with words that are not the name


@dataclass
class QuoteScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    speaker_exact: int = 0  # right and with no extra words (see matching.speaker_exact)
    gold_by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)
    errors: list[QuoteErrors] = field(default_factory=list)
    failed_docs: list[str] = field(default_factory=list)

    @property
    def quote_prf(self) -> tuple[float, float, float]:
        return prf(self.matched, self.predicted, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0

    @property
    def e2e_prf(self) -> tuple[float, float, float]:
        return prf(self.speaker_right, self.predicted, self.gold)

    @property
    def e2e_exact_prf(self) -> tuple[float, float, float]:
        return prf(self.speaker_exact, self.predicted, self.gold)

    def recall_by_type(self) -> dict[str, float]:
        return {t: self.found_by_type[t] / n for t, n in sorted(self.gold_by_type.items()) if n}

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        qp, qr, qf = self.quote_prf
        ep, er, ef = self.e2e_prf
        out: dict[str, Any] = {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "quote": {"precision": round(qp, 4), "recall": round(qr, 4), "f1": round(qf, 4)},
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "end_to_end": {"precision": round(ep, 4), "recall": round(er, 4), "f1": round(ef, 4)},
            "end_to_end_exact": dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in self.e2e_exact_prf), strict=True)),
            "recall_by_type": {t: round(v, 4) for t, v in self.recall_by_type().items()},
            "gold_by_type": dict(sorted(self.gold_by_type.items())),
            "failed_documents": self.failed_docs,
        }
        if with_errors:
            out["errors"] = [e.__dict__ for e in self.errors if e.missed or e.false_alarms or e.wrong_speaker or e.long_speaker]
        return out


def score_document(doc: Document, gold: GoldDoc, scores: QuoteScores) -> None:
    """Adds one document's predictions (doc.quotes) against its gold quotations to `scores`."""
    grid = TokenGrid(gold.text)
    pred_sets = [grid.tokens(q.start, q.end) for q in doc.quotes]
    gold_sets = [grid.tokens(g.start, g.end) for g in gold.quotes]
    pairs = match_spans(pred_sets, gold_sets)
    errs = QuoteErrors(gold.id)
    scores.documents += 1
    scores.gold += len(gold.quotes)
    scores.predicted += len(doc.quotes)
    scores.matched += len(pairs)
    for g in gold.quotes:
        scores.gold_by_type[g.type] += 1
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    for i, j, _d in pairs:
        q, g = doc.quotes[i], gold.quotes[j]
        scores.found_by_type[g.type] += 1
        name = q.speaker.name if q.speaker else None
        if speaker_matches(name, g.speaker, g.aliases):
            scores.speaker_right += 1
            if speaker_exact(name, g.speaker, g.aliases):
                scores.speaker_exact += 1
            else:
                errs.long_speaker.append({"text": g.content, "gold_speaker": g.speaker, "predicted_speaker": name, "cue": q.cue.text if q.cue else None})
        else:
            errs.wrong_speaker.append({"text": g.content, "gold_speaker": g.speaker, "predicted_speaker": name, "cue": q.cue.text if q.cue else None})
    for j, g in enumerate(gold.quotes):
        if j not in matched_g:
            errs.missed.append({"text": g.content, "type": g.type, "cue": g.cue, "gold_speaker": g.speaker})
    for i, q in enumerate(doc.quotes):
        if i not in matched_p:
            errs.false_alarms.append({"text": q.text, "type": q.type, "cue": q.cue.text if q.cue else None, "predicted_speaker": q.speaker.name if q.speaker else None})
    scores.errors.append(errs)


def evaluate_quotes(path: Path, run: Callable[[Document], Document] | None = None) -> QuoteScores:
    """Runs the full default pipeline (or `run`) on every gold text and scores it."""
    if run is None:
        from qala.pipeline import default_pipeline

        run = default_pipeline()
    scores = QuoteScores()
    for gold in load_gold(path):
        doc = run(Document(text=gold.text, id=gold.id, date=gold.date))
        if doc.errors:
            scores.failed_docs.append(gold.id)
        score_document(doc, gold, scores)
    return scores
