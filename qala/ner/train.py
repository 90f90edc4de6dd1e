"""Training the CRF tagger (`qala train ner`): features, L-BFGS training, dev scores, model files.

The dev split is a contiguous block of sentences (`contiguous_split`), not random sentences:
ANERcorp sentences of one article share names, so a random split overstates accuracy on unseen
news. The split, seed and hyper-parameters are written into `meta.json` next to the model.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from qala.ner.conll import Sentence
from qala.ner.features import Featurizer, base_lexicons
from qala.ner.memory import MEMORY_FILE, build_memory
from qala.ner.scoring import SpanScores, score_spans
from qala.ner.tagger import ATTRIBUTES_FILE, FEATURE_VERSION, META_FILE, MODEL_FILE, NerTagger

# L-BFGS defaults tuned on the contiguous ANERcorp dev block (see README): c1 (L1) prunes the
# feature set and so keeps the model small; c2 (L2) smooths; past ~150 iterations dev F1 is flat.
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.01
DEFAULT_MAX_ITERATIONS = 150
# The training data is cut into this many parts for the jackknifed entity memory (qala.ner.memory):
# more parts = a memory closer to the full one, at no training cost (only dictionary building).
MEMORY_FOLDS = 4
# Features seen fewer times than this in training are dropped before training (size and noise).
MIN_FEATURE_FREQ = 1


@dataclass
class TrainResult:
    model_dir: Path
    train_sentences: int
    dev_sentences: int
    seconds: float
    dev: SpanScores | None


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
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    meta: dict[str, object] | None = None,
) -> TrainResult:
    """Train on `train_sents`, write the model to `out_dir`, score on `dev_sents` when given."""
    t0 = time.perf_counter()
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
        for sent in part:
            trainer.append(featurizer.sentence(sent.tokens), sent.tags)
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
    attributes = sorted({attr for attr, _label in reader.info().state_features})
    reader.close()
    (out / ATTRIBUTES_FILE).write_text("\n".join(attributes), encoding="utf-8")
    info: dict[str, object] = {
        "feature_version": FEATURE_VERSION,
        "algorithm": "crf-lbfgs",
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
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
