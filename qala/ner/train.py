"""Training the CRF tagger (`qala train ner`): features, L-BFGS training, dev scores, model files.

The dev split is a contiguous block of sentences (`contiguous_split`), not random sentences:
ANERcorp sentences of one article share names, so a random split overstates accuracy on unseen
news. The split, seed and hyper-parameters are written into `meta.json` next to the model.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from qala.errors import QalaError
from qala.ner.bracketed import SUFFIX as BRACKETED_SUFFIX
from qala.ner.bracketed import read_bracketed
from qala.ner.conll import Sentence, read_conll, sentence_fingerprint
from qala.ner.features import Featurizer, base_lexicons
from qala.ner.harmonize import harmonize
from qala.ner.labels import BIOES, to_bioes
from qala.ner.memory import MEMORY_FILE, build_memory
from qala.ner.scoring import SpanScores, score_spans
from qala.ner.tagger import (
    ATTRIBUTES_FILE,
    FEATURE_VERSION,
    META_FILE,
    MODEL_FILE,
    TRAINED_ON_FILE,
    NerTagger,
)

# L-BFGS defaults tuned by 10-fold contiguous cross-validation on ANERcorp (pooled micro F1, see
# README): c1 (L1) prunes the feature set and so keeps the model small (0.02 / 0.05 / 0.1: 0.772 /
# 0.773 / 0.770); c2 (L2) smooths (0.01 → 0.05: 0.766 → 0.770 before the hand-written ORG/MISC
# lists; 0.05 / 0.1 with them: 0.773 / 0.772); past ~150 iterations dev F1 is flat.
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.05
DEFAULT_MAX_ITERATIONS = 150
# The training data is cut into this many parts for the jackknifed entity memory (qala.ner.memory):
# more parts = a memory closer to the full one, at no training cost (only dictionary building).
MEMORY_FOLDS = 4
# Features seen fewer times than this in training are dropped before training (size and noise).
MIN_FEATURE_FREQ = 1
# Each feature of an extra sentence (`--extra`) also fires with this prefix ("frustratingly easy domain
# adaptation", Daumé 2007): the plain weights learn what both corpora agree on, the prefixed copies absorb
# where the extra sentences' conventions differ (which organizations are names, where a name ends).
# Tagging never emits the prefix, so the model tags by the main corpus's conventions at no extra cost.
# Measured (pooled 10-fold contiguous micro F1, ANERcorp): 7,637 extra sentences 0.792 -> 0.800, 10,069
# sentences 0.792 -> 0.804 (without the offsets more sentences had stopped helping).
EXTRA_DOMAIN_PREFIX = "X|"


@dataclass
class TrainResult:
    model_dir: Path
    train_sentences: int
    dev_sentences: int
    seconds: float
    dev: SpanScores | None


def read_extra(paths: Sequence[str | Path]) -> list[Sentence]:
    """Extra training sentences (`--extra`): CoNLL files, inline-annotated `.txt` files
    (`qala.ner.bracketed`), or folders of either (read in name order)."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(f for f in path.iterdir() if f.suffix in (".txt", ".conll")) if path.is_dir() else [path]
    return [s for f in files for s in (read_bracketed(f) if f.suffix == BRACKETED_SUFFIX else read_conll(f))]


def contiguous_split(sentences: Sequence[Sentence], dev_fraction: float, dev_block: int) -> tuple[list[Sentence], list[Sentence]]:
    """Hold out the `dev_block`-th of 1/dev_fraction contiguous blocks (0 = first block)."""
    n = len(sentences)
    size = round(n * dev_fraction)
    start = min(dev_block * size, n - size)
    return list(sentences[:start]) + list(sentences[start + size :]), list(sentences[start : start + size])


def random_split(sentences: Sequence[Sentence], dev_fraction: float, seed: int) -> tuple[list[Sentence], list[Sentence]]:
    idx = list(range(len(sentences)))
    random.Random(seed).shuffle(idx)
    cut = round(len(idx) * dev_fraction)
    dev = set(idx[:cut])
    return [s for i, s in enumerate(sentences) if i not in dev], [s for i, s in enumerate(sentences) if i in dev]


