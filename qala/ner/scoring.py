"""Span-level exact-match precision/recall/F1 per entity type and micro-averaged (CoNLL style)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qala.ner.conll import ENTITY_TYPES, spans


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "correct": self.tp,
        }


@dataclass
class SpanScores:
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in ENTITY_TYPES})

    @property
    def micro(self) -> PRF:
        total = PRF()
        for s in self.per_type.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total

    def to_dict(self) -> dict[str, object]:
        return {"micro": self.micro.to_dict(), "per_type": {t: s.to_dict() for t, s in self.per_type.items()}}


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> SpanScores:
    """Exact-match scoring: a predicted span counts only with the same boundaries and type."""
    scores = SpanScores()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"{len(p_tags)} predicted tags for {len(g_tags)} gold tokens")
        g = set(spans(g_tags))
        p = set(spans(p_tags))
        for start, end, typ in p:
            if typ not in scores.per_type:
                continue
            if (start, end, typ) in g:
                scores.per_type[typ].tp += 1
            else:
                scores.per_type[typ].fp += 1
        for _start, _end, typ in g - p:
            if typ in scores.per_type:
                scores.per_type[typ].fn += 1
    return scores
