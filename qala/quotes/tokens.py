"""Tokens and quotation candidates shared by the cue readers (`extract.py`, `nominal.py`), with the
few bounds both use, and the token-level readings that decide whether a cue word is a cue at all
(a noun: ألف طالب وطالبة) or hides inside an anonymity apposition («، فضل عدم ذكر اسمه،»)."""

from __future__ import annotations

from dataclasses import dataclass, field

from qala.quotes.lexicon import CueForm, QuoteLexicon, is_setting, lookup_cue
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
# «، طلب عدم الكشف عن هويته،» has five words after its verb; longer stretches are a clause.
MAX_ANONYMITY_WORDS = 6
# Endings of a cue form that, after a number, make it a counted noun (20 طالبا، 30 متهمين); a bare
# past form after a year is a verb (في 2019 أعلن الوزير).
_COUNTED_ENDINGS = ("ا", "ين", "ات")
# A topic cue's complement up to this long names what was talked about (تحدثت عن مشوارها وطموحاتها);
# a longer one has its own arguments and states something (تحدثت الصحافة عن صدمة السكان من … بسبب …).
MAX_TOPIC_WORDS = 6
# مشروع قرار جديد يدعو: an indefinite document noun and up to two more indefinite words before a
# verb that qualifies it (a relative clause); further back the verb has a subject of its own.
DOCUMENT_RELATIVE_REACH = 3
# كان + a subject of up to two words + its predicate (كان الشاب طالبا، كانت الطالبة الجديدة ...).
COPULA_REACH = 3
# How far after ختم/اختتم its closing phrase may stand (a subject of up to five words, حديثه، بالقول).
CLOSING_REACH = 8

# Prepositions: a word after one is its object (في بيان), and no name or cue.
# Normalized nisba adjectives (الأوروبي، الوطنية، النيابية): an organization's or a role's adjective.
NISBA_ENDINGS = ("ي", "يه", "يين", "يون")
# نقل عن فلان قوله: the relaying cue and the noun of saying that names what the source said.
RELAY_LEMMA = norm("نقل")
SAYING_STEM = norm("قول")
PREP_WORDS = frozenset(norm(w) for w in ("في", "من", "على", "عن", "إلى", "الى", "مع", "خلال", "عبر", "أمام", "لدى", "عند", "حول", "ضد", "منذ", "نحو", "قبل", "بعد", "بين", "أثناء", "وسط"))


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


def noun_reading(toks: list[Tok], i: int, prefixed: bool, lex: QuoteLexicon) -> bool:
    """The cue form at token i is a noun here, not a reporting verb: after a number, quantity word or
    preposition (ألف طالب، لكل طالب), as a predicate after كان (كان طالبا بكلية), or coordinated with
    its own feminine or plural (طالب وطالبة، طالبا وطالبات) — a verb never stands in these places."""
    w = toks[i].text
    stem = w[:-1] if w.endswith("ا") else w
    if i + 1 < len(toks) and toks[i + 1].text in ("و" + stem + "ه", "و" + stem + "ات"):
        return True
    if prefixed or i == 0 or toks[i - 1].sent != toks[i].sent:
        return False  # وطالب: the conjunction opens a new clause
    prev = toks[i - 1].text
    if prev in lex.before_noun or (prev[0].isdigit() and w.endswith(_COUNTED_ENDINGS)):
        return True
    # كان (الشاب) طالبا: an accusative predicate a few words after the copula, its subject between
    return w.endswith("ا") and any(toks[k].text in lex.copulas for k in range(max(0, i - COPULA_REACH), i) if toks[k].sent == toks[i].sent)


def document_relative(toks: list[Tok], i: int, prefixed: bool, lex: QuoteLexicon) -> bool:
    """The cue verb at token i qualifies an indefinite document noun before it (مشروع قرار يدعو إلى
    هدنة، مسودة اتفاق تطالب بـ): an Arabic relative clause describing the text, said by no one, so
    not a quotation. Statements and reports (بيان يؤكد، تقرير يحذر) are settings of speech and
    keep their reading; a definite subject (مشروع القرار يدعو) is a document that speaks."""
    if prefixed:
        return False  # ويدعو: a conjunction opens a new clause
    for k in range(i - 1, max(-1, i - 1 - DOCUMENT_RELATIVE_REACH), -1):
        t = toks[k]
        if not t.word or t.sent != toks[i].sent or t.text.startswith("ال") or t.text in lex.complementizers:
            return False
        bare = t.text[:-1] if t.text.endswith("ا") else t.text  # قرارا، مشروعا
        if (t.text in lex.document_heads or bare in lex.document_heads) and not is_setting(t.text):
            return True
    return False