def train(
    train_sents: Sequence[Sentence],
    out_dir: str | Path,
    dev_sents: Sequence[Sentence] = (),
    *,
    extra: Sequence[Sentence] = (),
    domain_offsets: bool = True,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    meta: dict[str, object] | None = None,
) -> TrainResult:
    """Train on `train_sents` (+ `extra`, brought to their conventions and, with `domain_offsets`, given
    features of their own: EXTRA_DOMAIN_PREFIX), write the model to `out_dir`, score on `dev_sents` when given."""
    t0 = time.perf_counter()
    n_main = len(train_sents)
    if extra:
        # their names enter the entity memory too (measured: 0.7891 pooled, 0.7868 without)
        train_sents = [*train_sents, *harmonize(extra, train_sents)]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    featurizer = Featurizer(base_lexicons())
    trainer = pycrfsuite.Trainer(verbose=False)
    # Jackknifed entity memory: each contiguous part is featurized with the memory of the others.
    parts = max(1, min(MEMORY_FOLDS, len(train_sents)))
    size = -(-len(train_sents) // parts)
    for k in range(parts):
        part = train_sents[k * size : (k + 1) * size]
        featurizer.memory = build_memory([*train_sents[: k * size], *train_sents[(k + 1) * size :]])
        for i, sent in enumerate(part, start=k * size):
            feats = featurizer.sentence(sent.tokens)
            if domain_offsets and i >= n_main:
                feats = [[*f, *(EXTRA_DOMAIN_PREFIX + a for a in f)] for f in feats]
            trainer.append(feats, to_bioes(sent.tags))
    build_memory(train_sents).save(out / MEMORY_FILE)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": MIN_FEATURE_FREQ,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out / MODEL_FILE))
    reader = pycrfsuite.Tagger()
    reader.open(str(out / MODEL_FILE))
    # the prefixed copies are never looked up when tagging: keep them out of the attribute list
    attributes = sorted({a for a, _label in reader.info().state_features if not a.startswith(EXTRA_DOMAIN_PREFIX)})
    reader.close()
    (out / ATTRIBUTES_FILE).write_text("\n".join(attributes), encoding="utf-8")
    fingerprints = sorted({sentence_fingerprint(s.tokens) for s in train_sents})
    (out / TRAINED_ON_FILE).write_text("\n".join(fingerprints) + "\n", encoding="utf-8")
    info: dict[str, object] = {
        "feature_version": FEATURE_VERSION,
        "algorithm": "crf-lbfgs",
        "label_scheme": BIOES,
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        **({"extra_domain_offsets": domain_offsets} if extra else {}),
        "train_sentences": len(train_sents),
        "train_tokens": sum(len(s.tokens) for s in train_sents),
        "dev_sentences": len(dev_sents),
        # dev scores are of the tagger as shipped: the CRF, then qala.ner.consistency over the dev file
        "dev_tagging": "crf + document consistency",
        **(meta or {}),
    }
    (out / META_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    dev_scores = None
    if dev_sents:
        tagger = NerTagger(out)
        pred, _scores = tagger.tag_document([s.tokens for s in dev_sents])
        dev_scores = score_spans([s.tags for s in dev_sents], pred)
        info["dev"] = dev_scores.to_dict()
        (out / META_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return TrainResult(out, len(train_sents), len(dev_sents), time.perf_counter() - t0, dev_scores)


@dataclass
class CrossValidation:
    """Held-out scores of one model per contiguous block (block k trained on all the others)."""

    blocks: list[SpanScores]

    def mean_f1(self) -> float:
        return statistics.fmean(b.micro.f1 for b in self.blocks)

    def stdev_f1(self) -> float:
        return statistics.stdev(b.micro.f1 for b in self.blocks) if len(self.blocks) > 1 else 0.0

    def pooled(self) -> SpanScores:
        """All blocks' counts added up: every sentence of the corpus scored once, by a model that never saw it."""
        total = SpanScores()
        for block in self.blocks:
            for typ, prf in block.per_type.items():
                total.per_type[typ].tp += prf.tp
                total.per_type[typ].fp += prf.fp
                total.per_type[typ].fn += prf.fn
        return total

    def to_dict(self) -> dict[str, object]:
        return {
            "folds": len(self.blocks),
            "split": "contiguous blocks of sentences, in file order",
            "mean_micro_f1": round(self.mean_f1(), 4),
            "stdev_micro_f1": round(self.stdev_f1(), 4),
            "pooled": self.pooled().to_dict(),
            "blocks": [b.to_dict() for b in self.blocks],
        }


def _train_block(
    sentences: Sequence[Sentence], folds: int, block: int, params: dict[str, float | bool], extra: Sequence[Sentence] = ()
) -> SpanScores:
    train_sents, dev_sents = contiguous_split(sentences, 1 / folds, block)
    with tempfile.TemporaryDirectory(prefix="qala-ner-cv-") as tmp:
        result = train(train_sents, tmp, dev_sents, extra=extra, **params)  # type: ignore[arg-type]
    assert result.dev is not None
    return result.dev


def cross_validate(
    sentences: Sequence[Sentence],
    folds: int = 10,
    *,
    workers: int | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    extra: Sequence[Sentence] = (),
    domain_offsets: bool = True,
    on_block: Callable[[int, SpanScores], None] | None = None,
) -> CrossValidation:
    """Train `folds` models, each with one contiguous block held out, and score each on its block.

    Why: one held-out block can be an easy or a hard stretch of news (on ANERcorp the last block,
    mostly sports, scores 0.08 F1 below the first); the spread over all blocks says how far a single
    figure can be trusted, and the pooled score covers every sentence. Blocks train in
    parallel processes (CRF training is single-threaded). `extra` sentences (`--extra`) are added to
    every block's training data and never scored: the estimate stays one of `sentences` alone."""
    if not 2 <= folds <= len(sentences):
        raise QalaError(f"--cross-validate must be between 2 and the number of sentences ({len(sentences)})")
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "domain_offsets": domain_offsets}
    results: dict[int, SpanScores] = {}
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        futures = {pool.submit(_train_block, sentences, folds, k, params, extra): k for k in range(folds)}
        for fut in as_completed(futures):
            k = futures[fut]
            results[k] = fut.result()
            if on_block is not None:
                on_block(k, results[k])
    return CrossValidation([results[k] for k in range(folds)])
