"""Quotation stage: finds quotations (`extract.py`), resolves their speakers (`speaker.py`) and
assigns `doc.quotes` with raw-text offsets and a calibrated confidence.

Works without NER mentions (speaker phrases are read by rule); when the NER stage has filled
`doc.mentions`, a PER/ORG mention inside a speaker phrase delimits the name more precisely.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from qala.document import Document, Quote, Span, Speaker
from qala.quotes.extract import Candidate, Extractor
from qala.quotes.frames import (
    document_source,
    organization_end,
    repair_speaker_phrase,
    source_after_quote,
    without_leading_manner,
)
from qala.quotes.lexicon import is_naming_word, lookup_cue
from qala.quotes.speaker import (
    COMPOUND_NAME_ENDS,
    SourceEntry,
    SourceIndex,
    frames,
    headline_speaker_ok,
    is_definite,
    name_tokens,
    speaker_kind,
    split_role_name,
    strip_titles,
    without_article,
    without_li,
)
from qala.quotes.tokens import COMMAS, RELAY_LEMMA, SAYING_STEM
from qala.text.normalize import norm, normalize

# Confidence model: a product of factors, each the observed reliability of one feature on the
# development gold (direct quotations with an explicit speaker are right most often; carried
# speakers and contents read without a complementizer less so). See README "Confidence".
BASE_CONFIDENCE = {"direct": 0.92, "mixed": 0.88, "indirect": 0.84}
HOW_FACTOR = {"clause": 1.0, "object": 0.85, "nominal": 0.85, "headline": 0.8, "trailing": 0.85, "answer": 0.85}
RESOLUTION_FACTOR = {"explicit": 1.0, "coreference": 0.95, "carried": 0.88}
NO_SPEAKER_FACTOR = 0.6
AMBIGUOUS_CUE_FACTOR = 0.9
# Two candidates whose contents overlap this much (Dice on characters) are the same quotation.
DUPLICATE_OVERLAP = 0.6
# Candidates compared with each other (sorted by position): quotations of one sentence are
# neighbours; the window keeps thousands of cues in one text linear.
DEDUPE_WINDOW = 8
# Earlier sources an implicit cue may refer to (agreement is checked on the most recent ones).
ANTECEDENT_WINDOW = 12
# A person named this many tokens before an implicit cue, in its sentence, may be its subject
# (role, apposition and an object clause fit; a longer sentence has moved on).
NARRATIVE_SUBJECT_TOKENS = 40
# Subjectless words a cue may follow and still take the previous sentence's narrated person
# (تصمت قليلا ثم تقول): a verb, an adverb and ثم; more is a clause with a subject of its own.
MAX_SUBJECTLESS_LEAD = 3
# A quoted company or work name inside a speaker's apposition is this short.
MAX_QUOTED_NAME_WORDS = 4
# A narrative sentence whose person speaks next is news-length; a longer run has no sentence ends.
MAX_PREVIOUS_SENTENCE_TOKENS = 120
MAX_NAME_TOKENS = 5  # tokens of one person mention (given + family names)
MAX_APPOSITION_TOKENS = 12  # an apposition read for a naming word (وهي ممرضة تدعى فلانة)
MIN_CONJOINED_LETTERS = 4  # و + ال + a word: والإحصاء, not a short word starting so
TITLE_LOOKBACK = 8  # النائبة عن فريق التجمع المعارض، سناء: a role and its attachment before the name
# An organization named as a clause's subject this many sentences before an implicit cue (its own
# and the previous one) may be its subject: أصدرت الرابطة بيانا ...، مؤكدة أن.
NARRATIVE_ORG_SENTENCES = 1
# Definite words after an organization's head read as its name (البنك المركزي المصري).
MAX_ORG_WORDS = 5
# A word is read as an accusative with a tanween alif (أمنيا → أمني) only if this much stem remains.
MIN_ACCUSATIVE_STEM = 3
MIN_PREFIXED_VERB = 3  # و + a verb of at least three letters (وقال); shorter words are bare verbs
_QUOTE_MARKS = frozenset('"«»“”')
_THEN_WORDS = frozenset({"ثم"})
_BUT = frozenset(norm(w) for w in ("لكن", "ولكن", "بينما", "فيما"))  # a sentence about its subject follows
# How far after the speaker of نقل عن the noun قوله/قولها is looked for (a short apposition between).
RELAYED_NOUN_REACH = 8


class QuoteStage:
    name = "quotes"
    requires = ("sentences", "mentions")
    assigns = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        doc.quotes = extract_quotes(doc)
        return doc


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    total = (a[1] - a[0]) + (b[1] - b[0])
    return 2 * inter / total if total else 0.0


def _dedupe(cands: list[Candidate], toks: list, first_names: frozenset[str], text: str) -> list[Candidate]:
    """One candidate per quotation: explicit speakers and earlier cues win."""
    cands.sort(key=lambda c: (c.content[0], -(c.content[1] - c.content[0])))
    kept: list[Candidate] = []
    for c in cands:
        dup = None
        for k in kept[-DEDUPE_WINDOW:]:
            nested = k.content[0] <= c.cue[0] < k.content[1] or c.content[0] <= k.cue[0] < c.content[1]
            if not nested and _overlap(c.content, k.content) >= DUPLICATE_OVERLAP:
                dup = k
                break
        if dup is None:
            kept.append(c)
            continue
        better = (bool(c.speaker) and not dup.speaker) or (
            bool(c.speaker) == bool(dup.speaker)
            and ((c.how == "clause" and dup.how != "clause") or (c.how == dup.how and c.cue[0] < dup.cue[0]))
        )
        if better:
            kept[len(kept) - 1 - kept[::-1].index(dup)] = c
    # a cue inside another quotation's content is a quotation only with its own, explicit speaker
    out = []
    for n, c in enumerate(kept):
        window = kept[max(0, n - DEDUPE_WINDOW) : n + DEDUPE_WINDOW]
        outer = [o for o in window if o is not c and o.content[0] <= c.cue[0] < o.content[1]]
        if outer and not c.speaker:
            continue
        if any(o.type == "direct" for o in outer) and not first_names & {toks[k].text for k in c.speaker}:
            continue  # words inside quoted speech are the speaker's, unless a person is named
        c.nested = bool(outer)
        if c.nested:
            # a quotation inside another ends with its clause: at the first comma
            comma = min((p for p in (text.find("،", c.content[0], c.content[1]), text.find(",", c.content[0], c.content[1])) if p > 0), default=-1)
            if comma > c.content[0]:
                c.content = (c.content[0], comma)
        out.append(c)
    return out


class _MentionIndex:
    """The document's NER mentions ordered by start, so the mentions inside a speaker phrase are
    found by bisection (a scan of all mentions per speaker made long documents quadratic)."""

    def __init__(self, doc: Document) -> None:
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def longest_inside(self, start: int, end: int, labels: tuple[str, ...] = ("PER", "ORG")) -> str | None:
        """The longest mention of these labels inside [start, end) (raw offsets)."""
        best = None
        for m in self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]:
            if m.label in labels and m.end <= end and (best is None or (m.end - m.start) > (best.end - best.start)):
                best = m
        return best.text if best else None


def _with_person_mention(words: list[str], person: str) -> list[str]:
    """The phrase with its name delimited by a PER mention, when the rules found no name or a
    shorter one (المتحدث باسم الوزارة نيد برايس: a given name missing from the lexicon)."""
    mention = name_tokens(person)
    if speaker_kind(words) != "person" or not mention:
        return words
    role, name = split_role_name(words)
    if name and not set(name) < set(mention):
        return words
    if not set(mention) <= set(words):
        return words
    at = next((i for i in range(len(words) - len(mention) + 1) if words[i : i + len(mention)] == mention), None)
    if at is not None:
        # الطراونة في ختام المؤتمر، الزبيدي التفشي: what follows the name is a setting or the
        # verb's object, never part of it
        return words[: at + len(mention)]
    role = [w for w in role if w not in mention]
    return role + mention


def _apposition_tail(c: Candidate, toks: list, complementizers: frozenset[str]) -> list[str]:
    """Words after the speaker phrase that may hold a naming apposition: up to the end of the cue
    phrase, or — for a speaker written after its quotation («…»، وصف أحد الناجين، وهو موظف يدعى
    فلان (41 عاما)،) — up to the bracket, or the comma that closes the naming apposition."""
    last = toks[c.speaker[-1]]
    after_cue = c.cue[1] <= last.start
    stop = c.speaker[-1] + 1 + MAX_APPOSITION_TOKENS if after_cue else len(toks)
    tail: list[str] = []
    for t in toks[c.speaker[-1] + 1 : stop]:
        if t.sent != last.sent or t.text in complementizers or (not after_cue and t.start >= c.cue[1]):
            break
        if after_cue and tail and not t.word and (t.text not in COMMAS or any(is_naming_word(w) for w in tail)):
            break
        if t.word:
            tail.append(t.text)
    return tail


def _named_in_apposition(words: list[str], tail: list[str]) -> list[str]:
    """The speaker words, or the name a naming word in the apposition `tail` after them introduces
    (إحدى المشاركات، وهي ممرضة تدعى هالة المصري → هالة المصري)."""
    for j in range(len(tail) - 2, -1, -1):
        if is_naming_word(tail[j]):
            return tail[j + 1 :]
    return words


def extract_quotes(doc: Document) -> list[Quote]:
    nz = normalize(doc.text)
    ex = Extractor(nz.text, nz)
    cands = _dedupe(ex.candidates(), ex.toks, ex.lex.first_names, nz.text)
    toks = ex.toks
    for c in cands:
        if c.speaker and not c.speaker_words and c.how != "headline":
            c.speaker = without_leading_manner(toks, c.speaker)  # «…»، قالت بصوت متقطع: no name
        if c.how == "clause" and not c.speaker_words:
            c.speaker = repair_speaker_phrase(toks, c.cue_tok, c.speaker)
        elif c.how == "nominal" and c.speaker_words:
            source = document_source(toks, c.cue_tok, c.speaker, c.speaker_words, ex.lex.document_heads)
            if source != c.speaker:
                c.speaker, c.speaker_words = source, None
    # Each normalized word is displayed with a spelling from the article. Words inside speaker phrases
    # and person mentions come first: normalization merges على (on) and علي (a name), and a speaker
    # called علي must not be shown as على because the preposition came first in the text.
    person_spans = sorted((m.start, m.end) for m in doc.mentions if m.label == "PER")
    per_of_tok: dict[int, int] = {}  # token → index of the PER mention it lies in
    j = 0
    for k, t in enumerate(toks):  # tokens and spans in text order: one sweep, linear time
        start = nz.to_raw(t.start)
        while j < len(person_spans) and person_spans[j][1] <= start:
            j += 1
        if j < len(person_spans) and person_spans[j][0] <= start:
            per_of_tok[k] = j
    preferred = {k for c in cands for k in c.speaker} | per_of_tok.keys()
    raw_words: dict[str, str] = {}
    for first_pass in (True, False):
        for k, t in enumerate(toks):
            if not t.word or t.text in raw_words or (first_pass and k not in preferred):
                continue
            start, end = nz.to_raw(t.start), nz.to_raw_end(t.end)
            raw = doc.text[start:end]
            raw_words[t.text] = raw
            if len(t.text) > 3 and t.text[0] in "لبوف":
                raw_words.setdefault(t.text[1:], raw[1:])  # لوزارة → وزارة
            if len(t.text) > 4 and t.text.startswith("لل") and raw.startswith("لل"):
                raw_words.setdefault("ا" + t.text[1:], "ا" + raw[1:])  # للحماية → الحماية
                raw_words.setdefault("ال" + t.text[1:], "ال" + raw[1:])  # للجنة → اللجنة
    persons = [name_tokens(m.text) for m in doc.mentions if m.label == "PER"]
    index = SourceIndex(nz.text, raw_words, persons)
    entries: dict[int, tuple[SourceEntry, str, Span]] = {}

    def raw_span(a: int, b: int) -> Span:
        s, e = nz.to_raw(a), nz.to_raw_end(b)
        return Span(s, e, doc.text[s:e])

    known_words = {toks[k].text for c in cands if c.how != "headline" for k in c.speaker}
    # المديرية العامة للحماية المدنية makes "الحماية المدنية:" a known speaker: لـ/للـ forms count too
    known_words |= {without_li(w) for w in known_words}
    # الجهاز المركزي للتعبئة العامة والإحصاء makes "والإحصاء:" a known speaker too
    known_words |= {w[1:] for w in known_words if w.startswith("وال") and len(w) > MIN_CONJOINED_LETTERS}
    known_names = [sorted(known_words)]
    # family names the article writes after a given name (حسام الكردي): one alone labels a headline
    # even when a place bears it too (الكردي:)
    first_names = ex.lex.first_names | COMPOUND_NAME_ENDS
    family_names = {toks[k].text for c in cands if c.how != "headline" for k in c.speaker if k and toks[k - 1].text in first_names and is_definite(toks[k].text)}
    # explicit speakers first, in text order, so roles and short names resolve to the names the
    # article has already given; headlines only when their label is a source
    order = sorted(range(len(cands)), key=lambda n: cands[n].cue[0])
    mention_index = _MentionIndex(doc)
    for n in order:
        c = cands[n]
        if not c.speaker:
            continue
        words = c.speaker_words or [toks[k].text for k in c.speaker]
        if words[0].startswith("وال") and len(words[0]) > MIN_PREFIXED_VERB and words[0] not in ex.lex.wal_words:
            words = [words[0][1:], *words[1:]]  # ، والقوات الأمنية أكدت: the conjunction is not the source's
        # the name an apposition gives between the speaker and the content (…، وهي ممرضة تدعى هالة المصري:)
        words = _named_in_apposition(words, _apposition_tail(c, toks, ex.lex.complementizers))
        mention = raw_span(toks[c.speaker[0]].start, toks[c.speaker[-1]].end)
        if doc.mentions and c.how != "headline":
            person = mention_index.longest_inside(mention.start, mention.end, ("PER",))
            if person:
                words = _with_person_mention(words, person)
        if c.how == "headline":
            has_entity = bool(mention_index.longest_inside(mention.start, mention.end))
            stripped = strip_titles(words)
            # a title that is also a role (الرئيس التنفيذي لبنك …) makes the label a role's, as a role word does
            role_title = 0 < len(stripped) < len(words) and without_article(words[0]) in ex.lex.roles
            family_label = len(stripped) == 1 and stripped[0] in family_names
            if not role_title and not family_label and not headline_speaker_ok(stripped, known_names, has_entity):
                c.speaker = []
                c.how = "rejected"
                continue
        gender = c.gender if c.vso else None
        if (hit := lookup_cue(toks[c.cue_tok].text)) is not None and hit[0].lemma == RELAY_LEMMA:
            gender = _relayed_gender(toks, c.speaker[-1] + 1, ex.tok_index(c.content[0]))
        entry, coref = index.resolve(words, mention.text, gender, c.plural)
        entries[n] = (entry, "coreference" if coref else "explicit", mention)
    quotes: list[Quote] = []
    history: list[tuple[SourceEntry, Span]] = []  # explicit, non-nested sources so far, in text order
    upcoming = [n for n in order if n in entries and cands[n].cls == "continue"]
    # tokens no narrated subject is read from: cues and reported contents (وأشارت إلى أن الشركة)
    reported_toks = {x.cue_tok for x in cands}
    for x in cands:
        reported_toks.update(range(ex.tok_index(x.content[0]), ex.tok_index(x.content[1])))
    first_person: list = [None, 0]  # the interviewee search state (_first_person)
    for n in order:
        c = cands[n]
        if c.how == "rejected":
            continue
        resolution = "explicit"
        entry = mention = None
        if n in entries:
            entry, resolution, mention = entries[n]
            if not c.nested:
                history.append((entry, mention))
        elif c.how == "answer" and (interviewee := _first_person(history, first_person)) is not None:
            entry, mention = interviewee  # ج: the person the lead introduced, whoever the answers quote
            resolution = "carried"
        else:
            found = _antecedent(c, history, upcoming, entries, c.cue[0], cands)
            narrator = _narrative_subject(c, toks, per_of_tok, ex.lex, history[-1][1].end if history else -1, nz.to_raw, reported_toks)
            if not narrator:
                narrator = _previous_sentence_subject(c, toks, per_of_tok, ex.lex, history[-1][1].end if history else -1, nz.to_raw, reported_toks)
            if narrator:
                # a person introduced by the narration of the cue's own sentence after the latest
                # source: نفى المحامي X ...، مؤكدا أن / X، رأت أن / هنأ رئيس الحزب X منافسه، وقال إن —
                # the cue's subject is that person, also for a verb coordinated with the narration's
                mention = raw_span(toks[narrator[0]].start, toks[narrator[-1]].end)
                entry, _coref = index.resolve([toks[k].text for k in narrator], mention.text, c.gender, False)
                history.append((entry, mention))
                found = (entry, mention)
            source = [] if narrator else _source_after_quote(c, toks, history[-1][1].end if history else -1, nz.to_raw, reported_toks)
            if source:
                # «…»، هكذا لخص X موقفه. وأضاف: the source the text introduced after the quotation
                mention = raw_span(toks[source[0]].start, toks[source[-1]].end)
                entry, _coref = index.resolve([toks[k].text for k in source], mention.text, c.gender, False)
                history.append((entry, mention))
                found = (entry, mention)
            organization = [] if narrator or source else _narrative_organization(c, toks, per_of_tok, ex.lex, history[-1][1].end if history else -1, nz.to_raw, reported_toks)
            if organization:
                mention = raw_span(toks[organization[0]].start, toks[organization[-1]].end)
                entry, _coref = index.resolve([toks[k].text for k in organization], mention.text, c.gender, False)
                history.append((entry, mention))
                found = (entry, mention)
            phrase = [] if found is not None or c.plural or c.how != "clause" else ex.narrative_person(c.cue_tok, c.gender)
            if phrase:
                mention = raw_span(toks[phrase[0]].start, toks[phrase[-1]].end)
                entry, _coref = index.resolve([toks[k].text for k in phrase], mention.text, c.gender, False)
                history.append((entry, mention))  # later implicit cues of the interview carry it
                found = (entry, mention)
            if found is not None:
                entry, mention = found
                resolution = "carried"
        speaker = None
        if entry is not None:
            name = entry.display(raw_words)
            aliases = [f for f in entry.forms if f != name]
            if entry.kind == "anonymous" and (nominative := _nominative(name, ex.lex)) != name:
                aliases.insert(0, name)  # غير أن مسؤولا في الهيئة قال → مسؤول في الهيئة
                name = nominative
            if entry.role and entry.name:
                role = " ".join(raw_words.get(w, w) for w in entry.role)
                if role not in aliases:
                    aliases.append(role)
            speaker = Speaker(name=name, mention=mention, resolution=resolution, kind=entry.kind, aliases=aliases)  # type: ignore[arg-type]
        a, b = c.content
        content = raw_span(a, b)
        if not content.text.strip():
            continue
        cue = raw_span(*c.cue)
        conf = BASE_CONFIDENCE[c.type] * HOW_FACTOR.get(c.how, 1.0) * RESOLUTION_FACTOR[resolution]
        if speaker is None:
            conf *= NO_SPEAKER_FACTOR
        if c.ambiguous:
            conf *= AMBIGUOUS_CUE_FACTOR
        quotes.append(Quote(content.start, content.end, content.text, c.type, cue, speaker, round(min(1.0, max(0.0, conf)), 3)))  # type: ignore[arg-type]
    quotes.sort(key=lambda q: q.start)
    return quotes


_TANWEEN_ALIF = re.compile("(?:\u064b?\u0627|\u0627\u064b)$")


def _nominative(name: str, lex) -> str:
    """An anonymous source written in the accusative after أن (مصدرا أمنيا ليبيا) in its dictionary
    form (مصدر أمني ليبي): the head and the adjectives right after it lose their tanween alif."""
    words = name.split()
    head = _TANWEEN_ALIF.sub("", words[0]) if words else ""
    if not words or head == words[0] or norm(head) not in lex.anonymous_heads:
        return name
    out = []
    for n, w in enumerate(words):
        bare = _TANWEEN_ALIF.sub("", w)
        if bare == w or len(bare) < MIN_ACCUSATIVE_STEM:
            out.extend(words[n:])
            break
        out.append(bare)
    return " ".join(out)


def _first_person(history: list[tuple[SourceEntry, Span]], seen: list) -> tuple[SourceEntry, Span] | None:
    """The first person among the sources so far. `seen` = [found, how many entries were looked at]
    carries the search from one answer to the next, so a long interview stays linear."""
    found, scanned = seen
    while found is None and scanned < len(history):
        if history[scanned][0].kind == "person":
            found = history[scanned]
        scanned += 1
    seen[:] = [found, scanned]
    return found


def _narrative_subject(c: Candidate, toks: list, per_of_tok: dict[int, int], lex, after: int, to_raw, reported_toks: set[int]) -> list[int]:
    """The tokens of the person (a PER mention) named before an implicit cue in the cue's own
    sentence, after the latest explicit source (raw offset `after`), outside quotation marks and
    reported contents (أشار إلى أن غياب اللاعب فلان ...، لافتا: the player is spoken of, not
    speaking), whose title (if any) agrees in gender with the cue; [] when there is none."""
    i = c.cue_tok
    if c.plural:
        return []
    hit: list[int] = []
    skip_to = -1
    for k in range(i - 1, max(-1, i - NARRATIVE_SUBJECT_TOKENS), -1):
        if k >= skip_to >= 0:
            continue  # inside a short quoted name (شركة "رمال للتطوير"), its opening mark included
        t = toks[k]
        if t.text in _QUOTE_MARKS and (opening := _quoted_name_start(toks, k)) is not None:
            skip_to = opening
            continue
        if t.sent != toks[i].sent or to_raw(t.start) < after or t.text in _QUOTE_MARKS or k in reported_toks:
            break
        if k in per_of_tok:
            hit = [m for m in range(k, max(-1, k - MAX_NAME_TOKENS), -1) if per_of_tok.get(m) == per_of_tok[k]][::-1]
            break
    if not hit:
        return []
    # the nearest title/role before the name (across an apposition comma) gives its gender
    for k in range(hit[0] - 1, max(-1, hit[0] - TITLE_LOOKBACK), -1):
        if toks[k].sent != toks[i].sent:
            break
        w = toks[k].text
        if w in lex.single_titles or w in lex.roles:
            if (c.gender == "f") != w.endswith("ه"):
                return []
            return [k, *hit] if k == hit[0] - 1 else hit
    return hit


def _relayed_gender(toks: list, a: int, b: int) -> str | None:
    """نقلت صحيفة عن فلان قوله / عن فلانة قولها: the verb agrees with the outlet; the speaker's
    gender is the pronoun on قول between the speaker (from token a) and the content (token b)."""
    for k in range(a, min(b, a + RELAYED_NOUN_REACH)):
        w = toks[k].text
        if w.startswith(SAYING_STEM):
            return "f" if w.endswith("ها") else "m" if w.endswith("ه") else None
    return None


def _verb_agrees(verb: str, gender: str | None) -> bool:
    """A narration verb (تحدثت، تجلس، جلس، يجلس) can have a subject of `gender`: ت- ends a feminine
    past verb and opens a feminine present one, but also opens masculine past verbs (تحدث)."""
    if verb.endswith("ت"):
        return gender == "f"
    if verb.startswith("ي"):
        return gender != "f"
    return verb.startswith("ت") or gender != "f"


def _quoted_name_start(toks: list, close: int) -> int | None:
    """The opening mark of a short quoted name that ends at toks[close] right after a noun (رئيس
    مجلس إدارة شركة "رمال للتطوير"): a company or a title, not quoted speech; None otherwise."""
    for k in range(close - 1, max(-1, close - 2 - MAX_QUOTED_NAME_WORDS), -1):
        if toks[k].text in _QUOTE_MARKS:
            return k if k > 0 and toks[k - 1].word and k < close - 1 else None
        if not toks[k].word:
            return None
    return None


def _previous_sentence_subject(c: Candidate, toks: list, per_of_tok: dict[int, int], lex, after: int, to_raw, reported_toks: set[int]) -> list[int]:
    """تحدثت أم خالد عن ... . وقالت: "...": a cue that opens its sentence with no subject of its own
    (not a continuation such as وأضاف, which keeps the last speaker) is said by the person the
    previous sentence's verb introduced after the latest source — a PER mention right after a verb
    (titles between them allowed) that agrees with the cue in gender, in a sentence of narration
    (no cue, no reported content); [] when there is none."""
    i = c.cue_tok
    if c.plural or c.cls == "continue" or i == 0:
        return []
    start = i
    while start > 0 and toks[start - 1].sent == toks[i].sent and i - start <= NARRATIVE_SUBJECT_TOKENS:
        start -= 1
    if start > 0 and toks[start - 1].sent == toks[i].sent:
        return []  # far into a long sentence: the cue has a subject of its own (and the walk stays bounded)
    # تصمت قليلا ثم تقول: a few subjectless words (verbs, adverbs, ثم) before the cue still leave it
    # without a subject of its own
    lead = range(start, i)
    # «…»، قال لمراسل الوكالة: a quotation that opens the sentence leaves its cue without a subject
    quoted_lead = c.how == "trailing" and toks[start].start >= c.content[0] - 1 and all(toks[m].end <= c.content[1] + 1 or toks[m].text in COMMAS for m in lead)
    if not quoted_lead and (len(lead) > MAX_SUBJECTLESS_LEAD or (lead and (toks[i - 1].text not in _THEN_WORDS or any(not toks[m].word or is_definite(toks[m].text) or m in per_of_tok or toks[m].text in lex.first_names for m in lead)))):
        return []
    if start == 0:
        return []
    prev_sent = toks[start - 1].sent
    i = start
    k = i - 1
    while k > 0 and toks[k - 1].sent == prev_sent and i - k <= MAX_PREVIOUS_SENTENCE_TOKENS:
        k -= 1
    if k > 0 and toks[k - 1].sent == prev_sent:
        return []  # a run-on "sentence" (no punctuation): no narration to read, and the scan stays bounded
    if any(m in reported_toks for m in range(k, i)):
        return []  # a sentence that reports speech: its speaker is the source, the others are spoken of
    for m in range(k, i):
        if m not in per_of_tok or to_raw(toks[m].start) < after or m in reported_toks:
            continue
        v = m - 1
        while v >= k and (toks[v].text in lex.single_titles or toks[v].text in lex.roles or is_definite(toks[v].text)):
            v -= 1  # تحدثت الطبيبة سلمى ...، لكن المزارع سليمان ...
        if v < k or toks[v].text in _BUT:
            # لكن المزارع سليمان العبادي … لا يشارك الوزارة تفاؤلها: the sentence is about the person it
            # opens with; a title before the name must agree with the cue
            title = toks[m - 1].text if m - 1 > v else ""
            if title and title.endswith("ه") != (c.gender == "f"):
                return []
            name = [x for x in range(m, min(i, m + MAX_NAME_TOKENS)) if per_of_tok.get(x) == per_of_tok[m]]
            return list(range(v + 1, m)) + name
        if not toks[v].word or is_definite(toks[v].text):
            return []
        verb = toks[v].text
        if verb not in lex.question_verbs and not _verb_agrees(verb, c.gender):
            return []  # نسأل عساف عما تكتبه: whoever is asked answers next, whatever the verb's person
        name = [x for x in range(m, min(i, m + MAX_NAME_TOKENS)) if per_of_tok.get(x) == per_of_tok[m]]
        return list(range(v + 1, m)) + name
    return []


def _source_after_quote(c: Candidate, toks: list, after: int, to_raw, reported_toks: set[int]) -> list[int]:
    """A source introduced by a verb after a quotation in the cue's sentence or the previous one
    (frames.source_after_quote), after the latest explicit source; [] when there is none."""
    i = c.cue_tok
    if c.plural:
        return []
    lo = i
    while lo > 0 and i - lo < NARRATIVE_SUBJECT_TOKENS and toks[lo - 1].sent >= toks[i].sent - NARRATIVE_ORG_SENTENCES and to_raw(toks[lo - 1].start) >= after:
        lo -= 1
    source = source_after_quote(toks, lo, i, c.gender)
    return [] if any(k in reported_toks for k in source) else source


def _narrative_organization(c: Candidate, toks: list, per_of_tok: dict[int, int], lex, after: int, to_raw, reported_toks: set[int]) -> list[int]:
    """The tokens of an organization that the narration of the cue's sentence or the previous one
    makes a clause's subject (خفض البنك المركزي سعر الصرف، في خطوة قال إنها; غير أن الرابطة ردت
    ...، مؤكدة أن), after the latest explicit source and another cue, with no person named in
    between, when its gender agrees with the cue; [] when there is none. A noun after a noun or a
    preposition (زار الوزير البنك، في رواية البنك) is no subject; nor is one inside a reported
    clause (نفى أن يكون النادي قد رفض)."""
    i = c.cue_tok
    if c.plural:
        return []
    f = frames()
    for k in range(i - 1, max(-1, i - NARRATIVE_SUBJECT_TOKENS), -1):
        t = toks[k]
        if t.sent < toks[i].sent - NARRATIVE_ORG_SENTENCES or to_raw(t.start) < after or t.text in _QUOTE_MARKS or k in per_of_tok or k in reported_toks:
            return []
        w = t.text
        bare = w[2:] if is_definite(w) else w
        if t.word and (w in lex.sure_first_names or w in lex.roles or bare in lex.roles or w in lex.single_titles):
            return []  # a person (الباحث لؤي ...) is named closer: the cue is theirs
        if not t.word or bare not in lex.org_heads or not _opens_clause(toks, k, bare.endswith("ه"), lex, f):
            continue
        if bare.endswith("ه") != (c.gender == "f"):
            return []  # the nearest subject organization disagrees: the cue's subject is someone else
        return list(range(k, organization_end(toks, k, min(len(toks), k + MAX_ORG_WORDS))))
    return []


def _opens_clause(toks: list, k: int, feminine: bool, lex, f) -> bool:
    """toks[k] is a clause's subject: right after the clause's agreeing verb (خفض البنك، أصدرت
    الرابطة) or a clause-opening complementizer (غير أن الرابطة) not governed by a reporting verb."""
    prev = toks[k - 1] if k > 0 and toks[k - 1].sent == toks[k].sent else None
    if prev is None or not prev.word:
        return True
    p = prev.text
    before = toks[k - 2] if k > 1 and toks[k - 2].sent == toks[k].sent else None
    if p in lex.complementizers:
        return before is None or not before.word or lookup_cue(before.text) is None
    if is_definite(p) or p in f.prepositions or p in lex.adjuncts or len(p) < MIN_PREFIXED_VERB or p.startswith(("بال", "لل")):
        return False
    if p.endswith("ت") != feminine:
        return False  # the verb before it does not agree with it: its object
    if before is not None and before.text in lex.complementizers:
        governor = toks[k - 3] if k > 2 and toks[k - 3].sent == toks[k].sent else None
        return governor is None or not governor.word or lookup_cue(governor.text) is None  # نفى أن يكون النادي
    return before is None or not before.word


def _agrees(c: Candidate, e: SourceEntry) -> bool:
    if c.plural and c.cls != "nominal":
        return e.plural or e.kind == "anonymous"
    if c.gender == "f":
        return e.gender == "f" or (e.gender is None and e.kind in ("organization", "anonymous"))
    return e.gender != "f"


def _antecedent(c: Candidate, history: list, upcoming: list[int], entries: dict, pos: int, cands: list[Candidate]) -> tuple[SourceEntry, Span | None] | None:
    """The speaker an implicit cue (وأضاف، مضيفا، وتابع) refers to: the latest earlier source that
    agrees in gender/number; else the latest earlier source; else the next explicit one when it
    agrees (a document that opens with وأكد أن before naming the speaker)."""
    for entry, mention in reversed(history[-ANTECEDENT_WINDOW:]):
        if _agrees(c, entry):
            return entry, mention
    if history:
        return history[-1]
    for m in upcoming:
        if cands[m].cue[0] > pos:
            entry, _res, mention = entries[m]
            # وقالوا ... then وأضافت فاطمة: a later person who disagrees is someone else (an
            # organization's noun may differ in gender from the cue: وتوقعت ... وأضاف التقرير)
            return (entry, mention) if entry.kind != "person" or _agrees(c, entry) else None
    return None
