"""Where the subject of a cue verb is written: the speaker frames of quotation extraction.

Common news constructions put the subject somewhere other than right after the verb (أما X فقال،
كان X قد قال، لكنها حذرت، من جهته، أعرب X ...، وقال), or put a phrase there that is not the subject
(an adjunct, a manner phrase, an object). `extract.py` and `stage.py` call these on their tokens
(read through `TokenLike`). Split from `speaker.py` to keep both readable in one sitting; the
knowledge itself is data (`quote_speaker_frames.tsv`, loaded by `speaker.frames`). Imports point
one way: this module reads `speaker.py`'s name helpers, never the reverse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from qala.ner.stage import common_name_words
from qala.quotes.lexicon import lexicon, lookup_cue
from qala.quotes.marks import FAMILIES
from qala.quotes.speaker import (
    COMPOUND_NAME_ENDS,
    FEM_STATE_PARTICIPLE,
    KUNYA,
    MAX_NAME_TOKENS,
    NAME_PARTICLES,
    STATE_PARTICIPLE,
    frames,
    head_word,
    is_definite,
    name_at,
    speaker_kind,
    split_role_name,
    without_article,
)
from qala.quotes.tokens import COMMAS, NISBA_ENDINGS
from qala.text.normalize import norm


class TokenLike(Protocol):
    """What these functions read of an extractor token: normalized text, word or punctuation,
    sentence number."""

    @property
    def text(self) -> str: ...
    @property
    def word(self) -> bool: ...
    @property
    def sent(self) -> int: ...


_QAD = frozenset(norm(w) for w in ("قد", "لقد"))
_THEN = frozenset({"ثم"})  # ثم خرج المتحدث ليعلن: the clause's verb may follow "then"
_FA_QAD = frozenset(norm(w) for w in ("فقد", "فلقد"))
_APPOSITION_STARTS = frozenset(norm(w) for w in ("وهو", "وهي", "وهم", "وهما", "وهن"))
# How far back from a cue verb a construction is looked for: a fronted topic with an apposition
# (أما فلان، وهو عضو في اللجنة، فقال) or a perspective sentence's first clause (من جهته، رحب
# رئيس الوفد بنتائج الزيارة الأولى، وقال) stays well within it; the bound keeps a long sentence linear.
MAX_LOOKBACK_TOKENS = 40
# A fronted subject (the topic of أما, the subject of كان ... قد) is a noun phrase, with its
# appositions (أما مساعده في الجهاز الفني وزميله السابق في المنتخب فلان الفلاني: 10 words): longer
# is narration.
MAX_FRONTED_WORDS = 12
# A prepositional, attribution or time phrase between a cue and its content (في تقريره الفصلي،
# وفقا لمجلة «الشاشة» اللبنانية، ردا على سؤال حول الميزانية) is short; the bound keeps a run-on
# phrase from swallowing the subject after it.
MAX_ADJUNCT_WORDS = 8
# The subject read after the first verb of a perspective sentence (الوزير الكندي جون ...).
MAX_SUBJECT_WORDS = 6
# Adjectives after a manner noun (بصوت خافت حزين): two cover news usage and keep the look-ahead constant.
MAX_MANNER_ADJECTIVES = 2
# How far back a family name's first mention with its given name is looked for: a news article
# introduces its people in the first paragraphs; the bound keeps many cues linear.
FAMILY_NAME_LOOKBACK = 600
# A name word borne by at least this many people in name_units.tsv is read as a name, not as a
# glued preposition + noun (بلقاسم).
COMMON_NAME_COUNT = 20
# A sentence-opening adverbial before the first verb (في المقابل، من جهة أخرى،) is this short.
MAX_OPENER_WORDS = 3
MAX_FRONTED_TOPIC_WORDS = 5  # أما وزير المالية الأسبق خالد الربضي فـ…: the topic before its ف-verb
# The second word of a compound given name (عز الدين، نور الدين، صلاح الدين): a family name follows.
_DATELINE_DASHES = frozenset({"-", "–", "—"})
_DEMONSTRATIVE_HEADS = frozenset(norm(w) for w in ("هذا", "هذه", "تلك", "ذلك", "هؤلاء", "هذين", "هاتين"))


@dataclass(frozen=True, slots=True)
class Fronted:
    """A cue verb's subject written before it (`topic` أما X فقال, `auxiliary` كان X قد قال),
    carried by a particle's pronoun (`pronoun` لكنها حذرت: implicit, the range is the particle),
    or the subject of the sentence's first clause (`perspective` من جهته، أعرب X ...، وقال; `purpose`
    وعاد X ليؤكد)."""

    kind: str
    start: int
    end: int

    def subject(self) -> range:
        """Token indices of the speaker phrase (empty for a pronoun: resolve it like an implicit speaker)."""
        return range(0) if self.kind == "pronoun" else range(self.start, self.end)


def _match_before(toks: Sequence[TokenLike], end: int, lo: int, forms: dict[tuple[str, ...], tuple[str | None, bool]]) -> tuple[int, tuple[str | None, bool]] | None:
    """(start, agreement) of a multi-word form ending just before `end`, not before `lo`."""
    for n in (1, 2):
        a = end - n
        if a >= lo:
            agreement = forms.get(tuple(t.text for t in toks[a:end]))
            if agreement is not None:
                return a, agreement
    return None


def _starts_subject(w: str) -> bool:
    """A word that opens a speaker phrase: a title, role, given name, or source head."""
    lex = lexicon()
    bare = w[2:] if is_definite(w) else w
    return (
        w in lex.single_titles
        or w in lex.roles
        or bare in lex.roles
        or w in lex.sure_first_names
        or bare in lex.anonymous_heads
        or w in lex.anonymous_heads
        or w in lex.org_heads
        or bare in lex.org_heads
    )


def _noun_phrase(toks: Sequence[TokenLike], a: int, b: int) -> tuple[int, int] | None:
    """The subject noun phrase from toks[a] up to the first comma, without an apposition
    («نبيل القاسمي، وهو عضو في اللجنة،» → نبيل القاسمي); None when it is no plausible subject."""
    end = a
    while end < b and toks[end].text not in COMMAS:
        end += 1
    while end > a and not toks[end - 1].word and toks[end - 1].text not in FAMILIES:
        end -= 1
    n_words = sum(1 for t in toks[a:end] if t.word)
    if not n_words or n_words > MAX_FRONTED_WORDS:
        return None
    times = frames().times
    cut = next((k for k in range(a + 1, end) if toks[k].text in times), None)
    if cut is not None:
        end = cut  # وكان تقرير صادر عن وكالة دولية الشهر الماضي قد حذر: when, not who
    verb = next((k for k in range(a + 1, end) if lookup_cue(toks[k].text) is not None), None)
    if verb is not None:
        end = verb  # وكان تقرير حكومي نشر الشهر الماضي قد أفاد: a relative clause on the subject
    first, f = toks[a].text, frames()
    if not toks[a].word or first in f.prepositions or first in f.adverbials or first in lexicon().adjuncts or first in _APPOSITION_STARTS or lookup_cue(first) is not None:
        return None  # أما في الجنوب فقال، أما الآن فقال: a fronted place or time, not a subject
    if first.startswith(("بال", "لل")) and first not in lexicon().first_names:
        return None  # أما بالنسبة للأسعار
    return a, end


def _subject_after_verb(toks: Sequence[TokenLike], a: int, b: int) -> tuple[int, int] | None:
    """The subject right after a clause's verb (رحب الوزير الكندي بـ ...): a title, role, name
    or definite noun phrase, up to a preposition, a comma or an indefinite word that does not
    continue a name or a construct (وزير الخارجية)."""
    lex = lexicon()
    if a >= b or not toks[a].word or not (is_definite(toks[a].text) or _starts_subject(toks[a].text)):
        return None
    end = a
    while end < b and end - a < MAX_SUBJECT_WORDS and toks[end].word:
        w = toks[end].text
        if w in frames().prepositions or w in lex.complementizers or (end > a and lookup_cue(w) is not None):
            break
        prev = toks[end - 1].text if end > a else ""
        if end - 2 >= a and toks[end - 2].text in lex.sure_first_names and is_definite(prev) and is_definite(w):
            break  # حمل فلان الحمروني السياسات: after a given and a family name, the object
        # after "بن سالم" the father's name is given: an indefinite word next is no family name
        after_particle = end - 2 >= a and toks[end - 2].text in NAME_PARTICLES
        name_goes_on = (prev in lex.first_names and not after_particle) or prev in NAME_PARTICLES or prev in lex.single_titles
        construct = end + 1 < b and toks[end + 1].word and is_definite(toks[end + 1].text)
        of_the = w.startswith("لل") and len(w) > 3  # الأمين العام للاتحاد
        if end > a and not (is_definite(w) or of_the or w in lex.first_names or w in NAME_PARTICLES or name_goes_on or construct):
            break
        end += 1
    if end < b and toks[end].text in frames().prepositions:
        end = _name_after_attachment(toks, end, b) or end
    return (a, end) if end > a else None


def _name_after_attachment(toks: Sequence[TokenLike], k: int, b: int) -> int | None:
    """End of a name written after a role's prepositional attachment (نائب رئيس الغرفة في مدينة
    صور سمير الحاج), or None when no given name follows within a few words."""
    lex = lexicon()
    for j in range(k + 1, min(b, k + 1 + MAX_SUBJECT_WORDS)):
        t = toks[j]
        if not t.word or t.text in lex.complementizers or lookup_cue(t.text) is not None:
            return None
        if t.text in lex.sure_first_names:
            window = [x.text for x in toks[j : min(b, j + MAX_NAME_TOKENS)] if x.word]
            return j + len(name_at(window, 0))
    return None


def particle_start(toks: Sequence[TokenLike], i: int) -> int | None:
    """Where a pronoun-bearing particle written right before the verb at toks[i] (or before its
    قد or negation: لكنه لم يستبعد) starts: «، إلا أنه أكد» opens a new reporting clause, so the content before it ends there."""
    head = i - 1 if i >= 1 and (toks[i - 1].text in _QAD or toks[i - 1].text in lexicon().negations) else i
    lo = head
    while lo > 0 and toks[lo - 1].sent == toks[i].sent and head - lo < 2:
        lo -= 1
    found = _match_before(toks, head, lo, frames().anaphoric)
    return found[0] if found else None


def _ends_clause(t: TokenLike) -> bool:
    """A token a fronted subject cannot reach across: another verb of saying, a complementizer, or
    punctuation other than a comma or a quotation mark."""
    if not t.word:
        return t.text not in COMMAS and t.text not in FAMILIES and not t.text.isdigit()  # "الغرفة 7"
    return t.text in lexicon().complementizers or lookup_cue(t.text) is not None


def _relative_verb(toks: Sequence[TokenLike], k: int, lo: int) -> bool:
    """The verb at toks[k] opens a relative clause on the indefinite noun before it (تقرير حكومي
    نشر الشهر الماضي): Arabic writes no الذي after an indefinite antecedent."""
    if not toks[k].word or k - 1 < lo or not toks[k - 1].word:
        return False
    prev = toks[k - 1].text
    return not is_definite(prev) and lookup_cue(prev) is None and prev not in lexicon().complementizers


def fronted_subject(toks: Sequence[TokenLike], i: int) -> Fronted | None:
    """The subject of the cue verb at toks[i] when a construction writes it before the verb:
    أما X فقال / أما X فقد قال (topic), كان X قد قال (auxiliary), لكنها حذرت / إلا أنه أكد
    (pronoun), or, for a و-verb with nothing after it, the subject of the sentence's first verb
    after من جهته/من جانبه/بدوره when the pronoun agrees with the cue (perspective)."""
    f = frames()
    sent = toks[i].sent
    lo = i
    while lo > 0 and toks[lo - 1].sent == sent and i - lo < MAX_LOOKBACK_TOKENS:
        lo -= 1
    hit = lookup_cue(toks[i].text)
    # the word the construction attaches to: the verb, or قد/فقد or a negation (لكنه لم يستبعد)
    # written before it
    head = i - 1 if i - 1 >= lo and (toks[i - 1].text in _QAD | _FA_QAD or toks[i - 1].text in lexicon().negations) else i
    particle = _match_before(toks, head, lo, f.anaphoric)
    if particle is not None:
        return Fronted("pronoun", particle[0], head)
    fa = toks[head].text in _FA_QAD or (head == i and hit is not None and hit[1] and toks[i].text.startswith("ف"))
    if fa:
        for k in range(head - 1, lo - 1, -1):
            w = toks[k].text
            if w in f.topics:
                np = _noun_phrase(toks, k + 1, head)
                if np and toks[np[0]].text in f.pronouns:
                    return Fronted("pronoun", *np)  # أما هي فقالت: implicit
                return Fronted("topic", *np) if np else None
            if _ends_clause(toks[k]):
                break
        return None
    if head < i and toks[head].text in _QAD:
        for k in range(head - 1, lo - 1, -1):
            w = toks[k].text
            if w in f.auxiliaries:
                np = _noun_phrase(toks, k + 1, head)
                return Fronted("auxiliary", *np) if np else None
            if _ends_clause(toks[k]) and not _relative_verb(toks, k, lo):
                break
        return None
    if hit is not None and hit[1] and toks[i].text.startswith("و"):
        return _perspective_subject(toks, lo, i, hit[0].gender, hit[0].plural)
    if hit is not None and hit[1] and toks[i].text.startswith("ل") and i - 2 >= lo:
        return _purpose_subject(toks, lo, i, hit[0].gender)
    return None


def _purpose_subject(toks: Sequence[TokenLike], lo: int, i: int, gender: str) -> Fronted | None:
    """وعاد الوزير العماني ليؤكد أن / ثم خرجت المتحدثة لتعلن: a purpose لـ-cue right after the
    subject of its clause's first verb shares that subject."""
    k = lo
    while k < i - 1 and (not toks[k].word or toks[k].text in _THEN):
        k += 1
    verb = toks[k].text
    if k >= i - 1 or is_definite(verb) or lookup_cue(verb) is not None or _starts_subject(verb):
        return None
    if verb.endswith("ت") != (gender == "f"):
        return None  # the verb and the cue must agree (عادت الوزيرة لتؤكد)
    np = _subject_after_verb(toks, k + 1, i)
    return Fronted("purpose", *np) if np is not None and np[1] == i else None


