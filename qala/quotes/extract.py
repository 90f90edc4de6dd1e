"""Quotation detection: cues, content boundaries and speaker phrases, over normalized tokens.

Everything runs on the normalized copy of the text (one regex pass to tokenize, dict lookups for
cues), then offsets are mapped back to the raw text. For each cue the words after it are read
left to right: speaker phrase (VSO) and adjuncts up to what introduces the content — a
complementizer (أن/إن/بأن), a colon, quotation marks, the verb's preposition (أشار إلى، دعا إلى),
or, for stance verbs, a direct object. Without words between cue and content the subject may
precede the cue (SVO) or be implicit (carried from an earlier quotation in `stage.py`). Content
runs to the end of the clause: a new cue (مضيفا، وأضاف), a trailing attribution (حسب قوله) or the
sentence end. Every loop is over tokens with bounded look-ahead, so time stays linear. Nominal cues
(بحسب، وفقا لـ) and headlines are read by the `NominalCues` mixin (`nominal.py`); tokens and
candidates are defined in `tokens.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from qala.quotes.frames import (
    adjunct_end,
    demonstrative_opens_object,
    fronted_subject,
    never_subject,
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
from qala.quotes.marks import FAMILIES, MarkSpan, pair_marks
from qala.quotes.nominal import NominalCues
from qala.quotes.speaker import is_definite, without_article
from qala.quotes.tokens import (
    COMMAS,
    MAX_NP_TOKENS,
    MAX_TAIL_TOKENS,
    MIN_OBJECT_TOKENS,
    PREP_WORDS,
    PRONOUN_PREPS,
    Candidate,
    Tok,
    anonymity_appositions,
    closing_phrase_after,
    document_relative,
    is_topic,
    noun_reading,
    phrase_length,
    reply_reading,
)
from qala.text.normalize import Normalized, norm

# Verbal nouns of derived verbs (انزلاق، ارتفاع، استمرار، تسجيل): an object, not a speaker.
MASDAR_RE = re.compile(r"^(?:ان..ا.|ا.ت.ا.|است..ا.|ت..ي.)$")
# إلغاء، إجراء، إغلاق (normalized الغاء): a form IV verbal noun; only read so right after a stance participle
FORM4_MASDAR_RE = re.compile(r"^ا..ا.$")
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|\S")
_SENT_END = frozenset(".!?؟…")
_PUNCT_TRIM = "،,؛;:.!?؟… \t\n-–"

# A subject before the cue (SVO: مصادر محلية رجحت) is short; longer stretches are narration.
MAX_SVO_TOKENS = 6
# A quoted stretch with fewer words is a title or scare quote unless a cue introduces it.
MIN_QUOTED_WORDS = 3
# A comma-free stretch longer than this between a cue and its complementizer is content, not a
# speaker phrase (appositions between commas are short).
MAX_CHUNK_WORDS = 12
# Quoted stretches examined inside one content to decide whether it is mixed.
MAX_SPANS_IN_CONTENT = 8
# Adjectives allowed between a feeling noun and its content (قلقه البالغ والعميق من أن): two
# cover news usage; the bound keeps the look-ahead constant.
MAX_FEELING_ADJECTIVES = 2

_N = norm
# لكنها حذرت، ولكنه أكد: "but" + the subject pronoun, then a cue: a new reporting clause whose
# subject is the pronoun (never the speaker phrase itself)
_BUT_PRONOUN = frozenset(_N(b + p) for b in ("لكن", "ولكن") for p in ("ه", "ها", "هم", "هما", "هن"))
_CLAUSE_STARTS = frozenset(_N(w) for w in ("لكن", "ولكن", "بينما", "فيما", "حين", "كما", "هناك", "وهناك", "ثم", "حيث", "إذ", "اذ", "وقد", "قد", "لقد", "ولقد", "كان", "وكان", "أما", "اما", "هذا")) | _BUT_PRONOUN
# Particles that only precede a verb (لن تعطي، لم يقل): a stretch they open is a clause, not a subject.
_VERB_PARTICLES = frozenset(_N(w) for w in ("لن", "لم", "لا", "سوف", "ولن", "ولم", "ولا"))
_RELATIVES = frozenset(_N(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))
_BREAK_BEFORE = frozenset(_N(w) for w in ("حين", "فيما", "بينما", "كما", "ثم")) | _BUT_PRONOUN
_SETTING_PREPS = frozenset(_N(w) for w in ("في", "خلال", "عبر", "أثناء", "ل", "على", "ب", "وفي"))
_ADDRESSEES = frozenset(_N(w) for w in ("للصحفيين", "للصحافيين", "للصحافة", "لنا", "له", "لها", "لهم", "للتلفزيون"))
_TO = frozenset(_N(w) for w in ("عن", "إلى", "الى"))
_DEMONSTRATIVE_OBJ = frozenset(_N(w) for w in ("ذلك", "لذلك", "هذا", "هذه", "منها", "منه"))
_MA = frozenset(_N(w) for w in ("ما", "مما", "بما", "عما"))
# Verbs of telling whose direct object is the addressee (أبلغ النواب بأن): never the speaker.
_TELL_LEMMAS = frozenset(_N(w) for w in ("أبلغ", "أخبر"))
# Subject pronouns of a nominal sentence (وهو طالب، وهي ناقدة): a cue spelling right after one is a noun.
_PRONOUN_SUBJECTS = frozenset(_N(w) for w in ("هو", "هي", "وهو", "وهي", "فهو", "فهي"))
# Normalized endings that fix a noun's gender for subject-verb agreement (ة is normalized to ه).
_MASC_PLURAL_ENDINGS = ("ين", "ون")
_FEM_ENDINGS = ("ه", "ات")
# Words of a relative clause set off by commas between a speaker and the content (التقرير، الذي نشر
# بمناسبة اليوم العالمي للبيئة، إلى أن): longer stretches are read as content.
MAX_RELATIVE_APPOSITION = 12
_SO = frozenset(_N(w) for w in ("هكذا", "وهكذا", "كذا"))


class Extractor(NominalCues):
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
                return prev is not None and prev.text in COMMAS
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
            # unless what introduces reported content follows at once (... مضيفا أن)
            return self._introduces_content(k + 1, form)
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
        for i, t in enumerate(self.toks):
            if t.word and (t.text in self.lex.nominal or strip_prefix(t.text)[-1] in self.lex.nominal):
                cand = self._nominal_cue(i)
                if cand is not None and not self._quoted_words_cue(cand):
                    out.append(cand)
        out.extend(self._headlines())
        return out

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
        at_clause_start = prev is None or not prev.word or prev.text in _CLAUSE_STARTS or prev.text in _RELATIVES or prev.text in lex.complementizers or prev.text in lex.adjuncts
        if form.ambiguous and not at_clause_start:
            return None  # بين الطرفين، من بين الأسباب: the preposition, not the verb
        strict = prev is not None and prev.text in _MA  # وفق ما أعلنه، مما يدعو: an attribution, not a cue
        if participle and not (prev is None or not prev.word or prefixed):
            strict = True  # نتائج مؤكدة: a participle used as an adjective
        intro = self._find_intro(i, form, send)
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
            and any(toks[k].text in _RELATIVES or toks[k].text in _CLAUSE_STARTS for k in range(i + 1, intro[1]))
            and not any(is_naming_word(toks[k].text) for k in range(i + 1, intro[1]))
        ):
            return None  # ويحكي الفيلم الذي كان مقررا أن ...، يحكون قصتهم إذ إنه: a story, not a report
            # (a person's relative clause before a naming apposition is no story: وروى أحد السكان
            # الذين أجلوا، ويدعى فلان، أنه ...)
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
            masdar_object = participle and form.cls == "stance" and prev is not None and not prev.word and obj_at < send and (MASDAR_RE.match(toks[obj_at].text) or FORM4_MASDAR_RE.match(toks[obj_at].text))
            closed_mark = None if masdar_object else self._mark_before(i)
            if closed_mark is not None:
                cand.content = (closed_mark.start, closed_mark.end)
                cand.type = "direct"
                cand.how = "trailing"
                cand.speaker = self._np(i + 1, send, form)
                cand.vso = True
                return cand
            if form.lemma in lex.no_bare_object and not participle and not (svo and toks[svo[0] - 1].text in lex.complementizers):
                self.bare_subject[toks[i].sent] = (form.gender, svo or self._np(i + 1, send, form, strict_names=True))
            if not object_ok or (participle and not masdar_object) or not (at_clause_start or prefixed or svo or participle):
                return None
            np = [] if svo or masdar_object else self._np(i + 1, send, form, strict_names=True)
            if np and MASDAR_RE.match(toks[np[0]].text):
                np = []  # وتوقعت ارتفاع الأسعار: the object follows the verb, the subject is implicit
            if np and self._object_not_subject(np, form, svo):
                np = []  # وتوقع الحكومة ...: a feminine noun after a masculine verb is its object
            start = (np[-1] + 1) if np else self._skip_adjuncts(i + 1, send)
            after_np = (np[-1] + 1) if np else i + 1
            if after_np < send and toks[after_np].text in lex.idiom_objects:
                return None  # وقال الطقس كلمته: an idiom, not speech
            start = self._skip_adjuncts(start, send)
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
                if kind in ("prep", "prefprep") and k > i + 1 and form.cls in ("call", "stance") and not (k + 1 < send and toks[k + 1].text in lex.complementizers):
                    content_tok = i + 1  # داعيا السائقين إلى ...: the object is part of the content
                    kind = "object"
            elif form.cls == "written":
                cand.speaker = self._document_phrase(i + 2, k)  # جاء في «منطوق الحكم» أن
            elif form.frame == "object" and not form.pronoun_object and kind in ("prep", "prefprep", "comp"):
                if (obj := self._object_start(i + 1, k)) is None:
                    return None  # اتهم بالفساد: no object, a passive without an accuser
                cand.speaker = self._clean_region(i + 1, obj, form)
                content_tok, kind = obj, "object"  # واتهم X الجيش بـ: the object is part of the content
            else:
                cand.speaker = self._clean_region(i + 1, k, form)
            if kind in ("mark", "feeling", "prefprep"):
                content_tok = k
            elif kind == "prep" and content_tok < send and toks[content_tok].text in lex.complementizers:
                content_tok += 1
            elif kind == "colon" and content_tok < send and toks[content_tok].text in lex.complementizers:
                content_tok += 1  # وقال: إن ...
            cand.cue = (toks[i].start, toks[content_tok - 1].end if content_tok > i + 1 else toks[i].end)
        if cand.speaker and (form.cls in ("call", "stance") or form.lemma in _TELL_LEMMAS) and self._object_not_subject(cand.speaker, form, svo):
            cand.speaker = []  # ووصف الخطة بأنها، دعت المواطنين إلى: the verb's object, not its subject
        cand.vso = bool(cand.speaker)
        if not cand.speaker and fronted is not None:
            cand.speaker = [k for k in fronted.subject() if toks[k].word]  # none for a pronoun
            cand.vso = bool(cand.speaker)  # a subject before its verb agrees with it in full
        elif not cand.speaker and svo:
            cand.speaker = svo
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
        if form.frame == "topic" and intro is not None and intro[0] in ("prep", "prefprep") and toks[content_tok - 1].text not in lex.complementizers and is_topic(toks, content_tok, content[0][1], _RELATIVES):
            # تحدثت فيه عن مشوارها وطموحاتها: what was talked about, not what was said; but in ورد على
            # سؤال الصحفي: «...» the words after the colon are
            colon = next((k for k in range(content_tok, send) if toks[k].text == ":" and toks[k].start < content[0][1]), None)
            content = self._content(colon + 1, send, True, words) if colon is not None else None
            if content is None:
                if cand.speaker:
                    self.bare_subject[toks[i].sent] = (form.gender, cand.speaker)  # ورد الوزير على X قائلا:
                return None
        cand.content, cand.type = content
        return cand

    def _after_outlet_name(self, k: int, b: int) -> int:
        """Past the name of an outlet addressed (قالت لوكالة رويترز إن): up to a word that can open a
        speaker phrase, or to b."""
        while k < b and self.toks[k].word and not self._source_word(self.toks[k].text):
            k += 1
        return k

    def _source_word(self, w: str) -> bool:
        """A word that can open a speaker phrase: a title, role, given name or anonymous head."""
        lex = self.lex
        return w in lex.single_titles or w in lex.first_names or w in lex.anonymous_heads or without_article(w) in lex.roles or w in lex.roles

    def _evidence(self, k: int) -> bool:
        return without_article(self.toks[k].text) in self.lex.evidence_nouns

    def _evidence_owner(self, phrase: list[int]) -> list[int]:
        """The organization that evidence belongs to (أرقام المنظمة الدولية للهجرة → المنظمة ...),
        from its head word on; [] when the phrase names none (نتائج التصويت، صور الأقمار الاصطناعية)."""
        for n, k in enumerate(phrase[1:], 1):
            if without_article(self.toks[k].text) in self.lex.org_heads:
                return phrase[n:]
        return []

    def _find_intro(self, i: int, form: CueForm, send: int) -> tuple[str, int] | None:
        """What introduces the content after cue i: (kind, token index) or None."""
        toks, lex = self.toks, self.lex
        j = i + 1
        limit = min(send, i + 1 + MAX_TAIL_TOKENS)
        chunk = 0  # words since the last comma: a long stretch is content, not a speaker phrase
        while j < limit:
            t = toks[j]
            txt = t.text
            if txt in lex.complementizers and txt != "لان":
                return ("comp", j)
            if txt in COMMAS:
                chunk = 0
                if j in self.anonymity:  # قال مصدر، فضل عدم ذكر اسمه، إن: on to what ends it
                    j = self.anonymity[j]
                    continue
            elif t.word:
                # في مؤتمر صحفي عقده مساء السبت عقب …: a setting's description is neither speaker nor content
                chunk = 0 if is_setting(txt) and toks[j - 1].text in _SETTING_PREPS else chunk + 1
                if chunk > MAX_CHUNK_WORDS:
                    return None
            if txt == ":":
                return ("colon", j)
            span = self.span_at_open.get(t.start)
            if span is not None:
                short = self.words_in(span.start, span.end) < MIN_QUOTED_WORDS
                after_l = toks[j - 1].text in ("ل", "لـ")
                if not short and not after_l:
                    return ("mark", j)
                j = self.tok_index(span.end) + 1
                continue
            if form.cls == "express" and t.word:
                if self._feeling(txt) and (form.lemma == _N("ابدي") or toks[j - 1].text == "عن"):
                    return ("feeling", j)
            elif t.word and txt in form.preps:
                if form.lemma == _N("نقل") and txt == "عن":
                    j += 1
                    continue
                return ("prep", j)
            # في بيان، في بلاغ: after a preposition the word is its object, not بـ + a noun
            elif t.word and len(txt) > 3 and txt[0] in form.preps and txt not in lex.first_names and txt != "باسم" and toks[j - 1].text not in PREP_WORDS and ((j == i + 1 and (form.frame != "object" or form.pronoun_object)) or txt[1:].startswith("ال") or txt[1] in "ات" or self._np_closed(i + 1, j)):
                return ("prefprep", j)
            # a post verb inside the tail is a passive or relative (في مقابلة نُشرت على موقع ...)
            other_cue = j > i + 1 and j in self.cue_at and txt not in lex.adjuncts and self.cue_at[j][0].cls not in ("praise", "post")
            if other_cue and toks[j - 1].text not in _RELATIVES:
                return None  # another cue takes over
            j += 1
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
        introduces the content (bounded look-ahead)."""
        toks, lex = self.toks, self.lex
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
            if t.text in _RELATIVES or t.text in lex.adjuncts or t.text in lex.complementizers:
                break
            out.append(k)
        while out and toks[out[-1]].text in PREP_WORDS:
            out.pop()
        return out

    def _object_not_subject(self, phrase: list[int], form: CueForm, svo: list[int]) -> bool:
        """The noun phrase after a transitive cue is its object, not its subject: the subject was
        written before the verb (أن رئيس الحكومة أبلغ النواب بأن), or the phrase cannot be the
        subject because it disagrees with the verb in gender (ووصف الخطة، دعت المواطنين)."""
        toks, lex = self.toks, self.lex
        words = [toks[k].text for k in phrase if toks[k].word]
        if never_subject(words, form.cls, toks[phrase[0] - 1].text if phrase[0] else ""):
            return True  # ونفى ما تردد، ودعت جميع الأطراف (frames.py)
        if not words or any(w in lex.first_names for w in words):
            return False  # a named person is the subject whatever the agreement
        source_like = any(w in lex.roles or w in lex.single_titles or w in lex.org_heads or w in lex.anonymous_heads or w in lex.document_heads or (is_definite(w) and w[2:] in lex.org_heads | lex.anonymous_heads) for w in words)
        if svo and (not source_like or form.lemma in _TELL_LEMMAS):
            return True  # the addressee of أبلغ/أخبر may be a source elsewhere (السكان)
        head = words[0]
        if form.gender == "f" and not form.plural and without_article(head) in lex.masculine_plurals:
            return True  # ودعت أولياء الأمور إلى: a feminine verb never takes them as subject
        if not is_definite(head) or head in lex.single_titles or form.plural:
            return False
        if form.gender == "f":
            return head.endswith(_MASC_PLURAL_ENDINGS)  # a feminine verb never takes المواطنين as subject
        return head.endswith(_FEM_ENDINGS) and head[2:] not in lex.org_heads  # وصف الخطة: ة after a masculine verb

    def _object_start(self, a: int, b: int) -> int | None:
        """Where an object-frame cue's object starts (واتهم كباشي الجيش بـ → الجيش): after the subject's
        first closed word (a definite noun; a title or a name the article uses, before a definite
        noun). One phrase is the object, the subject implicit (واتهم الجيش بـ)."""
        toks, lex = self.toks, self.lex
        k = j = self._skip_adjuncts(a, b)
        if not any(toks[x].word for x in range(k, b)):
            return None  # no object: a passive
        heads = lex.roles | lex.org_heads | lex.anonymous_heads | lex.first_names
        while j < b and toks[j].word:
            w, nxt_definite = toks[j].text, j + 1 < b and is_definite(toks[j + 1].text)
            if (is_definite(w) and w not in lex.single_titles) or (nxt_definite and (w in lex.single_titles or (w in self.name_evidence and w not in heads))):
                break
            j += 1
        start = self._skip_adjuncts(j + 1 if j < b and toks[j].word else j, b)
        return start if start < b else k

    def _region_is_np(self, a: int, b: int) -> bool:
        """The words between cue and preposition are a speaker phrase (plus adjuncts), not content."""
        toks = self.toks
        k = self._skip_adjuncts(a, b)
        np = self._np(k, b, None)
        k = (np[-1] + 1) if np else k
        while k < b:
            if np and toks[k].text in COMMAS and k + 1 < b and toks[k + 1].text in _RELATIVES:
                close = next((c for c in range(k + 2, min(b, k + 2 + MAX_RELATIVE_APPOSITION)) if toks[c].text in COMMAS), None)
                if close is not None:
                    k = close + 1  # وأشار التقرير، الذي نشر أمس، إلى أن: a relative clause set off by commas
                    continue
            k2 = self._skip_adjuncts(k, b)
            if k2 == k:
                t = toks[k]
                if t.word and not is_setting(t.text):
                    return False
                k2 = k + 1
            k = k2
        return True

    def _skip_adjuncts(self, k: int, b: int) -> int:
        toks, lex = self.toks, self.lex
        while k < b:
            w = toks[k].text
            if w in lex.adjuncts or w in COMMAS:
                k += 1
            elif w in _SETTING_PREPS and k + 1 < b and (is_setting(toks[k + 1].text) or toks[k + 1].text in lex.adjuncts):
                k += 2
                while k < b and toks[k].word and not is_definite(toks[k].text) and toks[k].text not in lex.complementizers and k - 1 >= 0 and is_setting(toks[k - 1].text):
                    k += 1  # في بيان صحافي
            elif w == "من" and k + 1 < b and toks[k + 1].text in lex.adjuncts | {"ذلك"}:
                k += 2
            elif n := phrase_length(toks, k, b, lex.adjunct_phrases):
                k += n  # في الوقت ذاته
            else:
                break
        return k

    def _name_earlier_in_sentence(self, i: int) -> list[int]:
        """A person named earlier in the same sentence, when no cue precedes (في لقاء مع X، أوضح أن),
        or the issuer of a statement the cue refers back to (أصدرت الهيئة بيانا حذرت فيه من)."""
        toks, lex = self.toks, self.lex
        s = toks[i].sent
        k = i - 1
        while k >= 0 and toks[k].sent == s:
            if k in self.cue_at or i - k >= MAX_TAIL_TOKENS:
                return []  # another cue in the sentence (its speaker carries), or too far back
            k -= 1
        for start in range(k + 1, i):
            if toks[start].text in lex.first_names:
                out = [start]
                n = start
                while n + 1 < i and len(out) < 4 and toks[n + 1].word and toks[n + 1].text not in PREP_WORDS and toks[n + 1].text not in lex.roles:
                    n += 1
                    out.append(n)
                    if is_definite(toks[n].text):
                        break
                return out
        # أصدرت وزارة الصحة بيانا دعت فيه ...: the issuer of the statement the cue refers to
        heads = lex.org_heads | lex.anonymous_heads | lex.roles
        for st in range(k + 2, i):
            if is_setting(toks[st].text):
                for start in range(max(k + 1, st - MAX_SVO_TOKENS), st):
                    w = toks[start].text
                    if w in heads or (is_definite(w) and w[2:] in heads):
                        if not all(toks[x].word for x in range(start, st)):
                            return []
                        return self._np(start, st, None) or list(range(start, st))  # not «فقد أصدر» after it
                return []
        return []

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
        if w in self.lex.complementizers or w in links:
            return True
        return len(w) > 3 and w[0] in links and w not in PREP_WORDS  # بـ/لـ glued to a noun

    def _np_closed(self, a: int, b: int) -> bool:
        return any(is_definite(t.text) for t in self.toks[a:b])

    def _mark_before(self, i: int) -> MarkSpan | None:
        """A closed quotation ending right before the cue ("...”، قال فلان)."""
        j = i - 1
        while j >= 0 and (self.toks[j].text in COMMAS or (j == i - 1 and self.toks[j].text in _SO)):
            j -= 1  # «…»، هكذا لخص فلان: "so" points back at the quotation
        if j < 0:
            return None
        s = self.span_at_close.get(self.toks[j].start)
        if s is not None and self.words_in(s.start, s.end) >= MIN_QUOTED_WORDS:
            return s
        return None

    def _clean_region(self, a: int, b: int, form: CueForm) -> list[int]:
        """Token indices of the speaker phrase core in the words between cue and content."""
        toks, lex = self.toks, self.lex
        out: list[int] = []
        if form.lemma == _N("نقل"):
            for k in range(a, b):
                if toks[k].text == "عن":
                    a = k + 1
                    break
        k = a
        while k < b:
            t = toks[k]
            txt = t.text
            if not t.word:
                if txt in COMMAS and out:
                    break  # appositions after the comma are roles, not the name
                k += 1
                continue
            if not out and (after := adjunct_end(toks, k, b)) > k:
                k = after  # وقال عن المشروع، أفاد في تقريره الفصلي، صرحت وفقا لمجلة ...: not the subject
                if toks[k - 1].text.startswith("ل") and toks[k - 1].text[1:] in lex.org_heads:
                    k = self._after_outlet_name(k, b)
                continue
            skipped = self._skip_adjuncts(k, b)
            if skipped > k:
                if out or any(is_setting(toks[x].text) for x in range(k, skipped)):
                    break  # the subject comes before a setting (وقالت الهيئة في منشور)
                k = skipped
                continue
            if txt in _RELATIVES:
                break
            if txt in _ADDRESSEES or txt == "ل" or (txt.startswith("ل") and (txt[1:] in lex.org_heads or is_setting(txt[1:]))):
                if out:
                    break
                k += 1
                span = self.span_at_open.get(toks[k].start) if txt == "ل" and k < b else None
                if span is not None:
                    k = self.tok_index(span.end) + 1  # لـ«صوت المدينة»: the outlet addressed, not the speaker
                elif txt.startswith("ل") and txt[1:] in lex.org_heads:
                    k = self._after_outlet_name(k, b)
                continue
            if len(txt) <= 2 and not out:
                k += 1
                continue
            if txt in lex.complementizers or (k > a and k in self.cue_at) or (out and txt in lex.apposition_stops):
                break  # اللاعبة البالغة من العمر ...: the apposition is not the speaker
            if txt in _DEMONSTRATIVE_OBJ and out:
                if demonstrative_opens_object(toks, out, k):
                    break  # وصف حامد هذه الاتهامات بأنها: the object follows the subject (frames.py)
                return []  # وشرح سبب ذلك أن: an object, the subject is implicit
            if txt in PRONOUN_PREPS:
                return []
            out.append(k)
            k += 1
        while out and toks[out[-1]].text in PREP_WORDS:
            out.pop()  # وأعربت المنظمة عن: the preposition belongs to the cue
        return out

    def _np(self, a: int, b: int, form: CueForm | None, strict_names: bool = False) -> list[int]:
        """A speaker noun phrase read without delimiter (before a direct-object content).

        Idafa chains end at their first definite word; after it only definite adjectives,
        coordinated definites, prepositional attachments, roles and titles + names continue.
        """
        toks, lex = self.toks, self.lex
        preps = form.preps if form is not None else frozenset()
        # normalized على (a preposition) and the given name علي are one string: not a name start here
        given = lex.sure_first_names
        out: list[int] = []
        k = self._skip_adjuncts(a, b)
        closed = False
        in_name = 0
        expect_name = False
        while k < b and len(out) < MAX_NP_TOKENS:
            t = toks[k]
            w = t.text
            if not t.word:
                if w in FAMILIES and out:
                    k += 1
                    continue
                break
            if w in lex.complementizers or w in lex.adjuncts or w in _RELATIVES or (k in self.cue_at and out):
                break
            if not out and w in PREP_WORDS:
                break
            if in_name:
                if (w in PREP_WORDS and w != "علي") or w.startswith(("ت", "است")) or (w[0] in preps and len(w) > 3):
                    break
                if in_name >= 3 and w not in lex.first_names:
                    break
                out.append(k)
                in_name += 1
                if is_definite(w):
                    in_name, closed = 0, True  # an ال- family name ends the name (كريم العبدلي)
                k += 1
                continue
            is_title = w in lex.single_titles
            if expect_name and not is_definite(w) and w not in lex.roles:
                if strict_names and w not in given and w not in self.name_evidence and (k + 1 >= b or toks[k + 1].text not in self.name_evidence):
                    break  # واستبعدت الوزيرة فرض غرامات: no name follows the title, the object does
                out.append(k)
                in_name, expect_name = 1, False
                k += 1
                continue
            if w in given:
                out.append(k)
                in_name, expect_name = 1, False
                k += 1
                continue
            if not out or not closed:
                out.append(k)
                expect_name = is_title
                closed = (is_definite(w) and not is_title) or (len(out) >= 2 and not expect_name)
                k += 1
                continue
            # closed: continue only with attachments
            if is_title:
                out.append(k)
                expect_name = True
            elif is_definite(w) or (w[0] == "و" and is_definite(w[1:])):
                out.append(k)
                expect_name = False
            elif w == "عن" and toks[k - 1].text in lex.issuer_links:
                out.append(k)  # تقرير صادر عن منظمة الصحة العالمية: the issuer continues the phrase
                closed = False
            elif w in ("في",) or (w[0] in "لب" and len(w) > 3):
                out.append(k)
                closed = w.startswith("لل") or (w[0] in "لب" and is_definite(w[1:]))
            elif w in lex.roles:
                out.append(k)
                closed = False
            elif k + 2 < b and (toks[k + 1].text in given or toks[k + 2].text in given) and toks[k + 1].word:
                out.append(k)  # في بلدية صور سمير ...: a place name, then the person's name
            else:
                break
            k += 1
        while out and (toks[out[-1]].text in PREP_WORDS or not toks[out[-1]].word):
            out.pop()
        return out

    def _svo_subject(self, i: int) -> list[int]:
        """The subject written before an unprefixed cue verb (المدرب الجديد شدد على...)."""
        toks, lex = self.toks, self.lex
        out: list[int] = []
        k, sent = i - 1, toks[i].sent
        if k > 0 and toks[k].text == "قد" and toks[k - 1].text in lex.copulas:
            k -= 2  # الوزير كان قد أقر بأن: the subject stands before the auxiliary
        # a statement noun right before the cue (أصدر بيانا اعتبر فيه): issuer + its verb + the noun
        limit = 2 * MAX_SVO_TOKENS if k >= 0 and is_setting(toks[k].text) else MAX_SVO_TOKENS
        if k > 0 and toks[k].text in COMMAS:
            k = self._before_aside(k, sent)  # غير أن مسؤولا، طلب عدم كشف اسمه، قال: the aside is not the subject
        while k >= 0 and toks[k].sent == sent and len(out) <= limit:
            t = toks[k]
            if not t.word or t.text in lex.complementizers or t.text in _CLAUSE_STARTS or k in self.cue_at:
                break
            out.append(k)
            k -= 1
        out.reverse()
        if not out or len(out) > limit:
            return []
        boundary = toks[k] if k >= 0 and toks[k].sent == sent else None
        if boundary is not None and boundary.word and boundary.text not in lex.complementizers and boundary.text not in _CLAUSE_STARTS:
            return []
        if toks[out[0]].text in PREP_WORDS or toks[out[0]].text in _RELATIVES or toks[out[0]].text in _VERB_PARTICLES:
            return []
        if toks[out[-1]].text in _RELATIVES or toks[out[-1]].text == "ما":
            return []  # احتجاجا على ما تقول إنه: ما is what is said, the subject is implicit
        first = toks[out[0]].text  # anonymous heads include the accusative after أن (غير أن مسؤولا قال)
        if not (is_definite(first) or first in lex.anonymous_heads or first in lex.first_names or first in lex.roles or first in lex.org_heads or len(out) <= 2):
            return []
        if len(out) > 2 and is_setting(toks[out[-1]].text):
            return self._np(out[0], out[-1] + 1, None)  # الاتحاد فقد أصدر بيانا اعتبر فيه: the issuer, not its verb
        return out

    def _before_aside(self, comma: int, sent: int) -> int:
        """The token before an aside set off by commas that ends at `comma` (، طلب عدم الكشف عن
        هويته، / ، الذي تحدث لوكالة الأنباء،) when it opens with a relative or an anonymity verb;
        `comma` itself otherwise."""
        toks, lex = self.toks, self.lex
        for c in range(comma - 2, max(-1, comma - 2 - MAX_RELATIVE_APPOSITION), -1):
            if toks[c].sent != sent:
                break
            if toks[c].text in COMMAS:
                first = toks[c + 1].text
                opens = first in _RELATIVES or first in lex.anonymity_verbs or strip_prefix(first)[-1] in lex.anonymity_verbs
                # ، تحدث شريطة عدم الكشف عن هويته،: an aside on the source's anonymity
                opens = opens or any(toks[x].text.startswith(lex.anonymity_nouns) for x in range(c + 1, comma))
                return c - 1 if opens and c > 0 else comma
            if not toks[c].word:
                break
        return comma

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
                back = max(k, particle_start(toks, j) or j)  # the content ends before إلا أنه
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
        return any(w.startswith(n) and len(w) > len(n) for n in trailing_nouns())

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while end > start and text[end - 1] in _PUNCT_TRIM:
            end -= 1
        while start < end and text[start] in " \t\n":
            start += 1
        return start, end
