"""Near-duplicate articles (the same wire copy republished by several outlets) with MinHash LSH.

datasketch computes the MinHash signatures and the LSH banding (bands × rows chosen for the
threshold); the band hashes are stored in the `document_bands` table so that candidates are found by
an indexed SQL lookup: incremental, shared by concurrent loaders, nothing held in memory.
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from qala.store.searchtext import words

NUM_PERM = 64  # signature length: ±0.06 error on the Jaccard estimate, 512 bytes per document
# Two copies of one wire story differ in dateline, outlet name, a re-written headline or a closing
# line; measured on word 3-shingles they stay above 0.5, while unrelated articles on the same topic
# share well under 0.2.
DUP_THRESHOLD = 0.5
SHINGLE = 3
# Too short to judge: a three-line brief shares most of its shingles with any other on its topic.
MIN_SHINGLES = 20
_SEED = 1


@cache
def _bands() -> tuple[int, int]:
    lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(text: str) -> np.ndarray | None:
    """MinHash of the word shingles of `text`, or None when it is too short to compare."""
    toks = words(text)
    shingles = {" ".join(toks[i : i + SHINGLE]).encode("utf-8") for i in range(max(0, len(toks) - SHINGLE + 1))}
    if len(shingles) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch(list(shingles))
    return mh.hashvalues


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, signed 64-bit hash) pairs: two documents sharing any pair are candidates."""
    b, r = _bands()
    out = []
    for band in range(b):
        digest = hashlib.blake2b(sig[band * r : (band + 1) * r].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)