def _perspective_subject(toks: Sequence[TokenLike], lo: int, i: int, gender: str, plural: bool) -> Fronted | None:
    """من جهته، أعرب الوزير عن تقديره ...، وقال: the first verb's subject, for a later و-cue
    of the same sentence whose number and gender agree with the perspective pronoun."""
    f = frames()
    if lo > 0 and toks[lo - 1].sent == toks[i].sent:
        return None  # the look-back bound cut the sentence: its start is unknown
    for n in (3, 2, 1):
        agreement = f.perspectives.get(tuple(t.text for t in toks[lo : lo + n]))
        if agreement is not None:
            break
    else:
        return _first_clause_subject(toks, lo, i, gender, plural)
    p_gender, p_plural = agreement
    if p_plural != plural or (not plural and p_gender != gender):
        return None
    verb = lo + n
    while verb < i and toks[verb].text in COMMAS:
        verb += 1
    if verb >= i or not toks[verb].word or is_definite(toks[verb].text) or _starts_subject(toks[verb].text):
        return None  # من جهته، الوزير ...: no verb first
    np = _subject_after_verb(toks, verb + 1, i)
    return Fronted("perspective", *np) if np else None


def never_subject(words: list[str], cls: str, before: str = "") -> bool:
    """The phrase after a cue verb is its object, never its subject: a relative clause (ونفى ما
    تردد عن، الذي)، or, after a call verb, a quantified noun (ودعت جميع الأطراف إلى، طالب كافة
    الجهات بـ) — but «كل من الوزير والنائب» coordinates subjects. `before` is the word right
    before the phrase (a short quantifier such as كل is not part of the phrase read)."""
    if not words:
        return False
    f = frames()
    if words[0] in f.objects:
        return True
    if cls == "call" and before in f.quantifiers:
        return True  # ودعت كل الفصائل
    return cls == "call" and words[0] in f.quantifiers and not (len(words) > 1 and words[1] == "من")


