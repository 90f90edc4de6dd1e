"""Quotation detection: cues, content boundaries and speaker phrases, over normalized tokens.

Everything runs on the normalized copy of the text (one regex pass to tokenize, dict lookups for
cues), then offsets are mapped back to the raw text. For each cue the words after it are read
left to right: speaker phrase (VSO) and adjuncts up to what introduces the content — a
complementizer (أن/إن/بأن), a colon, quotation marks, the verb's preposition (أشار إلى، دعا إلى),
or, for stance verbs, a direct object. Without words between cue and content the subject may
precede the cue (SVO) or be implicit (carried from an earlier quotation in `stage.py`). Content
runs to the end of the clause: a new cue (مضيفا، وأضاف), a trailing attribution (حسب قوله) or the
sentence end. Every loop is over tokens with bounded look-ahead, so time stays linear. Nominal cues
(بحسب، وفقا لـ) and headlines are read by the `NominalCues` mixin (`nominal.py`), speaker phrases
by the `SpeakerPhrases` mixin (`phrases.py`); tokens and candidates are defined in `tokens.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import islice

from qala.quotes.frames import (
    family_name_before,
    fronted_subject,
    participle_subject,
    particle_start,
)
from qala.quotes.lexicon import (
    CueForm,
    is_naming_word,
    is_post_place,
    is_setting,
    lexicon,
    lookup_cue,
    strip_prefix,
    trailing_nouns,
)
from qala.quotes.marks import FAMILIES, OPENERS, MarkSpan, pair_marks
from qala.quotes.nominal import NominalCues
from qala.quotes.phrases import (
    BUT_PRONOUN,
    CLAUSE_STARTS,
    RELATIVES,
    SETTING_PREPS,
    TELL_LEMMAS,
    SpeakerPhrases,
)
from qala.quotes.speaker import is_definite, without_article, without_li
from qala.quotes.tokens import (
    COMMAS,
    MAX_NP_TOKENS,
    MAX_TAIL_TOKENS,
    MAX_TOPIC_WORDS,
    MIN_OBJECT_TOKENS,
    NISBA_ENDINGS,
    PREP_WORDS,
    PRONOUN_PREPS,
    RELAY_LEMMA,
    SAYING_STEM,
    Candidate,
    Tok,
    anonymity_appositions,
    closing_phrase_after,
    document_relative,
    is_topic,
    noun_reading,
    reply_reading,
)
from qala.text.normalize import Normalized, norm

# Verbal nouns of derived verbs (انزلاق، ارتفاع، استمرار، تسجيل): an object, not a speaker.
MASDAR_RE = re.compile(r"^(?:ان..ا.|ا.ت.ا.|است..ا.|ت..ي.)$")
# إلغاء، إجراء، إغلاق (normalized الغاء): a form IV verbal noun; only read so right after a stance participle
FORM4_MASDAR_RE = re.compile(r"^ا..ا.$")
# وجود، هطول، حدوث، وصول (فُعول): a simple verb's noun; only read so as a stance cue's object
FUUL_MASDAR_RE = re.compile(r"^..و.$")
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|\S")
_SENT_END = frozenset(".!?؟…")
_PUNCT_TRIM = "،,؛;:.!?؟… \t\n-–"

# A quoted stretch with fewer words is a title or scare quote unless a cue introduces it.
MIN_QUOTED_WORDS = 3
# A comma-free stretch longer than this between a cue and its complementizer is content, not a
# speaker phrase (appositions between commas are short).
MAX_CHUNK_WORDS = 12
MIN_OBJECT_BEFORE_PARTICIPLE = 3  # subject + an object of two words before "، قائلا"
MAX_STATEMENT_LOOKBACK = 4  # بيانا على صفحتها نفت فيه: the statement noun this close before the verb
# A relative clause set off by commas between a cue's subject and its content (وأظهرت الدراسة، التي
# نشرت في ... وشملت ...، أن) is skipped up to this many tokens.
MAX_RELATIVE_CLAUSE_TOKENS = 30
# A place of posting written before a post cue (وعلى منصة إكس، كتب النائب ...) is looked for this far back.
MAX_FRONTED_PLACE_TOKENS = 6
# Quoted stretches examined inside one content to decide whether it is mixed.
MAX_SPANS_IN_CONTENT = 8
# Adjectives allowed between a feeling noun and its content (قلقه البالغ والعميق من أن): two
# cover news usage; the bound keeps the look-ahead constant.
MAX_FEELING_ADJECTIVES = 2

_N = norm
_BREAK_BEFORE = frozenset(_N(w) for w in ("حين", "فيما", "بينما", "كما", "ثم")) | BUT_PRONOUN
_THAT_WAS = frozenset({_N("وذلك")})
_EXPECT = frozenset({_N("توقع")})
_WISH = frozenset(_N(w) for w in ("لو", "لوأن"))
_WHILE = frozenset(_N(w) for w in ("خلال", "أثناء", "عقب", "لدى"))
_TO = frozenset(_N(w) for w in ("عن", "إلى", "الى"))
_MA = frozenset(_N(w) for w in ("ما", "مما", "بما", "عما"))
MAX_TIME_PHRASE_WORDS = 5  # في وقت سابق، في الأسبوع الماضي before the verb's own preposition
MAX_PLURAL_SUBJECT_LOOKBACK = 25  # tokens back from a plural participle to its verb's subject
MIN_PLURAL_SUBJECT_LETTERS = 5  # محتجون، عاملون (not كون، لون)
MAX_FEELING_TOPIC_WORDS = 1  # أبدوا قلقهم من القرار: what the feeling is about, no content
SENTENCE_STOPS = frozenset(".!?؟")
# closing phrases whose preposition introduces the content (وختم حديثه بالدعوة إلى …)
_CLOSING_CALLS = frozenset(_N(w) for w in ("بالدعوة", "بالمطالبة", "بالتحذير", "بالتشديد", "بدعوة", "بمطالبة", "بتحذير"))
# Subject pronouns of a nominal sentence (وهو طالب، وهي ناقدة): a cue spelling right after one is a noun.
# Words that make a following أن a time or manner clause (قبل أن، بعد أن، دون أن), never reported content.
_TEMPORAL_BEFORE_AN = frozenset(_N(w) for w in ("قبل", "بعد", "دون", "منذ", "حتى", "ريثما"))
_CONCESSIVE_BEFORE_AN = frozenset(_N(w) for w in ("رغم", "برغم", "ورغم"))  # رغم أن: "although", not a report
_PRONOUN_SUBJECTS = frozenset(_N(w) for w in ("هو", "هي", "وهو", "وهي", "فهو", "فهي"))
_SO = frozenset(_N(w) for w in ("هكذا", "وهكذا", "كذا"))
_POSSESSIVES = frozenset(("ه", "ها", "هم", "هما", "هن", "ي", "نا"))
_NOT_DOING = _N("عدم")
_CALLED_FOR = frozenset(_N("إلي" + s) for s in ("ه", "ها", "هم"))  # إضراب دعت إليه النقابة
_IN_IT = frozenset(_N(w) for w in ("فيه", "فيها"))  # a statement "in which" its issuer said
# A preposition with the pronoun that refers back to a relative clause's head (الذي دعت إليه).
_RESUMPTIVE_PREPS = frozenset(_N(p + s) for p in ("إلي", "علي", "عن", "ب", "ل", "في") for s in ("ه", "ها", "هم"))
_ANY = frozenset({_N("أي")})  # نافيا أي علاقة، مستبعدا أي تصعيد: "any" + a noun is a stance's object
_POST_PLACE_PREPS = frozenset(_N(w) for w in ("على", "وعلى", "في", "وفي", "عبر", "وعبر"))
_WITH_THESE = frozenset(_N(w) for w in ("بهذه", "وبهذه", "بهذا", "وبهذا"))  # + الكلمات، العبارة، الكلام


class Extractor(SpeakerPhrases, NominalCues):
    """Finds quotation candidates in one normalized document text."""

    def __init__(self, text: str, normalized: Normalized | None = None) -> None:
        self.text = text
        # the raw text behind `text`, for spellings normalization merges (تدعى "is named" / تدعي "claims")
        self.normalized = normalized
        self.lex = lexicon()
        self.toks = self._tokenize(text)
        self.sent_end = self._sentence_ends()
        self.cue_at: dict[int, tuple[CueForm, bool]] = {}
        # sentence → subject of a bare-object verb read as no quotation (انتقد X القرارات، معتبرا أن):
        # the subject of the participle cue that follows it in that sentence
        self.bare_subject: dict[int, tuple[str | None, list[int]]] = {}
        # «، فضل عدم ذكر اسمه،»: skipped between speaker and content; its ذكر is no cue
        self.anonymity = anonymity_appositions(self.toks, self.lex)
        hidden = {k for a, b in self.anonymity.items() for k in range(a, b)}
        for i, t in enumerate(self.toks):
            if t.word and i not in hidden:
                hit = lookup_cue(t.text)
                if hit is not None and self._surface(t) in self.lex.not_cue_spellings:
                    hit = None  # ممرضة تدعى هالة: "is named", not the cue تدعي "claims"
                if hit is not None and hit[0].lemma in self.lex.closing_cues and not closing_phrase_after(self.toks, i, self.lex):
                    hit = None  # ختم الوفد زيارته / هكذا ختم X كلمته: narration, not "ختم حديثه بالقول"
                if hit is not None and hit[0].tense == "participle" and self._opens_quotation(i):
                    hit = None  # قدمت "مقترحات عملية": a quoted noun, never the narrator's adverbial participle
                if hit is not None and i > 0 and self.toks[i - 1].text == _NOT_DOING:
                    hit = None  # التي فضلت عدم ذكر اسمها: a verbal noun negated, not a verb
                if hit is not None and hit[0].ambiguous and self._given_name_after_title(i):
                    hit = None  # وقالت الوزيرة أمل الخطيب: the given name أمل, not the verb "hoped"
                if hit is not None and hit[0].cls == "written" and not self._written_source_after(i):
                    hit = reply_reading(self.toks, i, self.sent_end[t.sent], self.lex)  # ورد الوزير بأن
                # كتب/نشر without a place of posting are narration (or nouns: كتب "books"): never a cue
                if hit is not None and (hit[0].cls != "post" or self._post_place_after(i)) and not noun_reading(self.toks, i, hit[1], self.lex) and not document_relative(self.toks, i, hit[1], self.lex):
                    self.cue_at[i] = hit
        self.spans = self._mark_spans()
        self.span_at_open = {s.open: s for s in self.spans}
        self.span_at_close = {s.close: s for s in self.spans if s.close is not None}
        self._span_opens = [s.open for s in self.spans]
        self._tok_starts = [t.start for t in self.toks]
        self._next_stop: list[int] | None = None
        # words the article writes right after a given name or a cue verb (بلقاسم in نادية بلقاسم،
        # وقالت بلقاسم): evidence of a name, so "الوزيرة بلقاسم" is title + name while
        # "الوزيرة فرض غرامات" is a subject and its object
        self.name_evidence = {self.toks[k + 1].text for k in range(len(self.toks) - 1) if (self.toks[k].text in self.lex.first_names or k in self.cue_at) and self.toks[k + 1].word}
        self._word_prefix = [0]
        for t in self.toks:
            self._word_prefix.append(self._word_prefix[-1] + t.word)

    def _surface(self, t: Tok) -> str:
        """A token as the article spells it (its normalized form when the raw text is unknown)."""
        nz = self.normalized
        return t.text if nz is None else nz.raw[nz.to_raw(t.start) : nz.to_raw_end(t.end)]

    # -- layout ----------------------------------------------------------------------------

    @staticmethod
    def _tokenize(text: str) -> list[Tok]:
        toks: list[Tok] = []
        newlines = [m.start() for m in re.finditer("\n", text)]
        sent = 0
        for m in TOKEN_RE.finditer(text):
            s, e = m.span()
            w = m.group()
            line = bisect_right(newlines, s)
            if toks and toks[-1].line != line:
                sent += 1
            toks.append(Tok(s, e, w, w[0].isalpha(), sent, line))
            if w in _SENT_END and Extractor._ends_sentence(text, s, toks):
                sent += 1
        return toks

    @staticmethod
    def _ends_sentence(text: str, i: int, toks: list[Tok]) -> bool:
        after = text[i + 1] if i + 1 < len(text) else " "
        prev = toks[-2].text if len(toks) > 1 else ""
        if after.isspace() or after in "\"'”»’›)":
            return not (len(prev) <= 1 and prev.isalpha())  # د. م. (abbreviations)
        # "للمدينة.وقال": a full stop glued to the next word between two real words
        if after.isalpha() and len(prev) >= 3 and prev.isalpha():
            j = i + 1
            while j < len(text) and text[j].isalpha():
                j += 1
            return j - (i + 1) >= 3
        return False

    def _sentence_ends(self) -> list[int]:
        """sent_end[s] = index just after the last token of sentence s."""
        if not self.toks:
            return []
        ends = [0] * (self.toks[-1].sent + 1)
        for i, t in enumerate(self.toks):
            ends[t.sent] = i + 1
        return ends

    def _mark_spans(self) -> list[MarkSpan]:
        """Quotation spans, paired within stretches split where a sentence opens with a و-cue."""
        spans: list[MarkSpan] = []
        toks = self.toks
        if not toks:
            return spans
        seg_start = 0
        for i in range(1, len(toks) + 1):
            boundary = i == len(toks) or toks[i].line != toks[i - 1].line
            if not boundary and toks[i].sent != toks[i - 1].sent:
                hit = self.cue_at.get(i)
                boundary = hit is not None and hit[1] and hit[0].tense != "participle"
            if boundary:
                lo, hi = toks[seg_start].start, toks[i - 1].end
                if any(toks[k].text in FAMILIES for k in range(seg_start, i)):
                    spans.extend(pair_marks(self.text, lo, hi))
                seg_start = i
        return spans

    def tok_index(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self._tok_starts, char)

    def words_in(self, a: int, b: int) -> int:
        """Number of words between two character offsets (prefix sums: O(log n))."""
        return self._word_prefix[self.tok_index(b)] - self._word_prefix[self.tok_index(a)]

    # -- cues ------------------------------------------------------------------------------

    def is_breaking(self, k: int) -> bool:
        """A cue at token k starts a new quotation, ending the content of the previous one."""
        hit = self.cue_at.get(k)
        toks = self.toks
        prev = toks[k - 1] if k > 0 else None
        if hit is None:
            base = strip_prefix(toks[k].text)[-1] if toks[k].word else ""
            if base in self.lex.nominal or toks[k].text in self.lex.nominal:
                rule = k + 2 < len(toks) and toks[k + 1].text == "ما" and toks[k + 2].text in self.lex.rule_verbs
                return prev is not None and prev.text in COMMAS and not rule  # وفق ما ينص عليه: part of the content
            return False
        form, prefixed = hit
        if form.cls == "written" and not self._written_source_after(k):
            return False
        if form.ambiguous or form.cls == "praise":
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            if nxt not in self.lex.complementizers and nxt != ":":
                return False
        if form.tense == "participle":
            if prefixed or prev is None or not prev.word:
                return True
            # إصابة مؤكدة بالحمى: a participle glued to a noun is its adjective, not a new cue —
            # unless what introduces reported content follows at once (... مضيفا أن); after
            # أن + its subject it is the predicate (أن الحكومة مطالبة بـ)
            if k >= 2 and toks[k - 2].text in self.lex.complementizers:
                return False
            return self._introduces_content(k + 1, form)
        if prev is not None and prev.text in self.lex.negations and (prev.text[0] in "وف" or (k >= 2 and toks[k - 2].text in COMMAS)):
            return True  # ...، ولم يستبعد أن / ...، لم يستبعد: a negated cue opens its own clause
        # ...، إلا أنه أكد / غير أنها حذرت: a pronoun-bearing particle opens a new clause (frames.py)
        return prefixed or (prev is not None and (prev.text in COMMAS or prev.text in _BREAK_BEFORE)) or particle_start(toks, k) is not None

    def _introduces_content(self, k: int, form: CueForm) -> bool:
        """Token k opens reported content right after a cue: a complementizer, a colon, an opening
        quotation mark or the cue's own preposition (مشيرا إلى)."""
        if k >= len(self.toks):
            return False
        t = self.toks[k]
        return t.text in self.lex.complementizers or t.text == ":" or t.start in self.span_at_open or (t.word and t.text in form.preps)

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for i, (form, prefixed) in self.cue_at.items():
            if form.cls == "praise":
                continue
            cand = self._verb_cue(i, form, prefixed)
            if cand is not None and not self._quoted_words_cue(cand):
                out.append(cand)
                self.bare_subject.pop(self.toks[i].sent, None)  # a later participle refers to this cue
                if (first := self._first_part(cand)) is not None:
                    out.append(first)
        for i, t in enumerate(self.toks):
            if t.word and (t.text in self.lex.nominal or strip_prefix(t.text)[-1] in self.lex.nominal):
                cand = self._nominal_cue(i)
                if cand is not None and not self._quoted_words_cue(cand):
                    out.append(cand)
        out.extend(self._headlines())
        return out

    def _first_part(self, cand: Candidate) -> Candidate | None:
        """«لم نطلب المستحيل»، يقول العبيدي، «بل تطبيق الاتفاق»: a quotation split by its cue. The
        cue introduces the second part; the first, closed right before it, is the same speaker's."""
        if cand.type != "direct" or cand.how == "trailing" or not cand.speaker:
            return None
        i = cand.cue_tok
        between = self.text[cand.cue[1] : cand.content[0]]
        if between.strip(" ،,\u00ab\u00bb\u201c\u201d\"") or not self.text[cand.cue[0] : cand.cue[1]].rstrip().endswith(("،", ",", ":")):
            return None  # only a comma between the cue phrase and the second part
        before = self._mark_before(i)
        if before is None or before.end >= cand.content[0]:
            return None
        return replace(cand, content=(before.start, before.end), how="trailing")

    def _quoted_words_cue(self, cand: Candidate) -> bool:
        """The cue lies between closed quotation marks: the quoted person's own words ("لم توقع على
        أي وثيقة" — توقع "sign"), not a new quotation, unless it names who speaks (first names)."""
        if cand.type == "direct" or self.text[cand.cue[1] - 1] == ":" or any(self.toks[k].text in self.lex.first_names for k in cand.speaker):
            return False  # its own marks or colon (يقول: "...") make it a quotation: the marks around were mispaired
        at = self.toks[cand.cue_tok].start
        first = bisect_right(self._span_opens, at)
        for s in reversed(self.spans[max(0, first - MAX_SPANS_IN_CONTENT) : first]):
            if s.close is not None and s.open < at < s.close and self.words_in(s.start, s.end) >= MIN_QUOTED_WORDS:
                return True
        return False

    def _opens_quotation(self, i: int) -> bool:
        """toks[i] is glued to a quotation mark before it that opens (a space or the line start before
        the mark): the word is the first of a quotation."""
        toks = self.toks
        if i == 0 or toks[i - 1].text not in FAMILIES or toks[i - 1].end != toks[i].start:
            return False
        return toks[i - 1].text in OPENERS or i == 1 or toks[i - 2].end < toks[i - 1].start

    def _given_name_after_title(self, i: int) -> bool:
        """toks[i] is a given name (quote_first_names.txt) right after a role, a title or a cue verb."""
        toks, lex = self.toks, self.lex
        if i == 0 or toks[i].text not in lex.first_names or not toks[i - 1].word or toks[i - 1].sent != toks[i].sent:
            return False
        prev = toks[i - 1].text
        return prev in lex.roles or without_article(prev) in lex.roles or prev in lex.single_titles or (i - 1) in self.cue_at

    def _plural_subject_before(self, i: int) -> list[int]:
        """A plural participle after a comma (، مطالبين بـ) whose sentence has no named subject: the
        nearest sound masculine plural in the nominative (-ون) written right after a verb earlier in the
        sentence (منع محتجون من أبناء المنطقة …) is who speaks; with its partitive من + noun."""
        toks, lex = self.toks, self.lex
        if i < 2 or toks[i - 1].text not in COMMAS:
            return []
        sent = toks[i].sent
        for k in range(i - 2, max(0, i - 2 - MAX_PLURAL_SUBJECT_LOOKBACK), -1):
            t = toks[k]
            if t.sent != sent or (k in self.cue_at and self.cue_at[k][0].tense != "participle"):
                return []  # another verb of saying has its own subject (ناقلات النفط is a noun)
            w = without_article(t.text)
            if not (t.word and w.endswith("ون") and len(w) >= MIN_PLURAL_SUBJECT_LETTERS and w[0] not in "يتسن" and w not in lex.un_singulars):
                continue
            prev = toks[k - 1] if k else None
            if prev is None or not prev.word or prev.text in PREP_WORDS or is_definite(prev.text):
                return []
            out = [k]
            if k + 2 < i and toks[k + 1].text == "من" and toks[k + 2].word:
                out += [k + 1, k + 2]
                if k + 3 < i and toks[k + 3].word and is_definite(toks[k + 3].text):
                    out.append(k + 3)  # محتجون من أبناء المنطقة
            return out
        return []

    def _at_clause_start(self, i: int) -> bool:
        """toks[i] opens a clause: first in its sentence, or after punctuation, a clause opener, a
        relative, a complementizer or an adjunct; a negation with و/ف opens it too (ولم يستبعد أن)."""
        toks, lex = self.toks, self.lex
        prev = toks[i - 1] if i > 0 and toks[i - 1].sent == toks[i].sent else None
        if prev is None or not prev.word or prev.text in CLAUSE_STARTS or prev.text in RELATIVES or prev.text in lex.complementizers or prev.text in lex.adjuncts:
            return True
        return prev.text in lex.negations and prev.text[0] in "وف"

    def _verb_cue(self, i: int, form: CueForm, prefixed: bool) -> Candidate | None:
        toks, lex = self.toks, self.lex
        send = self.sent_end[toks[i].sent]
        prev = toks[i - 1] if i > 0 and toks[i - 1].sent == toks[i].sent else None
        base = strip_prefix(toks[i].text)[-1]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # narration: يذكر أن، ويشار إلى أن، يعتقد أنه (no subject, a complementizer right after)
        narration = base in lex.narration or toks[i].text in lex.narration
        if narration and nxt is not None and (nxt.text in lex.complementizers or nxt.text in _TO):
            return None
        if form.cls == "written" and (not self._written_source_after(i) or (prev is not None and prev.text in _MA)):
            return None  # جاء ذلك خلال، جاء القرار بعد أن، بما ورد في الاتفاق: narration, not a document speaking
        participle = form.tense == "participle"
        at_clause_start = self._at_clause_start(i)
        if form.ambiguous and not at_clause_start:
            return None  # بين الطرفين، من بين الأسباب: the preposition, not the verb
        if form.cls == "call" and i + 1 < send and toks[i + 1].text in _CALLED_FOR:
            return None  # إضراب دعت إليه النقابة: what was called for comes before the verb
        if form.cls == "continue" and form.tense == "present" and not prefixed and not at_clause_start:
            return None  # أن المتهمين يتابعون من أجل: "are prosecuted for", not "he goes on"
        strict = prev is not None and prev.text in _MA  # وفق ما أعلنه، مما يدعو: an attribution, not a cue
        if participle and not (prev is None or not prev.word or prefixed):
            if form.gender == "f" and prev.text.endswith("ه") and not is_definite(prev.text) and prev.text not in lex.first_names:
                return None  # عودة لافتة إلى الملاعب: a feminine noun's adjective, glued to it
            strict = True  # نتائج مؤكدة: a participle used as an adjective
            if i >= 2 and toks[i - 2].text in lex.complementizers:
                return None  # أن الحكومة مطالبة بـ: the predicate of أن's subject, not a cue
        if i + 1 < send and toks[i + 1].text in _WISH:
            return None  # تمنى لو كان والده حاضرا: a wish, not reported speech
        if prev is not None and prev.text in lex.negations and form.lemma in _EXPECT:
            return None  # لم تتوقع يوما أن تصعد: what was not expected, not what was said
        intro = self._find_intro(i, form, send)
        if intro is not None and intro[0] == "mark" and toks[intro[1] - 1].word and any(toks[x].text in COMMAS for x in range(i + 1, intro[1])):
            before = self._mark_before(i)
            if before is not None and self._opens_sentence(before):
                # «…»، قالت فلانة، الفائزة عن دورها في مسرحية "…": a title named in the apposition is
                # no content (a second part after a comma, «…»، قال، «…», still is)
                intro = None
        if form.lemma == RELAY_LEMMA and intro is not None and intro[0] != "comp" and not any(toks[x].text == "عن" or toks[x].text.startswith(SAYING_STEM) for x in range(i + 1, intro[1])):
            return None  # نقلت أبناءها إلى المدارس: moved, not relayed (نقل عن فلان قوله)
        if prev is not None and prev.text in _PRONOUN_SUBJECTS and not participle and (intro is None or intro[0] not in ("comp", "colon", "mark")):
            return None  # وهو طالب في السنة الثالثة: a noun predicate (طالب "student"), not the verb
        if intro is not None and intro[0] in ("prep", "prefprep") and not participle and intro[1] > i + 1 and not self._region_is_np(i + 1, intro[1]):
            intro = None  # أكدت البلدية إصلاح العطل ... على: the preposition belongs to the content
        if strict and (intro is None or intro[0] not in ("comp", "colon", "mark", "prep") or (intro[1] != i + 1 and participle)):
            return None
        if prev is not None and (prev.text in lex.negations or prev.text in lex.irrealis) and intro is not None and intro[0] in ("prep", "prefprep") and not (intro[1] + 1 < send and toks[intro[1] + 1].text in lex.complementizers):
            return None  # لم تكشف الشركة عن أسماء المستثمرين، أن تكشف عن خططها: a negated or expected cue with only its complement says nothing
        if form.ambiguous and (intro is None or intro[0] not in ("comp", "colon", "prep")):
            return None
        if (
            form.cls == "narrate"
            and intro is not None
            and intro[0] == "comp"
            and any((toks[k].text in RELATIVES or toks[k].text in CLAUSE_STARTS) and toks[k - 1].text not in COMMAS for k in range(i + 1, intro[1]))
            and not any(is_naming_word(toks[k].text) for k in range(i + 1, intro[1]))
        ):
            return None  # ويحكي الفيلم الذي كان مقررا أن ...، يحكون قصتهم إذ إنه: a story, not a report
            # (a person's relative clause before a naming apposition, or set off by commas, is no
            # story: وروى أحد السكان الذين أجلوا، ويدعى فلان، أنه ...; تروي أم محمد، التي عادت …، أن)
        if form.cls in ("written", "post") and (intro is None or intro[0] not in ("comp", "colon", "mark")):
            return None
        if form.cls == "express" and not self._feeling_has_content(self._feeling_at(intro, send), send):
            return None  # أعرب عن قلقه البالغ / عبروا الحدود: a feeling without content, or not the verb
        cand = Candidate((0, 0), "indirect", (toks[i].start, toks[i].end), i, cls=form.cls, gender=form.gender, plural=form.plural, ambiguous=form.ambiguous)
        svo = [] if prefixed or participle else self._svo_subject(i)
        if form.cls == "post" and not (prefixed or at_clause_start or svo):
            return None  # في مقابلة نشرت على موقعها أن: a passive in a relative clause, not the verb
        # أما X فقال، كان X قد قال، لكنها قالت، من جهته أعرب X ...، وقال (frames.py)
        fronted = None if participle else fronted_subject(toks, i)
        if fronted is not None and fronted.kind != "perspective":
            svo = [k for k in range(fronted.start, fronted.end) if toks[k].word]
        if intro is None:
            object_ok = (form.cls in ("stance", "call") and form.lemma not in lex.no_bare_object and not form.pronoun_object) or (form.lemma == _N("قال") and form.tense == "past")
            obj_at = self._skip_adjuncts(i + 1, send)  # ، مستبعدا في الوقت ذاته إلغاء …: a masdar object after a comma
            masdar_object = participle and form.cls == "stance" and prev is not None and not prev.word and obj_at < send and (
                MASDAR_RE.match(toks[obj_at].text)
                or FORM4_MASDAR_RE.match(toks[obj_at].text)
                or toks[obj_at].text in lex.masdar_objects  # نافيا وجود أي خلاف
                or FUUL_MASDAR_RE.match(toks[obj_at].text)  # متوقعا هطول أمطار
                or (toks[obj_at].text in _ANY and obj_at + 1 < send and toks[obj_at + 1].word)  # مستبعدا أي تصعيد
            )
            closed_mark = None if masdar_object else self._mark_before(i)
            if closed_mark is not None:
                cand.content = (closed_mark.start, closed_mark.end)
                cand.type = "direct"
                cand.how = "trailing"
                cand.speaker = self._np(i + 1, send, form)
                cand.vso = True
                return cand
            if form.lemma in lex.no_bare_object and not participle and not (svo and toks[svo[0] - 1].text in lex.complementizers):
                # لكنه انتقد الجدولة، معتبرا: the particle's pronoun is the subject, carried (none here)
                carried = fronted is not None and fronted.kind == "pronoun"
                self.bare_subject[toks[i].sent] = (form.gender, [] if carried else svo or self._np(i + 1, send, form, strict_names=True))
            # أصدرت بيانا على صفحتها نفت فيه مسؤوليتها: a statement "in which" its issuer denied
            in_statement = i + 1 < send and toks[i + 1].text in _IN_IT and any(is_setting(toks[x].text) for x in range(max(0, i - MAX_STATEMENT_LOOKBACK), i))
            if not object_ok or (participle and not masdar_object) or not (at_clause_start or prefixed or svo or participle or in_statement):
                return None
            if prev is not None and prev.text in lex.irrealis:
                return None  # على أن يعلن عنها لاحقا: something expected, its object no reported content
            if prev is not None and prev.text in RELATIVES and i + 1 < send and toks[i + 1].text in _RESUMPTIVE_PREPS:
                return None  # الإضراب الذي دعت إليه النقابة: a relative clause about the thing called for
            if i + 1 < send and toks[i + 1].text in PRONOUN_PREPS:
                return None  # وقد يعلن عنها قبل العيد: "it will be announced", nothing reported
            np = [] if svo or masdar_object or in_statement else self._np(i + 1, send, form, strict_names=True)
            if np and (MASDAR_RE.match(toks[np[0]].text) or toks[np[0]].text in lex.masdar_objects):
                np = []  # وتوقعت ارتفاع الأسعار: the object follows the verb, the subject is implicit
            if np and self._object_not_subject(np, form, svo):
                np = []  # وتوقع الحكومة ...: a feminine noun after a masculine verb is its object
            if np and form.plural:
                np = []  # فيما استبعدوا مشاركة …: a verb written plural has a pronoun subject; the noun is its object
            start = (np[-1] + 1) if np else self._skip_adjuncts(i + 2 if in_statement else i + 1, send)
            after_np = (np[-1] + 1) if np else i + 1
            if after_np < send and toks[after_np].text in lex.idiom_objects:
                return None  # وقال الطقس كلمته: an idiom, not speech
            start = self._skip_adjuncts(start, send)
            # أعلنت الهدنة في أبريل: an object never starts with a preposition (but دعت في وقت سابق
            # إلى …: a time phrase, then the verb's own preposition)
            own_prep_next = any(toks[x].text in form.preps for x in range(start + 1, min(send, start + MAX_TIME_PHRASE_WORDS)))
            if not np and start < send and toks[start].text in PREP_WORDS and toks[start].text not in form.preps and toks[start].text != "علي" and not own_prep_next:
                return None
            # stop counting at MIN_OBJECT_TOKENS: counting to the sentence end made a long sentence quadratic
            if sum(1 for _ in islice((k for k in range(start, send) if toks[k].word), MIN_OBJECT_TOKENS)) < MIN_OBJECT_TOKENS:
                return None
            cand.speaker = np
            cand.how = "object"
            content_tok = start
        else:
            kind, k = intro
            content_tok = k + 1
            if participle:
                gender, subject = self.bare_subject.pop(toks[i].sent, (None, []))
                cand.speaker = subject if gender == form.gender else []  # كشفت الفحوص …، داعيا: another subject
                if not cand.speaker and not subject:
                    cand.speaker = participle_subject(toks, i, form.gender, form.plural)
                if not cand.speaker and not subject and form.plural and form.gender != "f":
                    cand.speaker = self._plural_subject_before(i)  # بعدما منع محتجون …، مطالبين
                if kind in ("prep", "prefprep") and k > i + 1 and form.cls in ("call", "stance") and not (k + 1 < send and toks[k + 1].text in lex.complementizers):
                    content_tok = i + 1  # داعيا السائقين إلى ...: the object is part of the content
                    kind = "object"
            elif form.cls == "written":
                cand.speaker = self._document_phrase(i + 2, k)  # جاء في «منطوق الحكم» أن
                self._document_author(cand)  # جاء في بيان لمكتب رئيس الوزراء أن: the office speaks
            elif form.frame == "object" and not form.pronoun_object and kind in ("prep", "prefprep", "comp"):
                if (obj := self._object_start(i + 1, k)) is None:
                    return None  # اتهم بالفساد: no object, a passive without an accuser
                cand.speaker = self._clean_region(i + 1, obj, form)
                content_tok, kind = obj, "object"  # واتهم X الجيش بـ: the object is part of the content
            else:
                cand.speaker = self._clean_region(i + 1, k, form)
                if cand.speaker and toks[cand.speaker[0]].text in lex.document_heads:
                    # وذكر بيان لوزارة الخارجية أن، وحذر تقرير للبنك الدولي من أن: the author speaks
                    doc = cand.speaker
                    if len(doc) == 1:
                        cand.speaker = self._document_phrase(doc[0], k)
                    self._document_author(cand)
                    if cand.speaker_words is None:
                        cand.speaker = doc
                if form.cls == "call" and kind in ("prep", "prefprep") and toks[i + 1].text in _IN_IT and k > i + 2:
                    cand.speaker = []  # أصدرت بيانا دعت فيه المديرين إلى: the addressees; the issuer speaks
                    content_tok, kind = i + 2, "object"
                elif form.cls == "call" and kind in ("prep", "prefprep") and (obj := self._call_object(cand.speaker)) is not None:
                    cand.speaker = [x for x in cand.speaker if x < obj]
                    content_tok, kind = obj, "object"  # ودعا الاتحاد الجماهير إلى: the object is part of the content
            if kind in ("mark", "feeling", "prefprep"):
                content_tok = k
            elif kind == "prep" and content_tok < send and toks[content_tok].text in lex.complementizers:
                content_tok += 1
            elif kind == "colon" and content_tok < send and toks[content_tok].text in lex.complementizers:
                content_tok += 1  # وقال: إن ...
            cand.cue = (toks[i].start, toks[content_tok - 1].end if content_tok > i + 1 else toks[i].end)
        if cand.speaker and (form.cls in ("call", "stance") or form.lemma in TELL_LEMMAS) and self._object_not_subject(cand.speaker, form, svo):
            cand.speaker = []  # ووصف الخطة بأنها، دعت المواطنين إلى: the verb's object, not its subject
        cand.vso = bool(cand.speaker)
        if not cand.speaker and fronted is not None:
            cand.speaker = [k for k in fronted.subject() if toks[k].word]  # none for a pronoun
            cand.vso = bool(cand.speaker)  # a subject before its verb agrees with it in full
        elif not cand.speaker and svo:
            cand.speaker = svo
        if not cand.speaker and not participle and not prefixed and prev is not None and prev.text in COMMAS:
            # أما الربضي فاكتفى بتصريح …، قال فيه: the subject of the sentence's first verb
            cand.speaker = participle_subject(toks, i, form.gender, form.plural)
        if not cand.speaker and not participle and not prefixed:
            cand.speaker = self._name_earlier_in_sentence(i)
        if cand.speaker and toks[cand.speaker[-1]].text == "ما":
            cand.speaker = []  # احتجاجا على ما تقول إنه: ما is what is said; the subject is implicit
        if cand.speaker and self._evidence(cand.speaker[0]):
            owner = self._evidence_owner(cand.speaker)
            if not owner:
                return None  # وأكدت نتائج التصويت تقارب المواقف: evidence, not a source
            cand.speaker = owner  # وتشير أرقام المنظمة الدولية للهجرة إلى أن: the owner of the figures
        multi = intro is not None and intro[0] == "colon"
        words = {toks[k].text for k in cand.speaker}
        content = self._content(content_tok, send, multi, words)
        if content is None:
            return None
        if form.frame == "topic" and intro is not None and intro[0] in ("prep", "prefprep") and toks[content_tok - 1].text not in lex.complementizers and is_topic(toks, content_tok, content[0][1], RELATIVES):
            # تحدثت فيه عن مشوارها وطموحاتها: what was talked about, not what was said; but in ورد على
            # سؤال الصحفي: «...» the words after the colon are
            colon = next((k for k in range(content_tok, send) if toks[k].text == ":" and toks[k].start < content[0][1]), None)
            # وردت فلانة على ذلك بالقول إن ...: the words after "saying that" are what was said
            said = next((k + 1 for k in range(content_tok, min(send - 1, content_tok + MAX_TOPIC_WORDS)) if toks[k].text in lex.closing_phrases and toks[k + 1].text in lex.complementizers), None)
            if colon is not None:
                content = self._content(colon + 1, send, True, words)
            elif said is not None:
                content = self._content(said + 1, send, False, words)
            else:
                content = None
            if content is None:
                if cand.speaker:
                    self.bare_subject[toks[i].sent] = (form.gender, cand.speaker)  # ورد الوزير على X قائلا:
                return None
        cand.content, cand.type = content
        return cand

    def _find_intro(self, i: int, form: CueForm, send: int) -> tuple[str, int] | None:
        """What introduces the content after cue i: (kind, token index) or None."""
        toks, lex = self.toks, self.lex
        j = i + 1
        limit = min(send, i + 1 + MAX_TAIL_TOKENS)
        chunk = 0  # words since the last comma: a long stretch is content, not a speaker phrase
        while j < limit:
            t = toks[j]
            txt = t.text
            if txt in _CLOSING_CALLS and form.lemma in lex.closing_cues:
                # وختم الجمال حديثه بالدعوة إلى إنشاء مخزون، بدعوة أنصاره إلى التوجه: the call is the content
                prep = next((x for x in range(j + 1, min(send, j + 3)) if toks[x].text in PREP_WORDS), None)
                if prep is not None and all(toks[x].word for x in range(j + 1, prep)):
                    return ("closing", prep)
            if txt in lex.complementizers and txt != "لان":
                if toks[j - 1].text in _TEMPORAL_BEFORE_AN:
                    return None  # يبلغ عدد الإصابات ذروته قبل أن يبدأ: a time clause, not reported content
                if j > i + 1 and strip_prefix(toks[j - 1].text)[-1] in lex.narration:
                    return None  # أعلنت … في مشروع يرتقب أن يستكمل: the narration's أن, not the cue's
                if toks[j - 1].text in _CONCESSIVE_BEFORE_AN:
                    j += 1  # يقول الطبيب، الذي انضم إلى الوقفة رغم أن الإضراب لا يشمله: "although"
                    continue
                return ("comp", j)
            if txt in COMMAS:
                chunk = 0
                if j in self.anonymity:  # قال مصدر، فضل عدم ذكر اسمه، إن: on to what ends it
                    j = self.anonymity[j]
                    continue
                close = self._relative_close(j, send) if j > i + 1 and toks[j - 1].word else None
                if close is not None:
                    # وأظهرت الدراسة، التي نشرت في ... وشملت ...، أن: a relative clause set off by commas
                    limit = min(send, limit + close - j)
                    j = close
                    continue
            elif t.word:
                # في مؤتمر صحفي عقده مساء السبت عقب …: a setting's description is neither speaker nor content
                # (a given name ends a long role description: الخبير في … والأستاذ بالمعهد … كريم العلوي أن)
                chunk = 0 if (is_setting(txt) and toks[j - 1].text in SETTING_PREPS) or txt in lex.sure_first_names else chunk + 1
                if chunk > MAX_CHUNK_WORDS:
                    return None
            if txt == ":":
                return ("colon", j)
            span = self.span_at_open.get(t.start)
            if span is not None:
                short = self.words_in(span.start, span.end) < MIN_QUOTED_WORDS
                after_l = toks[j - 1].text in ("ل", "لـ")
                # وقال رئيس "جمعية الشفافية"، فلان، إن: a role in construct with a quoted name
                # (منظمة "عدالة بلا حدود": an organization's name after its head word)
                named = (toks[j - 1].text in lex.roles or toks[j - 1].text in lex.org_heads) and not is_definite(toks[j - 1].text)
                if not short and not after_l and not named:
                    return ("mark", j)
                j = self.tok_index(span.end) + 1
                continue
            if form.cls == "express" and t.word:
                if self._feeling(txt) and (form.lemma == _N("ابدي") or toks[j - 1].text == "عن"):
                    return ("feeling", j)
            elif t.word and txt in form.preps:
                if (form.lemma == RELAY_LEMMA and txt == "عن") or toks[j - 1].text in lex.issuer_links:
                    chunk = 0  # نقلت وكالة الأنباء … عن المتحدث … قوله: the outlet, then the speaker
                    j += 1  # كشف تقرير صادر عن المكتب ... أن: the issuer's عن, not the cue's
                    continue
                return ("prep", j)
            # في بيان، في بلاغ: after a preposition the word is its object, not بـ + a noun
            elif t.word and len(txt) > 3 and txt[0] in form.preps and txt not in lex.first_names and txt not in lex.org_heads and txt != "باسم" and toks[j - 1].text not in PREP_WORDS and ((j == i + 1 and (form.frame != "object" or form.pronoun_object)) or (j == i + 2 and toks[i + 1].text in _IN_IT) or txt[1:].startswith("ال") or txt[1] in "ات" or self._np_closed(i + 1, j)):
                if j > i + 1 and any(toks[x].text in form.preps and len(toks[x].text) > 1 for x in range(j + 1, limit)):
                    j += 1  # دعا المكتب الإقليمي لشرق المتوسط ... الحكومات إلى: the glued لـ is a genitive
                    continue
                return ("prefprep", j)
            # a post verb inside the tail is a passive or relative (في مقابلة نُشرت على موقع ...)
            if form.cls in ("stance", "call") and j in self.cue_at and self.cue_at[j][0].tense == "participle" and toks[j - 1].text in COMMAS and self.words_in(toks[i].end, toks[j - 1].start) >= MIN_OBJECT_BEFORE_PARTICIPLE:
                return None  # لم يستبعد رئيس الحكومة إجراء تعديل، قائلا إن: the object is one quotation, قائلا opens another
            other_cue = j > i + 1 and j in self.cue_at and txt not in lex.adjuncts and self.cue_at[j][0].cls not in ("praise", "post")
            other = self.cue_at[j][0] if other_cue else None
            if other is not None and other.ambiguous and any(is_setting(toks[x].text) for x in range(max(i + 1, j - 2), j)):
                other_cue = False  # كتب في رسالة عبر حسابه: the message went "through", not the verb عبر عن
            attribution = toks[j - 1].text in _MA and strip_prefix(toks[j - 2].text)[-1] in lex.nominal
            if other_cue and toks[j - 1].text not in RELATIVES and not attribution:
                return None  # another cue takes over (not وفق ما نقلت عنه الوكالة: an attribution)
            j += 1
        return None

    def _call_object(self, region: list[int]) -> int | None:
        """Where the object starts in the words between a call verb and its preposition, when they
        are a definite head noun (an organization, a role), its nisba adjectives, then another
        definite noun: ودعت النقابة العمال إلى → النقابة | العمال; الاتحاد الأوروبي الدول → the
        adjective stays with the subject. None when the words are one phrase."""
        toks, lex = self.toks, self.lex
        if len(region) < 2 or region[-1] - region[0] != len(region) - 1:
            return None
        head = toks[region[0]].text
        if head not in lex.first_names and is_definite(toks[region[1]].text) and family_name_before(toks, region[0]):
            return region[1]  # ودعا زهران المستهلكين إلى، ودعا الحاج المؤسسات: a family name the article gave, then the object
        if not is_definite(head) and head in lex.org_heads:
            # ودعت هيئة الدفاع المدني الطرفين إلى، لجنة حماية الصحفيين السلطات: the construct chain ends
            # at its first definite word
            genitive = next((n for n, x in enumerate(region) if is_definite(toks[x].text)), None)
            if genitive is None or any(toks[x].text in lex.first_names or not toks[x].word for x in region[1:genitive]):
                return None
            return self._object_after_genitive(region[genitive + 1 :])
        if not is_definite(head) or not (head[2:] in lex.org_heads or head[2:] in lex.roles or head in lex.roles):
            return None
        # الأمين العام للحزب الأعضاء: the subject runs through its genitive لل-, the object follows it
        rest = region[1:]
        of_the = [n for n, x in enumerate(rest) if toks[x].text.startswith("لل")]
        if of_the:
            rest = rest[of_the[-1] + 1 :]
            if rest and is_definite(toks[rest[0]].text) and not toks[rest[0]].text.endswith(NISBA_ENDINGS):
                return rest[0]
            return None
        for x in rest:
            w = toks[x].text
            if is_definite(w) and (w[2:] in lex.roles or w[2:] in lex.org_heads):
                return x  # وطالب الوالي الحكومة بـ: a definite noun is no genitive of a definite head
            if not is_definite(w) or w in lex.roles:
                return None  # a name or a role in the construct state (وزير): one phrase
            if not w.endswith(NISBA_ENDINGS):
                return x
        return None

    def _object_after_genitive(self, rest: list[int]) -> int | None:
        """The object after an organization's name in the construct state, given the words after its
        genitive: nisba adjectives (المالية والاقتصادية) and a place (في مجلس الأمة) belong to the
        name; the definite noun after them is the object."""
        toks = self.toks

        def adjective(x: int) -> bool:
            w = toks[x].text
            w = w[1:] if w.startswith("وال") else w
            return is_definite(w) and w.endswith(NISBA_ENDINGS)

        while rest and adjective(rest[0]):
            rest = rest[1:]
        if len(rest) >= 3 and toks[rest[0]].text == "في" and not is_definite(toks[rest[1]].text) and is_definite(toks[rest[2]].text):
            rest = rest[3:]  # في مجلس الأمة
            while rest and adjective(rest[0]):
                rest = rest[1:]
        if rest and is_definite(toks[rest[0]].text) and not adjective(rest[0]):
            return rest[0]
        return None

    def _relative_close(self, j: int, send: int) -> int | None:
        """The comma closing a relative clause that opens after the comma at j (، التي نشرت ...،),
        if it closes within MAX_RELATIVE_CLAUSE_TOKENS and holds no cue or complementizer."""
        toks = self.toks
        if j + 1 >= send or toks[j + 1].text not in RELATIVES:
            return None
        for k in range(j + 2, min(send, j + 2 + MAX_RELATIVE_CLAUSE_TOKENS)):
            if toks[k].text in COMMAS:
                return k
            if k in self.cue_at or toks[k].text in self.lex.complementizers or toks[k].text == ":":
                return None
        return None

    def _written_source_after(self, i: int) -> bool:
        """جاء في البيان، ورد في نص القرار: في + a statement or document noun follows the cue."""
        toks, lex = self.toks, self.lex
        if i + 2 >= len(toks) or toks[i + 1].text != "في":
            return False
        w = toks[i + 2].text
        bare = w[2:] if is_definite(w) else w
        return is_setting(w) or bare in lex.document_heads

    def _post_place_after(self, i: int) -> bool:
        """كتب الوزير على صفحته في فيسبوك: a place of posting follows the cue before what
        introduces the content (bounded look-ahead), or opens the cue's clause (وعلى منصة إكس، كتب)."""
        toks, lex = self.toks, self.lex
        place = False
        for k in range(i - 1, max(-1, i - 1 - MAX_FRONTED_PLACE_TOKENS), -1):
            t = toks[k]
            if t.sent != toks[i].sent or k in self.cue_at or t.text in lex.complementizers:
                break
            place = place or (t.word and is_post_place(t.text))
            if place and t.text in _POST_PLACE_PREPS:
                return True  # وعلى منصة "إكس"، كتب
        for k in range(i + 1, min(self.sent_end[toks[i].sent], i + 1 + MAX_TAIL_TOKENS)):
            t = toks[k]
            if t.text in lex.complementizers or t.text == ":" or t.text in FAMILIES:
                return False
            if t.word and is_post_place(t.text):
                return True
        return False

    def _document_phrase(self, a: int, b: int) -> list[int]:
        """The document a written cue names (جاء في تقرير أولي لمصالح البناء أن): the words after
        في up to a comma, a relative clause or a time adjunct; the document is the speaker."""
        toks, lex = self.toks, self.lex
        out: list[int] = []
        for k in range(a, min(b, a + MAX_NP_TOKENS)):
            t = toks[k]
            if not t.word:
                if t.text in FAMILIES:
                    continue
                break
            if t.text in RELATIVES or t.text in lex.adjuncts or t.text in lex.complementizers:
                break
            out.append(k)
        while out and toks[out[-1]].text in PREP_WORDS:
            out.pop()
        return out

    def _document_author(self, cand: Candidate) -> None:
        """A document phrase that names its author with لـ (بيان لمكتب رئيس الوزراء): the author is
        the speaker (quote-annotation guidelines: `document` only when no author is named)."""
        toks, lex = self.toks, self.lex
        doc = cand.speaker
        if len(doc) < 2 or without_article(toks[doc[0]].text) not in lex.document_heads:
            return
        for n, x in enumerate(doc[1:], 1):
            w = toks[x].text
            if w.startswith("ل") and len(w) > 3 and without_article(without_li(w)) in lex.org_heads:
                cand.speaker = doc[n:]
                cand.speaker_words = [without_li(w)] + [toks[y].text for y in doc[n + 1 :]]
                return

    def _feeling(self, w: str) -> bool:
        """أمله، رغبته، تفاؤلها: a feeling noun (ة becomes ت before a pronoun)."""
        stem = w[2:] if w.startswith("ال") else w
        for f in self.lex.feelings:
            for form in (f, f[:-1] + "ت") if f.endswith("ه") else (f,):
                if stem.startswith(form) and len(stem) - len(form) <= 3:
                    return True
        return False

    def _feeling_at(self, intro: tuple[str, int] | None, send: int) -> int | None:
        """The feeling noun of an express cue: the intro itself, or the first word inside quotation
        marks opened right after عن (أعرب عن "ثقته بقدرات ...")."""
        if intro is None:
            return None
        kind, k = intro
        if kind == "feeling":
            return k
        toks = self.toks
        if kind == "mark" and k + 1 < send and toks[k - 1].text == "عن" and self._feeling(toks[k + 1].text):
            return k + 1
        return None

    def _feeling_has_content(self, k: int | None, send: int) -> bool:
        """The feeling noun at k is followed by what it is about (أمله في أن، قلقه من تدهور،
        تفاؤلها باستمرار), after at most a few definite adjectives (قلقه البالغ من) and an
        opening quotation mark (أسفه «لأنه ...)."""
        if k is None:
            return False
        toks, links = self.toks, self.lex.feeling_links
        j = k + 1
        while j < send and j <= k + MAX_FEELING_ADJECTIVES and is_definite(toks[j].text):
            j += 1
        if j < send and toks[j].text in FAMILIES:
            j += 1
        if j >= send or not toks[j].word:
            return False
        w = toks[j].text
        if w in self.lex.complementizers:
            return True
        if w in links:
            # قلقهم من القرار، وعقدوا اجتماعا: one or two words up to a comma are a topic, not content
            end = next((x for x in range(j + 1, send) if not toks[x].word), send)
            return end - j - 1 > MAX_FEELING_TOPIC_WORDS or (end < send and toks[end].text not in COMMAS and toks[end].text not in SENTENCE_STOPS)
        return len(w) > 3 and w[0] in links and w not in PREP_WORDS  # بـ/لـ glued to a noun

    def _np_closed(self, a: int, b: int) -> bool:
        return any(is_definite(t.text) for t in self.toks[a:b])

    def _mark_before(self, i: int) -> MarkSpan | None:
        """A closed quotation ending right before the cue ("...”، قال فلان)."""
        toks = self.toks
        j = i - 1
        if j >= 1 and toks[j - 1].text in _WITH_THESE and toks[j].word:
            j -= 2  # «…». بهذه الكلمات وصف فلان: "with these words" points back at the quotation
            if j >= 1 and toks[j].text == "." and toks[j - 1].text in FAMILIES:
                j -= 1
        while j >= 0 and (toks[j].text in COMMAS or (j == i - 1 and toks[j].text in _SO)):
            j -= 1  # «…»، هكذا لخص فلان: "so" points back at the quotation
        if j < 0 or toks[j].line != toks[i].line:
            return None  # a quoted name ending the headline above is not what the cue reports
        s = self.span_at_close.get(toks[j].start)
        if s is not None and self.words_in(s.start, s.end) >= MIN_QUOTED_WORDS:
            return s
        return None

    def _content(self, k: int, send: int, multi: bool, speaker: set[str] | frozenset[str] = frozenset()) -> tuple[tuple[int, int], str] | None:
        """(content offsets, type) from token k to the end of the clause."""
        toks = self.toks
        if k >= send or k >= len(toks):
            return None
        span = self.span_at_open.get(toks[k].start)
        if span is not None:
            after = self.tok_index(span.end) + (1 if span.close is not None else 0)
            end_tok = self._clause_end(after, send, False) if after < send else after
            if not any(toks[j].word for j in range(after, end_tok)):  # any(): stops at the first word (was O(clause))
                return self._trim(span.start, span.end), "direct"
            return self._trim(toks[k].start, toks[end_tok - 1].end), "mixed"
        end_tok = self._clause_end(k, send, multi, speaker)
        if end_tok <= k:
            return None
        start, end = toks[k].start, toks[end_tok - 1].end
        # a quoted stretch inside reported speech makes it mixed; an unclosed mark inside runs to the end
        qtype = "indirect"
        first = bisect_left(self._span_opens, start)
        for s in self.spans[first : first + MAX_SPANS_IN_CONTENT]:
            if s.open >= end:
                break
            if self.words_in(s.start, min(s.end, end)) >= MIN_QUOTED_WORDS:
                qtype = "mixed"
                if s.close is None or s.close > end:
                    end = max(end, s.end)
                break
        if not any(t.word for t in toks[k:end_tok]):
            return None
        return self._trim(start, end), qtype

    def _stops(self) -> list[int]:
        """next_stop[j]: the first token at or after j where a content must end (a breaking cue or
        a trailing attribution); computed once right to left so every content end is O(1)."""
        if self._next_stop is None:
            toks, lex = self.toks, self.lex
            n = len(toks)
            nxt = [n] * (n + 1)
            for j in range(n - 1, -1, -1):
                t = toks[j]
                base = strip_prefix(t.text)[-1] if t.word else ""
                stop = j in self.cue_at and self.is_breaking(j)
                # …، وذلك خلال مؤتمر صحفي: the narration says where it was said
                # (not a cause: وذلك بفضل / لعدم … stays in the content)
                stop = stop or (t.text in _THAT_WAS and j > 0 and toks[j - 1].text in COMMAS and j + 2 < n and toks[j + 1].text in SETTING_PREPS | _WHILE and is_setting(toks[j + 2].text))
                if not stop and t.word and (base in lex.nominal or t.text in lex.nominal or t.text == "علي"):
                    stop = self.is_breaking(j) or self._trailing_pronoun(j)
                nxt[j] = j if stop else nxt[j + 1]
            self._next_stop = nxt
        return self._next_stop

    def _clause_end(self, k: int, send: int, multi: bool, speaker: set[str] | frozenset[str] = frozenset()) -> int:
        toks = self.toks
        stops = self._stops()
        while True:
            j = stops[k + 1] if k + 1 < len(stops) else len(toks)
            if j < send:
                neg = j - 1 if toks[j - 1].text in self.lex.negations else j  # ...، ولم يستبعد
                back = max(k, particle_start(toks, j) or neg)  # the content ends before إلا أنه
                while back > k and (toks[back - 1].text in COMMAS or toks[back - 1].text in _BREAK_BEFORE or toks[back - 1].text in ("في", "و")):
                    back -= 1
                return back
            # an unclosed quotation that opened in this sentence runs on to where it ends
            first = bisect_left(self._span_opens, toks[k].start)
            sent_end_char = toks[send - 1].end if send else 0
            for span in self.spans[first : first + MAX_SPANS_IN_CONTENT]:
                if span.open >= sent_end_char:
                    break
                if span.end > sent_end_char:
                    return self.tok_index(span.end) + (1 if span.close is not None else 0)
            if not multi or send >= len(toks) or toks[send].line != toks[send - 1].line:
                return send
            nxt_first = send
            if any(x in self.cue_at for x in range(nxt_first, min(nxt_first + 3, len(toks)))):
                return send
            first_tok = toks[nxt_first]
            if not first_tok.word or strip_prefix(first_tok.text)[-1] in speaker:
                return send  # "».والعتيبي عضو في...": narration about the speaker follows
            k = send - 1
            send = self.sent_end[toks[send].sent]

    def _trailing_pronoun(self, j: int) -> bool:
        """حسب وصفه، على حد قوله، وفق تعبيره: an attribution that closes the current content."""
        toks = self.toks
        k = j + 1
        if toks[j].text in ("علي", "على"):
            if k < len(toks) and toks[k].text == "حد":
                k += 1
            else:
                return False
        if k < len(toks) and toks[k].text == "ما":
            return True  # وفق ما أعلنه ...
        if k >= len(toks):
            return False
        w = toks[k].text
        # the noun with a possessive pronoun (تقديره "his estimate"), not another noun (تقديرات)
        return any(w.startswith(n) and w[len(n) :] in _POSSESSIVES for n in trailing_nouns())

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while end > start and text[end - 1] in _PUNCT_TRIM:
            end -= 1
        while start < end and text[start] in " \t\n":
            start += 1
        return start, end
