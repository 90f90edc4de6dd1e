"""Nominal cues (بحسب مصادر مطلعة، وفقا لوزارة الصحة، نقلا عن ...) and the headline layout
(`SPEAKER: content`), mixed into `Extractor` (`extract.py`), which supplies the token layout and the
content reader. Kept apart so each module reads in one sitting.

A nominal cue's source follows it; with a comma (or فإن) after the source the content follows
(leading: وبحسب أحدث تقرير لمكتب …، يستضيف …), otherwise the cue closes the clause before it
(trailing: …، وفقا لإذاعة الساحل). Manner nouns (وفق القانون، حسب الحاجة) are no source; a report
that names its author (تقرير لمكتب …) gives the author as the speaker.
"""

from __future__ import annotations

from bisect import bisect_right

from qala.quotes.frames import frames
from qala.quotes.lexicon import CueForm, QuoteLexicon, is_setting, strip_prefix
from qala.quotes.marks import FAMILIES, MarkSpan
from qala.quotes.speaker import is_definite, trailer_class, without_article, without_li
from qala.quotes.tokens import (
    COMMAS,
    MAX_NP_TOKENS,
    MAX_TAIL_TOKENS,
    MIN_OBJECT_TOKENS,
    PREP_WORDS,
    PRONOUN_PREPS,
    Candidate,
    Tok,
)
from qala.text.normalize import norm

_FA_INNA = frozenset(norm(w) for w in ("فإن", "فان", "فإنه", "فانه", "فإنها", "فانها"))
# A bracket inside a source phrase holds an acronym or a short gloss ((أوتشا)، (يونيسف)).
MAX_PAREN_TOKENS = 6
# An implicit cue with no earlier quotation looks this many sentences back for a person introduced
# in narration (the interview's subject); further back the reference is too uncertain.
NARRATIVE_SENTENCES = 2
# ... and at most this many tokens back, so a text of many implicit cues stays linear.
NARRATIVE_MAX_TOKENS = 80
# A headline speaker (`الدباغ: ...`) is at most this many words; in a bulleted list of statements
# (• المدير العام للدفاع المدني العقيد فلان الفلاني: ...) the title and name may run longer.
MAX_HEADLINE_SPEAKER = 4
MAX_BULLET_SPEAKER = 8
# Quotation spans before an offset that may still be open there (nesting is shallow in news text).
MAX_OPEN_SPANS = 8
# List bullets at the start of a line (• وزير الداخلية فلان: "...") and the separators after a rubric
# (عاجل | الرئاسة: ...): not part of the speaker.
_BULLETS = frozenset("•●▪◾◦·-–—*")
_KICKER_SEPARATORS = frozenset("|-–—/")