def demonstrative_opens_object(toks: Sequence[TokenLike], subject: Sequence[int], k: int) -> bool:
    """وصف حامد هذه الاتهامات بأنها: a demonstrative + definite noun after a name or a definite
    noun opens the object, the words before it are the subject. After an indefinite common noun it
    is a genitive (شرح سبب هذه الخطوة): the whole phrase is the object."""
    if not subject or toks[k].text not in _DEMONSTRATIVE_HEADS or k + 1 >= len(toks) or not toks[k + 1].word or not is_definite(toks[k + 1].text):
        return False
    lex = lexicon()
    words = [toks[x].text for x in subject if toks[x].word]
    return bool(words) and (any(w in lex.sure_first_names for w in words) or is_definite(words[0]) or words[0] in lex.single_titles)


def _manner_end(toks: Sequence[TokenLike], k: int, b: int) -> int:
    """End of a manner adjunct at toks[k] (بصوت متعب، بنبرة حازمة، بحزم، بكل وضوح) or of a
    circumstantial adverb (مبتسما، ضاحكا); k when none starts there."""
    f, lex = frames(), lexicon()
    w = toks[k].text
    if w in lex.first_names or w in lex.anonymous_heads or lookup_cue(w) is not None:
        return k  # مسؤولا، مصدرا: an accusative source, not a circumstantial participle
    state = w in f.states or bool(STATE_PARTICIPLE.match(w)) or (w.endswith("ه") and w[:-1] + "ا" in f.states)
    if not state and FEM_STATE_PARTICIPLE.match(w) and w not in lex.roles and (k + 1 >= b or not toks[k + 1].word):
        state = True  # وتعلق مبتسمة: «…»: a feminine participle alone before the content
    if not state and not (len(w) > 2 and w[0] in "بك" and w[1:] in f.manners):
        return k
    k += 1
    n = 0
    while k < b and n < MAX_MANNER_ADJECTIVES and toks[k].word and not state:
        a = toks[k].text
        nxt = toks[k + 1].text if k + 1 < b and toks[k + 1].word else ""
        # an adjective may also be a given name (بصوت متعب): a name only when a name goes on after it
        name_goes_on = a in lex.first_names and (is_definite(nxt) or nxt in lex.first_names or nxt in NAME_PARTICLES)
        if is_definite(a) or name_goes_on or (_starts_subject(a) and a not in lex.first_names) or a in f.prepositions or a in lex.complementizers or a in lex.adjuncts or lookup_cue(a) is not None:
            break
        k += 1  # متعب، حازمة، وضوح: an adjective or the noun after بكل
        n += 1
    return k


