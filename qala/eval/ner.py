"""`qala eval ner`: tag the GIVEN tokens of a CoNLL file with the shipped model and score spans.

No re-tokenization: the tagger gets exactly the gold tokens, so there is one predicted tag per
input token and the scores are comparable with published ANERcorp figures (span-level exact match,
per type and micro over PER/LOC/ORG/MISC).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qala.ner.conll import read_conll, sentence_fingerprint, write_conll
from qala.ner.scoring import SpanScores, score_spans
from qala.ner.tagger import NerTagger, default_tagger


@dataclass
class NerEvalResult:
    scores: SpanScores
    sentences: int
    tokens: int
    seconds: float  # tagging time only (features + Viterbi), model already loaded
    load_seconds: float
    cpu_seconds: float  # CPU time of the same tagging: the per-core figure on a busy machine
    seen_in_training: int = 0  # test sentences the model was trained on: their scores are not held-out

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.scores.to_dict(),
            "sentences": self.sentences,
            "tokens": self.tokens,
            "tokens_per_second": round(self.tokens_per_second),
            "tokens_per_cpu_second": round(self.tokens / self.cpu_seconds) if self.cpu_seconds else 0,
            "load_seconds": round(self.load_seconds, 3),
            "sentences_seen_in_training": self.seen_in_training,
        }


def evaluate_ner(
    test_path: str | Path, predictions: str | Path | None = None, model_dir: str | Path | None = None
) -> NerEvalResult:
    sentences = read_conll(test_path)
    t0 = time.perf_counter()
    tagger = NerTagger(model_dir) if model_dir else default_tagger()
    load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    # The file is tagged as one document in order (as `qala extract` tags an article), so names are
    # made consistent across neighbouring sentences (qala.ner.consistency).
    pred, _scores = tagger.tag_document([s.tokens for s in sentences])
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    for s, p in zip(sentences, pred, strict=True):
        if len(p) != len(s.tokens):  # the contract of this command: one tag per given token
            raise RuntimeError(f"tagger returned {len(p)} tags for {len(s.tokens)} tokens")
    if predictions:
        write_conll(predictions, [s.tokens for s in sentences], pred)
    scores = score_spans([s.tags for s in sentences], pred)
    trained_on = tagger.trained_on()
    seen = sum(sentence_fingerprint(s.tokens) in trained_on for s in sentences)
    return NerEvalResult(scores, len(sentences), sum(len(s.tokens) for s in sentences), seconds, load, cpu, seen)
