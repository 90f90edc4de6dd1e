"""The shipped CRF tagger: loaded once per process from `qala/data/models/ner/`, offline.

A model directory holds `model.crfsuite` (python-crfsuite), `meta.json` (feature version, training
split and dev scores) and optionally `clusters.tsv` (word → cluster id, learnt at train time).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from qala.errors import QalaError
from qala.ner.features import Featurizer, Lexicons, base_lexicons
from qala.text.normalize import norm

MODEL_FILE = "model.crfsuite"
META_FILE = "meta.json"
CLUSTERS_FILE = "clusters.tsv"
# Bumped when features change: a model trained with other features must not be used silently.
FEATURE_VERSION = 1


class ModelError(QalaError):
    code = "model_error"


def read_clusters(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, cluster = line.partition("\t")
        if word and cluster:
            out[norm(word)] = cluster
    return out


class NerTagger:
    """A loaded model plus its featurizer; `tag` returns one BIO tag per input token."""

    def __init__(self, model_dir: str | Path) -> None:
        d = Path(model_dir)
        model = d / MODEL_FILE
        if not model.exists():
            raise ModelError(f"no NER model at {model} (train one with `qala train ner`)")
        meta_path = d / META_FILE
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        version = self.meta.get("feature_version", FEATURE_VERSION)
        if version != FEATURE_VERSION:
            raise ModelError(f"{d}: model has feature version {version}, this qala expects {FEATURE_VERSION}")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model))
        self.featurizer = Featurizer(with_clusters(base_lexicons(), read_clusters(d / CLUSTERS_FILE)))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self.tagger.tag(self.featurizer.sentence(tokens)))

    def tag_with_scores(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags and each tag's marginal probability (the mention score)."""
        tags = self.tag(tokens)
        return tags, [self.tagger.marginal(t, i) for i, t in enumerate(tags)]


def with_clusters(lex: Lexicons, clusters: dict[str, str]) -> Lexicons:
    return replace(lex, clusters=clusters) if clusters else lex


def packaged_model_dir() -> Path:
    """The model directory inside the installed package (a real path: crfsuite opens files by name)."""
    res = resources.files("qala").joinpath("data", "models", "ner")
    path = Path(str(res))
    if path.is_dir():
        return path
    # zipped install: copy out once (resources.as_file would delete it when the context ends)
    tmp = Path(tempfile.mkdtemp(prefix="qala-ner-"))
    for name in (MODEL_FILE, META_FILE, CLUSTERS_FILE):
        item = res.joinpath(name)
        if item.is_file():
            (tmp / name).write_bytes(item.read_bytes())
    return tmp


@cache
def default_tagger() -> NerTagger:
    """The shipped model, loaded once per process."""
    return NerTagger(packaged_model_dir())