def without_leading_manner(toks: Sequence[TokenLike], speaker: list[int]) -> list[int]:
    """The speaker phrase without a manner adjunct read at its start («…»، قالت بصوت متقطع; قالت
    بنبرة حازمة الوزيرة): how the source spoke is never the source; empty when nothing else is left
    (the speaker is then implicit and carried)."""
    if not speaker:
        return speaker
    if toks[speaker[0]].text in _STATE_CLAUSE_PRONOUNS and speaker[0] > 0 and toks[speaker[0] - 1].word:
        return []  # وقال وهو يلوح بأوراقه: a circumstantial clause, the speaker is carried (after a
        # comma, قالت أم علي، وهي أم لأربعة أطفال, it is an apposition: repair_speaker_phrase)
    hit = lookup_cue(toks[speaker[0]].text) if len(speaker) == 1 else None
    if hit is not None and hit[0].tense == "participle" and not hit[1]:
        return []  # وأضاف متسائلا: how the source spoke; the speaker is carried
    end = _manner_end(toks, speaker[0], speaker[-1] + 1)
    return speaker if end == speaker[0] else [k for k in speaker if k >= end]


# و + a subject pronoun right after the cue opens a circumstantial clause (وقال وهو يبتسم).
_STATE_CLAUSE_PRONOUNS = frozenset(norm(w) for w in ("وهو", "وهي", "وهم"))
_HAKADHA = frozenset(norm(w) for w in ("هكذا", "وهكذا", "بهذه"))
# Words read in an apposition after the subject of a verb that follows a quotation («…»، هكذا لخص
# رئيس الوفد، وزير الدفاع السابق فلان،): a role and a name fit.
MAX_APPOSITION_WORDS = 8


