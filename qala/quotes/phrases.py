"""Speaker phrases: the noun phrase a cue's subject is written as, before the verb (SVO) or after it
(VSO), with the adjuncts, appositions, objects and addressees that are not part of it. Mixed into
`Extractor` (`extract.py`), which supplies the token layout; kept apart so each module reads in one
sitting.
"""

from __future__ import annotations

import re

from qala.quotes.frames import (
    adjunct_end,
    demonstrative_opens_object,
    never_subject,
)
from qala.quotes.lexicon import CueForm, QuoteLexicon, is_setting, strip_prefix
from qala.quotes.marks import FAMILIES, MarkSpan
from qala.quotes.speaker import NAME_PARTICLES, is_definite, trailer_class, without_article
from qala.quotes.speaker import frames as speaker_frames
from qala.quotes.tokens import (
    COMMAS,
    MAX_NP_TOKENS,
    MAX_TAIL_TOKENS,
    PREP_WORDS,
    PRONOUN_PREPS,
    RELAY_LEMMA,
    STATE_PRONOUNS,
    Tok,
    phrase_length,
)
from qala.text.normalize import norm

_N = norm
# Prepositions that open a communicative setting (في بيان، خلال مؤتمر صحفي، عبر حسابه).
MAX_ASIDE_WORDS = 10  # words of a setting set off by commas between the subject and the content
SETTING_PREPS = frozenset(_N(w) for w in ("في", "خلال", "عبر", "أثناء", "ل", "على", "ب", "وفي"))
# لكنها حذرت، ولكنه أكد: "but" + the subject pronoun, then a cue: a new reporting clause whose
# subject is the pronoun (never the speaker phrase itself)
BUT_PRONOUN = frozenset(_N(b + p) for b in ("لكن", "ولكن") for p in ("ه", "ها", "هم", "هما", "هن"))
CLAUSE_STARTS = frozenset(_N(w) for w in ("لكن", "ولكن", "بينما", "فيما", "حين", "كما", "هناك", "وهناك", "ثم", "حيث", "إذ", "اذ", "وقد", "قد", "لقد", "ولقد", "كان", "وكان", "أما", "اما", "هذا")) | BUT_PRONOUN
# Particles that only precede a verb (لن تعطي، لم يقل): a stretch they open is a clause, not a subject.
_VERB_PARTICLES = frozenset(_N(w) for w in ("لن", "لم", "لا", "سوف", "ولن", "ولم", "ولا"))
RELATIVES = frozenset(_N(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))
_ADDRESSEES = frozenset(_N(w) for w in ("للصحفيين", "للصحافيين", "للصحافة", "لنا", "له", "لها", "لهم", "للتلفزيون"))
# People a speaker talks to (قال لمراسل الوكالة، للحاضرين): after ل they are the addressee.
_ADDRESSEE_NOUNS = frozenset(_N(w) for w in ("مراسل", "مراسلة", "مراسلي", "صحفيين", "صحافيين", "حاضرين", "زوار", "جمهور", "مشاركين", "طلاب", "مواطنين"))
_DEMONSTRATIVE_OBJ = frozenset(_N(w) for w in ("ذلك", "لذلك", "هذا", "هذه", "منها", "منه"))
# Verbs of telling whose direct object is the addressee (أبلغ النواب بأن): never the speaker.
TELL_LEMMAS = frozenset(_N(w) for w in ("أبلغ", "أخبر"))
# Normalized endings that fix a noun's gender for subject-verb agreement (ة is normalized to ه).
_MASC_PLURAL_ENDINGS = ("ين", "ون")
_FEM_ENDINGS = ("ه", "ات")
# A definite sound masculine plural of a participle in its oblique case (المزارعين، المسؤولين): the
# object or a genitive, never a nominative subject. The مـ pattern keeps الأمين and اليمين out.
_OBLIQUE_PLURAL = re.compile(r"الم\w{3,}ين")
# Words of a relative clause set off by commas between a speaker and the content (التقرير، الذي نشر
# بمناسبة اليوم العالمي للبيئة، إلى أن): longer stretches are read as content.
MAX_RELATIVE_APPOSITION = 12
# A subject before the cue (SVO: مصادر محلية رجحت) is short; longer stretches are narration.
MAX_SVO_TOKENS = 6
# How far back a coordinated call verb looks for the sentence's earlier cue (bounded: a run-on
# sentence must not make every such verb scan to its start)
MAX_COORDINATION_LOOKBACK = 80
# و + a subject pronoun after the speaker opens a circumstantial clause (وقال الرئيس وهو يلوح بيده).
# prepositions that attach a place or a body to a speaker phrase (مندوب اليمن لدى الأمم المتحدة)
_ATTACHMENT_PREPS = frozenset(norm(w) for w in ("في", "لدى"))
_FOR = norm("عن")  # النائب عن دائرة …
MAX_SEAT_WORDS = 3