def reply_reading(toks: list[Tok], i: int, send: int, lex: QuoteLexicon) -> tuple[CueForm, bool] | None:
    """ورد الوزير بأن / وردت قائلة: و + رد "replied" (not the written cue ورد "was mentioned") when
    what introduces speech (a complementizer, a colon, قائلا) follows before any other cue;
    وردا على سؤال "in reply to" and وردت أسماء "were mentioned" are no cue. `send` ends the sentence."""
    hit = lookup_cue(toks[i].text, skip_cls="written")
    if hit is None:
        return None
    for t in toks[i + 1 : min(send, i + 1 + MAX_TAIL_TOKENS)]:
        other = lookup_cue(t.text) if t.word else None
        if t.text in lex.complementizers or t.text == ":" or (other is not None and other[0].tense == "participle"):
            return hit
        if other is not None:
            return None
    return None


# و + a subject pronoun opens a circumstantial or descriptive clause (وهو يلوح بيده، وهو موظف متقاعد)
STATE_PRONOUNS = frozenset(norm(w) for w in ("وهو", "وهي", "وهم", "وهما", "وهن"))
MAX_DESCRIPTION_WORDS = 6  # «وهو موظف متقاعد في الستين» before the withholding verb


def anonymity_appositions(toks: list[Tok], lex: QuoteLexicon) -> dict[int, int]:
    """Opening comma → the token that ends «، فضل عدم ذكر اسمه،» (its closing comma or a
    complementizer right after it): an apposition between speaker and content that withholds the
    source's name, so neither its words nor its verb (ذكر) are speaker, content or cue."""
    out: dict[int, int] = {}
    for i in range(len(toks) - 2):
        if toks[i].text not in COMMAS:
            continue
        v = i + 1
        if toks[v].text in STATE_PRONOUNS:
            # «، وهو موظف متقاعد فضل عدم ذكر اسمه،»: the withholding verb ends a description
            v = next((x for x in range(v + 1, min(len(toks), v + 1 + MAX_DESCRIPTION_WORDS)) if toks[x].text in lex.anonymity_verbs or not toks[x].word), v)
        if toks[v].text not in lex.anonymity_verbs:
            continue
        for k in range(v + 1, min(len(toks), v + 1 + MAX_ANONYMITY_WORDS)):
            t = toks[k]
            if t.text in COMMAS or t.text in lex.complementizers:
                if any(toks[x].text.startswith(lex.anonymity_nouns) for x in range(v + 1, k)):
                    out[i] = k
                break
            if not t.word:
                break
    return out


def is_topic(toks: list[Tok], k: int, end: int, relatives: frozenset[str]) -> bool:
    """The complement from token k up to char `end` is a short noun phrase, a relative clause on it
    aside (عن روايتها الجديدة «…» التي صدرت أمس): a topic. Reads at most MAX_TOPIC_WORDS + 1 words."""
    words = 0
    while k < len(toks) and toks[k].start < end and toks[k].text not in relatives and words <= MAX_TOPIC_WORDS:
        words += toks[k].word
        k += 1
    return words <= MAX_TOPIC_WORDS


def phrase_length(toks: list[Tok], k: int, b: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens the first of `phrases` written at k (before b) covers; 0 when none is."""
    for p in phrases:
        if k + len(p) <= b and all(toks[k + j].text == w for j, w in enumerate(p)):
            return len(p)
    return 0


def closing_phrase_after(toks: list[Tok], i: int, lex: QuoteLexicon) -> bool:
    """A closing phrase (بالقول، قائلا) within CLOSING_REACH words after toks[i], before a comma:
    what makes a speech-ending verb (وختم الوزير حديثه بالقول إن) a reporting cue."""
    for k in range(i + 1, min(len(toks), i + 1 + CLOSING_REACH)):
        if not toks[k].word or toks[k].sent != toks[i].sent:
            return False
        if toks[k].text in lex.closing_phrases:
            return True
    return False