def source_after_quote(toks: Sequence[TokenLike], lo: int, i: int, gender: str | None) -> list[int]:
    """The subject of a verb written right after a closing quotation mark and a comma («…»، هكذا لخص
    X موقفه / «…»، علق X), between toks[lo] and the implicit cue at toks[i]: the latest source the
    text introduced, whose words a following وأضاف carries even when the verb is no reporting cue.
    With an apposition that holds a given name (رئيس الوفد، الوزير فلان) the name is included. []
    when there is none or the verb disagrees in gender with the cue."""
    lex = lexicon()
    for k in range(i - 2, lo - 1, -1):
        if toks[k].text not in COMMAS or k == 0 or toks[k - 1].text not in FAMILIES:
            continue
        j = k + 1
        if j < i and toks[j].text in _HAKADHA:
            j += 1
        cue = lookup_cue(toks[j].text)
        if j + 1 >= i or not toks[j].word or (cue is not None and cue[0].lemma not in lex.closing_cues) or is_definite(toks[j].text) or _starts_subject(toks[j].text):
            return []  # a reporting cue is its own quotation (هكذا ختم X كلمته is not one); a noun is no verb
        if gender is not None and toks[j].text.endswith("ت") != (gender == "f"):
            return []
        np = _subject_after_verb(toks, j + 1, i)
        if np is None:
            return []
        out = [x for x in range(*np) if toks[x].word]
        end = np[1]
        if end < i and toks[end].text in COMMAS:
            stop = end + 1
            while stop < i and toks[stop].word and stop - end <= MAX_APPOSITION_WORDS:
                stop += 1
            apposition = list(range(end + 1, stop))
            if stop < i and toks[stop].text in COMMAS and any(toks[x].text in lex.sure_first_names for x in apposition):
                out += apposition  # رئيس الوفد، وزير الدفاع الأسبق عثمان ...,
        return out
    return []


