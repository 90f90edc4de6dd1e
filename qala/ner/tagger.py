"""The shipped CRF tagger: loaded once per process from `qala/data/models/ner/`, offline.

A model directory holds `model.crfsuite` (python-crfsuite), `meta.json` (feature version,
training split, hyper-parameters and dev scores), `attributes.txt` (the features it weighs) and
`memory.tsv` (the names annotated in its training data, see `qala.ner.memory`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from qala.errors import QalaError
from qala.ner.consistency import attach_kunya, propagate_names
from qala.ner.features import Featurizer, base_lexicons
from qala.ner.labels import BIO, BIOES, to_bio
from qala.ner.memory import MEMORY_FILE, EntityMemory

MODEL_FILE = "model.crfsuite"
META_FILE = "meta.json"
# The feature strings the model has weights for (written at train time: reading them back from the
# model with crfsuite's dump takes over a second, this file a few milliseconds).
ATTRIBUTES_FILE = "attributes.txt"
# Fingerprints of the training sentences (`qala.ner.conll.sentence_fingerprint`), one per line.
TRAINED_ON_FILE = "trained_on.txt"
# Bumped when features change: a model trained with other features must not be used silently.
FEATURE_VERSION = 4


class ModelError(QalaError):
    code = "model_error"


class NerTagger:
    """A loaded model plus its featurizer; `tag` returns one BIO tag per input token."""

    def __init__(self, model_dir: str | Path) -> None:
        d = Path(model_dir)
        self.model_dir = d
        model = d / MODEL_FILE
        if not model.exists():
            raise ModelError(f"no NER model at {model} (train one with `qala train ner`)")
        meta_path = d / META_FILE
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        version = self.meta.get("feature_version", FEATURE_VERSION)
        if version != FEATURE_VERSION:
            raise ModelError(f"{d}: model has feature version {version}, this qala expects {FEATURE_VERSION}")
        # models trained before BIOES have no label_scheme: their labels are BIO
        self.label_scheme = self.meta.get("label_scheme", BIO)
        if self.label_scheme not in (BIO, BIOES):
            raise ModelError(f"{d}: unknown label scheme {self.label_scheme!r}")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model))
        attrs = d / ATTRIBUTES_FILE
        known = frozenset(attrs.read_text(encoding="utf-8").split("\n")) if attrs.exists() else None
        self.featurizer = Featurizer(base_lexicons(), known, EntityMemory.load(d / MEMORY_FILE))

    def trained_on(self) -> frozenset[str]:
        """Fingerprints of the sentences this model was trained on (empty for models without the file)."""
        path = self.model_dir / TRAINED_ON_FILE
        return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()

    def _labels(self, tokens: Sequence[str]) -> list[str]:
        """The CRF's own labels (BIO or BIOES); marginals afterwards refer to this sentence."""
        if not tokens:
            return []
        return list(self.tagger.tag(self.featurizer.sentence(tokens)))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return to_bio(self._labels(tokens))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[list[float]]]:
        """Tags of each sentence of one document (or of a CoNLL file, in order), with names the CRF found
        once copied to their untagged occurrences nearby (`qala.ner.consistency`), and a score per token:
        the marginal probability of its CRF tag, or for a copied name the CRF's P(not O) there."""
        first: list[list[str]] = []
        tag_probs: list[list[float]] = []
        o_probs: list[list[float]] = []
        for tokens in sentences:
            labels = self._labels(tokens)
            first.append(to_bio(labels))
            tag_probs.append([self.tagger.marginal(t, i) for i, t in enumerate(labels)])
            o_probs.append([self.tagger.marginal("O", i) for i in range(len(labels))])
        final = attach_kunya(sentences, propagate_names(sentences, first, o_probs))
        scores = [
            [tp if f == t else 1.0 - op for f, t, tp, op in zip(fs, ts, tps, ops, strict=True)]
            for fs, ts, tps, ops in zip(first, final, tag_probs, o_probs, strict=True)
        ]
        return final, scores

    def tag_with_scores(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags and each tag's marginal probability (the mention score)."""
        labels = self._labels(tokens)
        return to_bio(labels), [self.tagger.marginal(t, i) for i, t in enumerate(labels)]


def packaged_model_dir() -> Path:
    """The model directory inside the installed package (a real path: crfsuite opens files by name)."""
    res = resources.files("qala").joinpath("data", "models", "ner")
    path = Path(str(res))
    if path.is_dir():
        return path
    # zipped install: copy out once (resources.as_file would delete it when the context ends)
    tmp = Path(tempfile.mkdtemp(prefix="qala-ner-"))
    for name in (MODEL_FILE, META_FILE, ATTRIBUTES_FILE, MEMORY_FILE, TRAINED_ON_FILE):
        item = res.joinpath(name)
        if item.is_file():
            (tmp / name).write_bytes(item.read_bytes())
    return tmp


@cache
def default_tagger() -> NerTagger:
    """The shipped model, loaded once per process."""
    return NerTagger(packaged_model_dir())
