"""Entity memory: the names annotated in the training data, as a gazetteer feature of the CRF.

Why: a CRF sees each word, but not that "البنك التجاري" as a whole was an ORG elsewhere; a span
memory gives it multi-word boundaries and types of names it has seen. Training uses jackknifing
(each half of the training data gets the memory of the other half), otherwise the feature would
be right by construction during training and over-trusted at test time. The shipped model carries
the memory of all its training sentences (`memory.tsv`: name, type, ratio).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qala.ner.clitics import strip_variants
from qala.ner.conll import Sentence, spans
from qala.text.normalize import norm

MEMORY_FILE = "memory.tsv"
# Names longer than this (in tokens) are not remembered: rare, and costly to look for.
MAX_MEMORY_WORDS = 5
# A remembered name that is an entity in fewer than this share of its occurrences is marked weak
# (e.g. a word that is usually a common noun): the CRF then weighs the two cases separately.
STRONG_RATIO = 0.5
# A name annotated with several types is strong only when one type has more than this share.
MAJORITY = 0.5


@dataclass
class EntityMemory:
    entries: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key → (type, strong)
    first: dict[str, int] = field(default_factory=dict)  # first word → longest name length

    def add(self, key: str, typ: str, strong: bool) -> None:
        words = key.split(" ")
        self.entries[key] = (typ, strong)
        self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def save(self, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write("name\ttype\tstrong\n")
            for key, (typ, strong) in sorted(self.entries.items()):
                f.write(f"{key}\t{typ}\t{int(strong)}\n")

    @classmethod
    def load(cls, path: Path) -> EntityMemory:
        mem = cls()
        if not path.exists():
            return mem
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            key, typ, strong = line.split("\t")
            mem.add(key, typ, strong == "1")
        return mem


def build_memory(sentences: Sequence[Sentence]) -> EntityMemory:
    """Names annotated in `sentences` with their majority type and how often they are entities."""
    types: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    normed = [[norm(t) for t in s.tokens] for s in sentences]
    for s, toks in zip(sentences, normed, strict=True):
        for a, b, typ in spans(s.tags):
            if b - a <= MAX_MEMORY_WORDS:
                types[tuple(toks[a:b])][typ] += 1
    lengths = {len(k) for k in types}
    seen: Counter[tuple[str, ...]] = Counter()
    for toks in normed:
        for n in lengths:
            for i in range(len(toks) - n + 1):
                gram = tuple(toks[i : i + n])
                if gram in types:
                    seen[gram] += 1
    mem = EntityMemory()
    for gram, counts in types.items():
        typ, count = counts.most_common(1)[0]
        total = sum(counts.values())
        strong = total / max(seen[gram], total) >= STRONG_RATIO and count / total > MAJORITY
        mem.add(" ".join(gram), typ, strong)
    # The same names without the proclitics of their first word (للبنك التجاري → البنك التجاري), unless
    # annotated in that form too.
    for key, (typ, strong) in list(mem.entries.items()):
        first, _, rest = key.partition(" ")
        for v in strip_variants(first)[1:]:
            variant = f"{v} {rest}" if rest else v
            if variant not in mem.entries:
                mem.add(variant, typ, strong)
    return mem
