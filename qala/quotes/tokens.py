"""Tokens and quotation candidates shared by the cue readers (`extract.py`, `nominal.py`), with the
few bounds both use."""

from __future__ import annotations

from dataclasses import dataclass, field

from qala.text.normalize import norm

COMMAS = frozenset("،,؛;")
# عنه، منها، لذلك: a preposition with a pronoun, never a speaker phrase (وشرح منها، حسب ما ذكر عنه)
PRONOUN_PREPS = frozenset(norm(w) for w in ("منها", "منه", "عنه", "عنها", "لذلك"))
# How far after a cue the content may start: a long speaker phrase with appositions and a setting
# (وقال العميد ...، الناطق باسم ...، قائد ...، في حديث لـ...، إن) stays well under it.
MAX_TAIL_TOKENS = 28
# A speaker phrase read without a delimiter (stance verb + object) stops after this many words.
MAX_NP_TOKENS = 14
# Content read as a direct object must have at least this many words to be a statement.
MIN_OBJECT_TOKENS = 3


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    word: bool
    sent: int = 0
    line: int = 0


@dataclass(slots=True)
class Candidate:
    """A quotation found in the normalized text, before speaker resolution."""

    content: tuple[int, int]  # normalized char offsets
    type: str
    cue: tuple[int, int]  # normalized char offsets of cue .. introducer
    cue_tok: int
    speaker: list[int] = field(default_factory=list)  # token indices of the speaker phrase core
    gender: str | None = None
    plural: bool = False
    vso: bool = False  # the verb precedes its subject (gender agreement holds)
    cls: str = "say"
    how: str = "clause"  # clause | object | nominal | headline | trailing
    ambiguous: bool = False
    nested: bool = False
    speaker_words: list[str] | None = None  # overrides the tokens' text (لمركز → مركز)