class SpeakerPhrases:
    """Speaker-phrase readers; `Extractor` provides the attributes, `tok_index` and `_surface` they use."""

    toks: list[Tok]
    lex: QuoteLexicon
    cue_at: dict[int, tuple[CueForm, bool]]
    anonymity: dict[int, int]
    name_evidence: set[str]
    span_at_open: dict[int, MarkSpan]

    def tok_index(self, char: int) -> int:
        raise NotImplementedError

    def _surface(self, t: Tok) -> str:
        raise NotImplementedError

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
        if svo and (not source_like or form.lemma in TELL_LEMMAS):
            return True  # the addressee of أبلغ/أخبر may be a source elsewhere (السكان)
        head = words[0]
        if form.cls == "call" and len(words) == 1 and is_definite(head) and without_article(head) not in lex.roles and self._same_subject_goes_on(phrase[0] - 1, form):
            return True  # قالت الجمعية إن …، ودعت الدولة إلى: the same subject calls on the state
        if form.gender == "f" and not form.plural and without_article(head) in lex.masculine_plurals:
            return True  # ودعت أولياء الأمور إلى: a feminine verb never takes them as subject
        if not is_definite(head) or head in lex.single_titles or form.plural:
            return False
        if form.gender == "f":
            return head.endswith(_MASC_PLURAL_ENDINGS)  # a feminine verb never takes المواطنين as subject
        if _OBLIQUE_PLURAL.fullmatch(head):
            return True  # ودعا المزارعين إلى: a sound plural in -ين is no subject of any singular verb
        return head.endswith(_FEM_ENDINGS)  # وصف الخطة، ودعا الحكومة إلى: ة after a masculine verb

    def _same_subject_goes_on(self, v: int, form: CueForm) -> bool:
        """toks[v] is a cue verb coordinated after a comma (، ودعت) in a sentence whose earlier cue verb
        has its gender and number: the sentence goes on with that verb's subject."""
        toks = self.toks
        if v < 1 or v not in self.cue_at or not toks[v].text.startswith("و") or toks[v - 1].text not in COMMAS:
            return False
        sent = toks[v].sent
        for j in range(v - 2, max(-1, v - 2 - MAX_COORDINATION_LOOKBACK), -1):
            if toks[j].sent != sent:
                return False
            hit = self.cue_at.get(j)
            if hit is not None and hit[0].tense != "participle":
                return hit[0].gender == form.gender and hit[0].plural == form.plural
        return False

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
            if np and toks[k].text in COMMAS and k + 1 < b and toks[k + 1].text in RELATIVES:
                close = next((c for c in range(k + 2, min(b, k + 2 + MAX_RELATIVE_APPOSITION)) if toks[c].text in COMMAS), None)
                if close is not None:
                    k = close + 1  # وأشار التقرير، الذي نشر أمس، إلى أن: a relative clause set off by commas
                    continue
            if np and toks[k].text in COMMAS and k + 2 < b and toks[k + 1].text in SETTING_PREPS and is_setting(toks[k + 2].text):
                close = next((c for c in range(k + 3, min(b, k + 3 + MAX_RELATIVE_APPOSITION)) if toks[c].text in COMMAS), None)
                if close is not None:
                    k = close + 1  # أقرت الشركة، في بيان نشرته على صفحتها، بوقوع: the setting and its clause
                    continue
            k2 = self._skip_adjuncts(k, b)
            if k2 == k:
                t = toks[k]
                # في البيان ذاته / في المذكرة نفسها: the emphatic belongs to the setting
                emphatic = k > a and t.text in speaker_frames().emphatics and is_setting(toks[k - 1].text)
                if t.word and not is_setting(t.text) and not emphatic:
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
            elif w in SETTING_PREPS and k + 1 < b and (is_setting(toks[k + 1].text) or toks[k + 1].text in lex.adjuncts):
                aside = k > 0 and toks[k - 1].text in COMMAS
                k += 2
                while k < b and toks[k].word and not is_definite(toks[k].text) and toks[k].text not in lex.complementizers and k - 1 >= 0 and is_setting(toks[k - 1].text):
                    k += 1  # في بيان صحافي
                if aside:
                    # ، في تصريحات للتلفزيون الرسمي في وقت متأخر من الليل، : a setting set off by commas
                    close = next((x for x in range(k, min(b, k + MAX_ASIDE_WORDS)) if not toks[x].word), None)
                    if close is not None and toks[close].text in COMMAS:
                        k = close
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
            if toks[start].text in lex.first_names and not self._surface(toks[start]).endswith("ى"):
                # (على خط الأزمة is "on", not the name علي: the article's spelling tells them apart)
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

    def _clean_region(self, a: int, b: int, form: CueForm) -> list[int]:
        """Token indices of the speaker phrase core in the words between cue and content."""
        toks, lex = self.toks, self.lex
        out: list[int] = []
        if form.lemma == RELAY_LEMMA:
            # the last عن: نقل عضو مجلس النواب عن دائرة أجدابيا، فلان، عن الوزير قوله
            hidden = {x for c, end in self.anonymity.items() if a <= c < b for x in range(c, end)}  # عدم الكشف عن هويته
            relayed = [k for k in range(a, b) if toks[k].text == "عن" and k not in hidden]
            if relayed:
                a = relayed[-1] + 1
        k = a
        while k < b:
            t = toks[k]
            txt = t.text
            if not t.word:
                if txt in COMMAS and out:
                    break  # appositions after the comma are roles, not the name
                if txt == "(" and out:
                    break  # قال بلقاسم (29 عاما) إن: a bracket after the name holds an age or a gloss
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
            if txt in RELATIVES or (out and txt in STATE_PRONOUNS):
                break  # وقال الرئيس وهو يلوح بيده إن: a circumstantial clause follows the subject
            if not out and k == a and txt.startswith("و") and is_definite(txt[1:]) and txt not in lex.wal_words:
                return []  # وتابعت والدموع في عينيها: a circumstance; the speaker is carried
            if out and (txt in lex.closing_phrases or (form.lemma in lex.closing_cues and txt.endswith(("ه", "ها", "هم")) and is_setting(txt))):
                break  # وختمت الوزارة بيانها بالتأكيد على أن: the statement closed and how, not the speaker
            outlet = trailer_class(txt) == "outlet"  # لموقع «الساحة»، لنظيره المالي: whom it was said to
            if txt in _ADDRESSEES or txt == "ل" or outlet or (txt.startswith("ل") and (txt[1:] in lex.org_heads or is_setting(txt[1:]))):
                if out and txt[1:] in lex.org_heads and self._unnamed_role(out):
                    out.append(k)  # الرئيس التنفيذي لشركة النور: the role's organization, not an outlet
                    k += 1
                    continue
                if out:
                    break
                k += 1
                span = self.span_at_open.get(toks[k].start) if (txt == "ل" or outlet) and k < b else None
                if span is not None:
                    k = self.tok_index(span.end) + 1  # لـ«صوت المدينة»: the outlet addressed, not the speaker
                elif (txt.startswith("ل") and txt[1:] in lex.org_heads) or outlet:
                    k = self._after_outlet_name(k, b)
                continue
            if len(txt) <= 2 and not out and txt not in NAME_PARTICLES:
                k += 1  # a short word before the subject (له، لي), but بن opens a name (بن سالم)
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

    def _given_ali(self, t: Tok) -> bool:
        """علي spelled with ي in the article («…»، قال علي): the given name, not the preposition على
        (normalization merges the two spellings)."""
        return t.text == "علي" and self._surface(t) == "علي"

    def _addressee(self, w: str) -> bool:
        """لمراسل، للصحفيين، لوكالة: ل + a noun right after a cue names whom it was said to (a name
        such as لطفي is no addressee)."""
        lex = self.lex
        return w in _ADDRESSEES or (len(w) > 4 and w[0] == "ل" and w not in lex.first_names and (w[1:] in lex.org_heads or w[1:] in lex.roles or without_article(w[1:].removeprefix("ل")) in _ADDRESSEE_NOUNS))

    def _unnamed_role(self, phrase: list[int]) -> bool:
        """The phrase is a role (الرئيس التنفيذي، المدير العام) with no name read yet."""
        lex = self.lex
        words = [self.toks[x].text for x in phrase]
        role = any(w in lex.roles or w in lex.single_titles or without_article(w) in lex.roles for w in words)
        return role and not any(w in lex.first_names for w in words)

    def _seat_end(self, k: int, b: int) -> int:
        """After a deputy's عن: the end of the seat's words (دائرة قفصة) when a given name follows
        within MAX_SEAT_WORDS words; k when none does."""
        toks, lex = self.toks, self.lex
        for j in range(k, min(b, k + MAX_SEAT_WORDS + 1)):
            t = toks[j]
            if t.text in lex.sure_first_names:
                return j if j > k else k
            if not t.word or t.text in lex.complementizers or t.text in PREP_WORDS or j in self.cue_at:
                return k
        return k

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
                if w.isdigit() and len(out) == 1 and without_article(toks[out[0]].text) in lex.document_heads and k + 1 < b and toks[k + 1].word:
                    out.append(k)  # المادة 33 من القانون: a number after the head names it
                    k += 1
                    continue
                break
            if w in lex.complementizers or w in lex.adjuncts or w in RELATIVES or (k in self.cue_at and out):
                break
            if not out and ((w in PREP_WORDS and not self._given_ali(t)) or self._addressee(w)):
                break  # قال لمراسل الوكالة: whom the carried speaker told
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
            if expect_name and w == _FOR and out and (seat := self._seat_end(k + 1, b)) > k + 1:
                out.extend(range(k, seat))  # النائبة عن دائرة قفصة سلمى …: the seat, then the name
                k = seat
                continue
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
            elif is_definite(w) or (w[0] == "و" and is_definite(w[1:]) and (form is None or form.plural or w[3:] in lex.roles)):
                # a coordinated definite after a singular verb is another role of the same person
                # (رئيس مجلس الإدارة والعضو المنتدب), not a circumstance (قال الشناوي والدموع في عينيه)
                out.append(k)
                expect_name = False
            elif w == "عن" and toks[k - 1].text in lex.issuer_links:
                out.append(k)  # تقرير صادر عن منظمة الصحة العالمية: the issuer continues the phrase
                closed = False
            elif w in _ADDRESSEES:
                break  # قال الهواري للصحفيين: whom he told, not part of the speaker
            elif w == "من" and k + 1 < b and is_definite(toks[k + 1].text) and toks[k + 1].text not in lex.adjuncts:
                out.append(k)  # المادة الثالثة من القانون، عدد من المسؤولين: a partitive attachment
                closed = False
            elif w in _ATTACHMENT_PREPS or (w[0] in "لب" and len(w) > 3):
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
        while out and ((toks[out[-1]].text in PREP_WORDS and not self._given_ali(toks[out[-1]])) or not toks[out[-1]].word):
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
            if not t.word or t.text in lex.complementizers or t.text in CLAUSE_STARTS or k in self.cue_at:
                break
            out.append(k)
            k -= 1
        out.reverse()
        if not out or len(out) > limit:
            return []
        if toks[i].line == toks[0].line:
            # a headline's second clause (ارتفاع الإصابات في البصرة والصحة العالمية تحذر): its subject
            # starts at the conjunction
            joined = [n for n, x in enumerate(out) if n and toks[x].text.startswith("وال") and is_definite(toks[x].text[1:])]
            if joined:
                return out[joined[-1] :]
        boundary = toks[k] if k >= 0 and toks[k].sent == sent else None
        if boundary is not None and boundary.word and boundary.text not in lex.complementizers and boundary.text not in CLAUSE_STARTS:
            return []
        if toks[out[0]].text in PREP_WORDS or toks[out[0]].text in RELATIVES or toks[out[0]].text in _VERB_PARTICLES:
            return []
        if toks[out[-1]].text in RELATIVES or toks[out[-1]].text == "ما":
            return []  # احتجاجا على ما تقول إنه: ما is what is said, the subject is implicit
        docs = [n for n, x in enumerate(out) if n and without_article(toks[x].text) in lex.document_heads]
        if docs and not is_definite(toks[out[docs[-1]]].text):
            # صدر في ختامها بيان مشترك أكد "…": the statement (nominative, not بيانا) is the subject
            out = out[docs[-1] :]
        first = toks[out[0]].text  # anonymous heads include the accusative after أن (غير أن مسؤولا قال)
        if not (is_definite(first) or first in lex.anonymous_heads or first in lex.first_names or first in lex.roles or first in lex.org_heads or len(out) <= 2):
            return []
        if len(out) > 2 and is_setting(toks[out[-1]].text):
            return self._np(out[0], out[-1] + 1, None)  # الاتحاد فقد أصدر بيانا اعتبر فيه: the issuer, not its verb
        while len(out) > 2 and (toks[out[-1]].text in lex.adjuncts or toks[out[-1]].text in speaker_frames().times) and is_setting(toks[out[1]].text):
            out.pop()  # أصدرت بيانا مساء الأحد دعت فيه: the time the statement was issued
        if len(out) == 2 and is_setting(toks[out[-1]].text) and not is_definite(first):
            # وكانت الوزارة قد أصدرت بيانا دعت فيه: a verb and its statement; the issuer is the
            # subject between كان and قد, else implicit
            if boundary is not None and boundary.text == "قد":
                j = k - 1
                while j >= 0 and toks[j].sent == sent and toks[j].word and toks[j].text not in lex.copulas and k - j <= MAX_SVO_TOKENS:
                    j -= 1
                if j >= 0 and toks[j].text in lex.copulas and j + 1 < k:
                    return list(range(j + 1, k))
            return []
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
                opens = first in RELATIVES or first in lex.anonymity_verbs or strip_prefix(first)[-1] in lex.anonymity_verbs
                # ، تحدث شريطة عدم الكشف عن هويته،: an aside on the source's anonymity
                opens = opens or any(toks[x].text.startswith(lex.anonymity_nouns) for x in range(c + 1, comma))
                return c - 1 if opens and c > 0 else comma
            if not toks[c].word:
                break
        return comma