class NominalCues:
    """Nominal-cue and headline readers; `Extractor` provides the attributes and the content
    reader (`_content`, `_trailing_pronoun`, `_skip_adjuncts`, `_mark_before`, `tok_index`) they use."""

    text: str
    toks: list[Tok]
    lex: QuoteLexicon
    sent_end: list[int]
    cue_at: dict[int, tuple[CueForm, bool]]
    spans: list[MarkSpan]
    _span_opens: list[int]

    def _inside_quotation(self, at: int) -> bool:
        """Offset `at` lies inside quotation marks (spans are ordered by their opening mark; only the
        last few before `at` can still be open there, which keeps a headline scan linear)."""
        first = bisect_right(self._span_opens, at)
        return any(s.start <= at < s.end for s in self.spans[max(0, first - MAX_OPEN_SPANS) : first])

    def _nominal_cue(self, i: int) -> Candidate | None:
        toks, lex = self.toks, self.lex
        w = toks[i].text
        base = w if w in lex.nominal else strip_prefix(w)[-1]
        if base == w and w.startswith("ب") and w[1:] in lex.nominal:
            base = w[1:]
        send = self.sent_end[toks[i].sent]
        k = i + 1
        need = lex.nominal.get(base, "")
        if need:
            if k < send and toks[k].text == need:
                k += 1
            else:
                return None
        verb_source = k + 2 < send and toks[k].text == "ما" and toks[k + 1].word
        if verb_source and toks[k + 1].text in lex.rule_verbs:
            return None  # وفق ما ينص عليه الاتفاق: a rule the content follows, not its source
        if verb_source:
            k += 2  # حسب ما ذكرته الشركة: the verb's subject is the source
            if k < send and toks[k].text in PRONOUN_PREPS | {"به"}:
                k += 1
        elif k >= send or self._trailing_pronoun(i):
            return None
        # the source: لمركز القيادة → مركز القيادة ; وفق ما أعلنه مسؤول → مسؤول
        src: list[int] = []
        j = k
        if j < send and toks[j].text == "ل":
            j += 1
        while j < send and len(src) < MAX_NP_TOKENS:
            t = toks[j]
            if not t.word:
                if t.text in FAMILIES:
                    j += 1
                    continue
                close = self._paren_close(j, send) if src else None
                if close is not None:
                    j = close + 1  # مكتب تنسيق الشؤون الإنسانية (أوتشا): an acronym in brackets
                    continue
                break
            if t.text in _FA_INNA or t.text in lex.complementizers:
                break
            if verb_source and src and self._skip_adjuncts(j, send) > j:
                break  # حسب ما ذكرته الشركة في إفصاح: the setting is not part of the source
            src.append(j)
            j += 1
        if not src:
            return None
        if len(src) > 2 and without_article(toks[src[0]].text) in lex.source_modifiers and toks[src[1]].text == "من":
            src = src[2:]  # بحسب نسخة من مسودة القانون: the draft speaks, not "a copy"
        head = next((k for k in src if without_article(without_li(toks[k].text)) not in lex.source_modifiers), src[0])
        bare_head = without_article(without_li(toks[head].text))
        if bare_head in lex.evidence_nouns:
            # ووفق معطيات المديرية العامة للأرصاد: the owner of the data speaks; بحسب ما أظهرته الصور: nobody
            owner = next((n for n, k in enumerate(src) if k > head and without_article(without_li(toks[k].text)) in lex.org_heads), None)
            if owner is None:
                return None
            src = src[owner:]
            head = src[0]
            bare_head = without_article(toks[head].text)
        named_law = bare_head in lex.document_heads and toks[head].text == bare_head and head != src[-1]
        if bare_head in lex.manner_nouns and not named_law:
            return None  # وفقا للقانون، حسب الحاجة: a manner or rule, not a source (بحسب قانون الانتخاب: a law that speaks)
        at_start = i == 0 or toks[i - 1].sent != toks[i].sent or (toks[i - 1].text in COMMAS and not self._after_content(i))
        cand = Candidate((0, 0), "indirect", (toks[i].start, toks[src[-1]].end), i, cls="say", how="nominal")
        speaker = src
        if not verb_source and (bare_head in lex.document_heads or is_setting(bare_head)):
            # بحسب أحدث تقرير لمكتب الأمم المتحدة: the report's author is the source
            by = next((n for n, k in enumerate(src) if k > head and toks[k].text in lex.author_verbs), None)
            genitive = src[src.index(head) + 1] if head != src[-1] else None
            author = next((k for k in src if k > head and toks[k].text.startswith("ل") and len(toks[k].text) > 3), None)
            if by is not None and by + 1 < len(src):
                speaker = self._without_time(src[by + 1 :])  # وفق بيانات نشرها المرصد الوطني يوم الخميس
            elif genitive is not None and not is_definite(toks[head].text) and is_definite(toks[genitive].text) and without_article(toks[genitive].text) in lex.org_heads:
                speaker = src[src.index(genitive) :]  # وفق بيانات المعهد الوطني للإحصاء: the institute's data
            elif author is not None:
                speaker = src[src.index(author) :]
        cand.speaker = speaker
        first_src = toks[speaker[0]].text
        if first_src.startswith("ل") and len(first_src) > 3:
            cand.speaker_words = [without_li(first_src)] + [toks[k].text for k in speaker[1:]]
        closed_mark = None if at_start or (j < send and toks[j].text in _FA_INNA) else self._mark_before(i)
        if closed_mark is not None and self._opens_sentence(closed_mark):
            # «...»، بحسب ما قال فلان، أحد السكان: the quotation before is the source's
            cand.content = (closed_mark.start, closed_mark.end)
            cand.type = "direct"
            cand.how = "trailing"
            return cand
        if at_start or (j < send and (toks[j].text in _FA_INNA or toks[j].text in COMMAS)):
            # leading: وبحسب مصادر محلية فإن ... / ووفقا لمركز ...، فإن ...
            c = j
            while c < send and (toks[c].text in COMMAS or toks[c].text in _FA_INNA):
                c += 1
            if c == j or c >= send:
                return None
            if (c in self.cue_at and toks[c].text not in lex.narration) or (i >= 2 and toks[i - 1].text in COMMAS and i - 2 in self.cue_at):
                return None  # ووفقا للوكالة، قال الوزير إن / وقالت، بحسب الإذاعة، إنها: the outlet passes on words the verb attributes
            content = self._content(c, send, False)
            if content is None:
                return None
            cand.content, cand.type = content
            cand.cue = (toks[i].start, toks[c - 1].end)
            return cand
        # trailing: ...، وفقا لإذاعة الساحل.
        if i == 0 or toks[i - 1].text not in COMMAS:
            return None
        s = i - 1
        first = s
        while first > 0 and toks[first - 1].sent == toks[i].sent and i - first < MAX_TAIL_TOKENS * 2:
            first -= 1
            hit = self.cue_at.get(first)
            if hit is not None and first > 0 and toks[first - 1].text in lex.irrealis:
                hit = None  # من المنتظر أن تعلن النتائج، حسب ما أفادت به مصادر: an expected act, not the speaker's verb
            if hit is not None and hit[0].tense != "participle" and not hit[0].ambiguous and hit[0].cls != "praise":
                # «...»، يقول فلان، وفق البيان: the words before are the verb's speaker, and the
                # attribution names where the quotation was said, not a new source
                return None
            if hit is not None or toks[first].text in lex.complementizers:
                first += 1
                break
        while first < s and (toks[first].text in COMMAS or toks[first].text in ("و",)):
            first += 1
        if sum(1 for t in toks[first:s] if t.word) < MIN_OBJECT_TOKENS:
            return None
        cand.content = self._trim(toks[first].start, toks[s - 1].end if s > first else toks[s].end)
        cand.how = "trailing"
        return cand

    def _without_time(self, src: list[int]) -> list[int]:
        """The source without a trailing time phrase (المرصد الوطني يوم الخميس → المرصد الوطني)."""
        times = frames().times
        cut = next((n for n, k in enumerate(src) if n and self.toks[k].text in times), len(src))
        return src[:cut]

    def _opens_sentence(self, span: MarkSpan) -> bool:
        """The quotation starts its sentence («...»، بحسب ما قال فلان), rather than closing the content
        of an earlier cue (مؤكدة أن ...، "..."، وفق ما صرح به مسؤول)."""
        k = self.tok_index(span.open)  # the opening mark itself
        return k == 0 or self.toks[k - 1].sent != self.toks[k].sent or self.toks[k - 1].line != self.toks[k].line

    def _paren_close(self, j: int, send: int) -> int | None:
        """The `)` closing a short bracket opened at token j, if any (bounded look-ahead)."""
        if self.toks[j].text != "(":
            return None
        for k in range(j + 1, min(send, j + 1 + MAX_PAREN_TOKENS)):
            if self.toks[k].text == ")":
                return k
        return None

    def _after_content(self, i: int) -> bool:
        return i > 1 and any(t.word for t in self.toks[max(0, i - 3) : i])

    def _headlines(self) -> list[Candidate]:
        """`SPEAKER: content` lines (headlines and subheadings)."""
        toks, lex = self.toks, self.lex
        out: list[Candidate] = []
        line_start = 0
        n = len(toks)
        for i in range(n + 1):
            if i < n and toks[i].line == toks[line_start].line:
                continue
            seg = line_start
            for c in range(line_start, i):
                if toks[c].text != ":":
                    continue
                if c > 0 and c + 1 < n and toks[c - 1].text.isdigit() and toks[c + 1].text.isdigit():
                    continue
                seg_start, seg = seg, c + 1
                bulleted = False
                if seg_start == line_start:
                    bulleted = toks[seg_start].text in _BULLETS
                    seg_start = self._after_kicker(seg_start, c)
                if any(k in self.cue_at for k in range(seg_start, c)):
                    continue  # وتابعت والدموع في عينيها: a cue's own colon, not a headline
                # only a label too long to be a speaker is cut (وزير الخارجية والمغتربين: stays whole)
                too_long = sum(1 for t in toks[seg_start:c] if t.word) > MAX_HEADLINE_SPEAKER
                joined = [k for k in range(seg_start + 1, c) if self._conjoined_source(toks[k].text)] if too_long else []
                if joined and seg_start == line_start and not bulleted:
                    seg_start = joined[-1]  # إضراب يشل المدارس ورابطة الأساتذة: ...: the second clause speaks
                # سلمى بن عمار بعد عودتها المظفرة: the source is the label before when it spoke
                label_end = next((k for k in range(seg_start + 1, c) if trailer_class(toks[k].text) in ("circumstance", "time")), c)
                head = toks[seg_start:label_end]
                # a role opens a longer label (الرئيس التنفيذي لبنك الدلتا الوطني:), as a bullet does
                opener = toks[seg_start].text
                role_led = opener in lex.single_titles or without_article(opener) in lex.roles
                longest = MAX_BULLET_SPEAKER if bulleted or role_led else MAX_HEADLINE_SPEAKER
                if self._inside_quotation(toks[c].start):
                    continue  # «الرسالة واضحة: ...»: a colon inside a quotation opens no headline
                words = [t for t in head if t.word]
                if not words or len(head) > longest + 2 or len(words) > longest:
                    continue
                if any(not t.word and t.text not in FAMILIES and not (bulleted and t.text in COMMAS) for t in head):
                    continue  # (• النائب عن ولاية سطيف، سمير حمادي: a bulleted title may hold a comma)
                if any(k in self.cue_at for k in range(seg_start, c)):
                    continue
                first = strip_prefix(words[0].text)[-1]
                answer = len(words) == 1 and words[0].text in lex.answer_labels and seg_start == line_start
                if (words[0].text in lex.labels or first in lex.labels) and not (len(words) > 1 and first in lex.anonymous_heads):
                    continue  # المصدر: / كتب: are labels; مصدر أمني: is an anonymous source
                content_end = c + 1
                while content_end < i and toks[content_end].text != ":":
                    content_end += 1
                if sum(1 for t in toks[c + 1 : content_end] if t.word) < MIN_OBJECT_TOKENS:
                    continue
                cand = Candidate((0, 0), "indirect", (toks[seg_start].start, toks[c].end), seg_start, how="answer" if answer else "headline")
                cand.speaker = [] if answer else [k for k in range(seg_start, label_end) if toks[k].word]
                if joined and seg_start == joined[-1]:
                    cand.speaker_words = [toks[seg_start].text[1:]] + [toks[k].text for k in cand.speaker[1:]]
                res = self._content(c + 1, content_end, answer)  # an answer runs to the end of its line
                if res is None:
                    continue
                cand.content, cand.type = res
                if cand.type == "mixed":
                    cand.type = "indirect"
                out.append(cand)
            line_start = i
        return out

    def _conjoined_source(self, w: str) -> bool:
        """و + a definite noun or an organization's head (والصحة، ورابطة): where a headline's
        second clause, and so its speaker, starts."""
        if not w.startswith("و") or len(w) < 5:
            return False
        bare = w[1:]
        return is_definite(bare) or bare in self.lex.org_heads

    def _after_kicker(self, k: int, c: int) -> int:
        """The first token after a line's bullet (• وزير الداخلية: ...) or rubric and its separator
        (عاجل | الرئاسة: ...), before the colon at `c`."""
        toks = self.toks
        while k < c:
            if toks[k].text in _BULLETS:
                k += 1
            elif toks[k].text in self.lex.labels and k + 1 < c and toks[k + 1].text in _KICKER_SEPARATORS:
                k += 2
            else:
                break
        return k

    def narrative_person(self, i: int, gender: str | None) -> list[int]:
        """Title/role + given name + family name that a narrative sentence just introduced
        (تحدثت المخرجة سلوى النجار عن ... وقالت:), for an implicit cue with nothing to carry from.
        The title must agree with the cue (المخرجة for قالت), else the person is someone else."""
        toks, lex = self.toks, self.lex
        first_sent = toks[i].sent - NARRATIVE_SENTENCES
        for k in range(i - 1, max(0, i - NARRATIVE_MAX_TOKENS), -1):
            if toks[k].sent < first_sent:
                break
            title, w = toks[k - 1].text, toks[k].text
            if not (title in lex.single_titles or title in lex.roles):
                continue
            family_next = k + 1 < i and is_definite(toks[k + 1].text) and toks[k + 1].text not in lex.roles
            if not (w in lex.first_names or (toks[k].word and not is_definite(w) and family_next and w not in PREP_WORDS and w not in lex.adjuncts)):
                continue  # a given name, or an unknown one before an ال- family name (المخرجة سلوى النجار)
            if (gender == "f") != title.endswith("ه"):
                continue
            out = [k - 1, k]
            if k + 1 < i and toks[k + 1].word and toks[k + 1].text not in PREP_WORDS and k + 1 not in self.cue_at:
                out.append(k + 1)
            return out
        return []