def organization_end(toks: Sequence[TokenLike], k: int, limit: int) -> int:
    """End of an organization phrase headed at toks[k]: its genitive (after an indefinite head:
    كتلة التغيير) and nisba adjectives (النيابية); a later definite noun is a verb's object
    (انتقدت كتلة التغيير النيابية المعارضة التعديل)."""
    end = k + 1
    while end < limit and toks[end].word and is_definite(toks[end].text) and toks[end].sent == toks[k].sent:
        if (end > k + 1 or is_definite(toks[k].text)) and not toks[end].text.endswith(NISBA_ENDINGS):
            break
        end += 1
    return end


def participle_subject(toks: Sequence[TokenLike], i: int, gender: str, plural: bool) -> list[int]:
    """القاهرة – رفض المنتج فلان …، مؤكدا أن: a participle cue after a comma shares the subject of
    the verb that opens its sentence (after a dateline), like a coordinated و-cue; [] when none."""
    sent = toks[i].sent
    lo = i
    while lo > 0 and toks[lo - 1].sent == sent and i - lo < MAX_LOOKBACK_TOKENS:
        lo -= 1
    if lo > 0 and toks[lo - 1].sent == sent:
        return []  # the look-back bound cut the sentence: its start is unknown
    dash = next((k for k in range(lo, min(i, lo + MAX_OPENER_WORDS + 1)) if toks[k].text in _DATELINE_DASHES), None)
    if dash is not None and dash + 1 < i:
        lo = dash + 1  # القاهرة – : a dateline
    found = _first_clause_subject(toks, lo, i, gender, plural)
    return [k for k in found.subject() if toks[k].word] if found is not None else []


def _first_clause_subject(toks: Sequence[TokenLike], lo: int, i: int, gender: str, plural: bool) -> Fronted | None:
    """وصعد العمري إلى المنصة ...، وقال: a و-cue after a comma, in a sentence that opens with
    another (non-reporting) verb and its named subject, shares that subject: the person the
    sentence is about, not an older speaker (an unnamed role is left to the carried speaker). A family name alone (العمري) is the whole subject (what follows
    is the object: وتسلم العمري الجائزة)."""
    f, lex = frames(), lexicon()
    if plural or i - 1 <= lo or toks[i - 1].text not in COMMAS or not toks[lo].word:
        return None
    if toks[lo].text in f.prepositions:
        # في المقابل، لم يخف المدرب …، وقال: a short opening adverbial ends at its comma
        comma = next((k for k in range(lo + 1, min(i, lo + MAX_OPENER_WORDS + 1)) if toks[k].text in COMMAS), None)
        if comma is not None and comma + 1 < i:
            lo = comma + 1
    if toks[lo].text in lex.negations and lo + 1 < i:
        lo += 1  # لم يخف المدرب خيبة أمله، وقال: the negated verb opens the clause
    if toks[lo].text in f.topics:
        # أما الربضي فاكتفى بتصريح …، قال فيه: the topic is the subject of the ف-verb and of the cue
        fa = next((k for k in range(lo + 2, min(i, lo + MAX_FRONTED_TOPIC_WORDS + 2)) if toks[k].word and toks[k].text.startswith("ف") and len(toks[k].text) > 3), None)
        np = _noun_phrase(toks, lo + 1, fa) if fa is not None else None
        if np and toks[np[0]].text not in f.pronouns and (gender == "f") == toks[fa].text.endswith("ت"):
            return Fronted("topic", *np)
        return None
    verb = toks[lo].text
    bare = verb[1:] if verb[0] in "وف" and len(verb) > 3 else verb
    closed_class = f.prepositions | f.adverbials | f.times | f.topics | f.auxiliaries | f.pronouns | lex.adjuncts | lex.complementizers
    if len(bare) < 3 or is_definite(bare) or _starts_subject(bare) or bare in closed_class or verb in closed_class or bare.startswith(("بال", "لل")) or bare in lex.first_names:
        return None  # وفي الختام، وخلال الحفل، والوزير: no verb opens the sentence
    first_cue = lookup_cue(verb) or lookup_cue(bare)
    # (عبرت فلانة عن سعادتها بالخطوة، وقالت: a feeling expressed is narration, the cue after it speaks;
    # so is what was published: نشرت الهيئة النتائج، مؤكدة أن)
    if (first_cue is not None and first_cue[0].cls not in ("express", "post")) or any(k2 < i and toks[k2].text in COMMAS for k2 in range(lo, lo + 2)):
        return None  # a reporting verb first is a quotation of its own
    if (gender == "f") != bare.endswith("ت"):
        return None  # وصعدت الفنانة ...، وقال: the verbs disagree, two people
    np = _subject_after_verb(toks, lo + 1, i)
    if np is None:
        return None
    first = toks[np[0]].text
    if (first in lex.org_heads or without_article(first) in lex.org_heads) and (gender == "f") == first.endswith("ه"):
        # انتقدت كتلة الإصلاح النيابية المعارضة التعديل، وقالت: the organization, not the verb's object
        return Fronted("perspective", np[0], organization_end(toks, np[0], np[1]))
    if not any(toks[x].text in lex.sure_first_names for x in range(*np)) and not (is_definite(first) and not _starts_subject(first)):
        return None  # واستقبل الوزير الكندي الوفد، وقال: an unnamed role is left to the carried speaker
    if is_definite(first) and not _starts_subject(first) and first not in lex.single_titles:
        if not family_name_before(toks, np[0]):
            return None  # وشهد الحفل حضورا كبيرا: a thing, not the person who speaks next
        np = (np[0], np[0] + 1)  # وتسلم العمري الجائزة: the family name, then the object
    return Fronted("perspective", *np)


def family_name_before(toks: Sequence[TokenLike], k: int) -> bool:
    """toks[k] (العمري) was written right after a given name earlier (فهد العمري), within
    FAMILY_NAME_LOOKBACK tokens."""
    first_names = lexicon().first_names
    w = toks[k].text
    for j in range(k - 1, max(0, k - FAMILY_NAME_LOOKBACK), -1):
        if toks[j].text == w and (toks[j - 1].text in first_names or toks[j - 1].text in COMPOUND_NAME_ENDS or (j >= 2 and toks[j - 2].text in NAME_PARTICLES and toks[j - 1].word)):
            return True  # فهد العمري، عبد الحكيم العمري، عز الدين بلقاسمي
    return False


def adjunct_end(toks: Sequence[TokenLike], k: int, b: int) -> int:
    """End of the adjunct phrases starting at toks[k] (before `b`) between a cue and its content:
    prepositional phrases (في تقريره الفصلي، ردا على سؤال حول الميزانية), an attribution to an outlet
    (وفقا لمجلة «الشاشة» اللبنانية), chained; k itself when none starts there. None of them is the
    speaker: a subject after them (أكد في كلمته الوزير ...) starts where this returns."""
    f, lex = frames(), lexicon()
    start = k
    while k < b and toks[k].word:
        w = toks[k].text
        if (after := _manner_end(toks, k, b)) > k:
            k = after  # ويضيف بصوت متعب أنه، وقال مبتسما إن
            continue
        if w in f.attributions:
            k += 1  # up to the comma or the complementizer that ends it
            while k < b and toks[k].text not in COMMAS and toks[k].text not in lex.complementizers and k - start < MAX_ADJUNCT_WORDS * 2:
                k += 1
            continue
        if w in f.times:  # الأسبوع الماضي، مطلع الشهر الجاري، مساء الأحد
            k += 1
            while k < b and toks[k].word and (is_definite(toks[k].text) or toks[k].text in lex.adjuncts) and not _starts_subject(toks[k].text) and toks[k].text not in lex.single_titles:
                k += 1
            continue
        separate = w in f.prepositions
        glued = len(w) > 3 and w[0] in "لب" and (w[1:3] == "ال" or w[1] == "ل" or head_word([w[1:]]) in lex.org_heads | lex.document_heads) and w not in lex.first_names
        if glued and not separate and not w.startswith(("لل", "بال")) and (w in common_name_words(COMMON_NAME_COUNT) or family_name_before(toks, k)):
            break  # وقال بلعيد في كلمة: a name (frequent, or written earlier after its given name), not ب + لعيد
        if not (separate or glued) or (w == "علي" and k + 1 < b and toks[k + 1].text in lex.first_names):
            break
        k += 1
        if separate:  # the preposition's object
            if k >= b or not toks[k].word or toks[k].text in lex.complementizers:
                break
            k += 1
        definite_object = is_definite(toks[k - 1].text) or glued
        n = 0
        while k < b and n < MAX_ADJUNCT_WORDS:
            t = toks[k]
            if not t.word:
                if t.text not in FAMILIES:
                    break
                k += 1  # لمجلة «الشاشة»: the outlet's name inside marks
                continue
            w = t.text
            if w in f.prepositions or w in lex.complementizers or w in lex.adjuncts or w in lex.single_titles:
                break
            if w not in f.emphatics and not is_definite(w) and (definite_object or _starts_subject(w)):
                break  # في المؤتمر وزير ...، في وقت لاحق مصدر ...: the subject starts
            k += 1  # a genitive or an adjective (في المؤتمر الصحفي، في تقريره الفصلي)
            n += 1
    return k if k > start else start


def repair_speaker_phrase(toks: Sequence[TokenLike], cue: int, speaker: list[int]) -> list[int]:
    """Corrects two misreadings of the words after a cue verb: an apposition clause read as the
    speaker (قالت أم سعيد، وهي أرملة ...: the speaker is the name before «، وهي»), and a kunya
    cut to its second word (أم سعيد read as سعيد)."""
    while len(speaker) > 1 and toks[speaker[-1]].text in frames().emphatics:
        speaker = speaker[:-1]  # أما اللاعب نفسه فكتب: the emphatic is not part of the source
    if not speaker:
        return speaker
    first = speaker[0]
    if toks[first].text in _APPOSITION_STARTS and first - 1 > cue and toks[first - 1].text in COMMAS:
        before = list(range(cue + 1, first - 1))
        if before and len(before) <= MAX_NAME_TOKENS and all(toks[k].word and toks[k].sent == toks[cue].sent for k in before):
            return before
        return speaker
    if first - 1 > cue and toks[first - 1].text in KUNYA and toks[first - 1].sent == toks[first].sent:
        return [first - 1, *speaker]
    return speaker


def document_source(toks: Sequence[TokenLike], cue: int, author: list[int], author_words: list[str], document_heads: frozenset[str]) -> list[int]:
    """بحسب الوثيقة الفنية للمهمة: the ل-phrase after a document is its author only when it names an
    organization or a person; a bare definite noun (للمهمة، للمشروع) is what the document is about,
    and the source is the whole document phrase. Returns the source tokens (`author` unchanged
    when it is one)."""
    if not author or author[0] - 1 <= cue or len(author_words) != 1:
        return author
    w = author_words[0]
    if speaker_kind(author_words) != "person" or not is_definite(w) or w in lexicon().first_names:
        return author
    role, _name = split_role_name(author_words)
    head = toks[cue + 1].text
    if role or (head[2:] if is_definite(head) else head) not in document_heads:
        return author
    phrase = list(range(cue + 1, author[-1] + 1))
    if not all(toks[k].word and toks[k].sent == toks[cue].sent for k in phrase):
        return author
    return phrase
