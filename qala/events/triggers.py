"""Events: trigger words found per sentence, with participants, roles, place and date.

A trigger (`data/lexicons/event_triggers.tsv`) makes one event per type per sentence; verbs are
preferred over nouns as the trigger (استقبل over القمة). Participants are the persons and
organizations mentioned in the sentence (countries when no person or organization is), the place is a
location after a locative word (في موسكو، إلى موسكو، لموسكو), the date is the nearest date expression
in the sentence. For a verb the participant named first after it (or right before it) is the `agent`,
the others `counterpart`. Mentions of one event in several sentences (عقدت القمة ... في بداية الاجتماع)
are merged when compatible. A quotation is tied to an event when its sentence says so (في بداية
الاجتماع، خلال المؤتمر الصحفي: `data/lexicons/event_links.txt`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from qala.document import Document, Event, Sentence, TimeExpr
from qala.lexicon import load_list, load_table
from qala.text.normalize import Normalized, norm

_NOUN_PREFIX = r"(?:وبال|وال|بال|فال|لل|ال|وب|ول|فب|فل|و|ف|ب|ل)?"
_VERB_PREFIX = r"(?:و|ف)?س?"  # and, so; future س (سيلتقي)
_PRONOUN = r"(?:ه|ها|هما|هم|كم|نا|ي)"
# A participant named within this many characters before a verb trigger is its subject (SVO:
# "الوزير الأردني يستقبل"); further back it is more likely part of an earlier clause.
SUBJECT_WINDOW = 40
_LOCATIVE_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?:في|الي|من|نحو|داخل|الى)\s+(?:العاصمه\s+|مدينه\s+)?|(?<![^\W\d_])(?:و|ف)?[بل])$")


_WORD_AT = re.compile(r"[^\W\d_]+")
# Events whose participants can be countries (مصر والأردن توقعان اتفاقية) when no person or
# organization is named; for the others a country in the sentence is background.
COUNTRY_ACTORS = frozenset({"meeting", "call", "agreement", "sanctions", "statement"})


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str
    type: str
    pos: str
    requires: tuple[str, ...]


@cache
def _triggers() -> tuple[Trigger, ...]:
    return tuple(
        Trigger(norm(r["form"]), r["type"], r["pos"], tuple(norm(w) for w in r.get("requires", "").split("|") if w))
        for r in load_table("lexicons", "event_triggers.tsv")
        if r["type"] != "-"
    )


@cache
def _blocked() -> frozenset[str]:
    """Whole words that are never triggers (type `-` in the lexicon)."""
    return frozenset(norm(r["form"]) for r in load_table("lexicons", "event_triggers.tsv") if r["type"] == "-")


def _core_pattern(t: Trigger) -> str:
    """The trigger's words without proclitics, allowing pronoun suffixes (زيارة → زيارته)."""
    words = [re.escape(w) for w in t.form.split()]
    first = words[0]
    if t.pos == "noun" and t.form.endswith("ه") and len(words) == 1:
        first = re.escape(t.form[:-1]) + r"(?:ه|ت" + _PRONOUN + r")"
    elif len(words) == 1:
        first = first + _PRONOUN + "?"
    return r"\s+".join([first, *words[1:]])


@cache
def _trigger_res() -> tuple[tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Trigger], ...]], ...]:
    """One regex per part of speech (one shared proclitic group), and per-trigger patterns to tell
    which trigger a match is; longest forms first so phrases win over their first word."""
    out = []
    for pos, prefix in (("verb", _VERB_PREFIX), ("noun", _NOUN_PREFIX)):
        trig = sorted((t for t in _triggers() if t.pos == pos), key=lambda t: len(t.form), reverse=True)
        cores = [_core_pattern(t) for t in trig]
        big = re.compile(r"(?<![^\W\d_])" + prefix + "(?P<t>" + "|".join(cores) + r")(?![^\W\d_])")
        out.append((big, tuple((re.compile(c), t) for c, t in zip(cores, trig, strict=True))))
    return tuple(out)


@cache
def _link_re() -> re.Pattern[str]:
    phrases = sorted((norm(p) for p in load_list("event_links")), key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\s+$")


@dataclass(slots=True)
class _Found:
    type: str
    pos: str
    start: int  # raw offsets of the trigger
    end: int
    nmatch: int  # normalized offset of the match with its proclitics (for the words before it)
    sentence: int
    needs_place: bool = False  # only an event when a place is named (وصل ... إلى موسكو)
    light: bool = False  # a light verb that needs its object (عقدت القمة): a weaker trigger

    @property
    def rank(self) -> int:
        """Which trigger of a sentence names its event best: a full verb, a light verb, a noun."""
        return 0 if self.pos == "verb" and not self.light else 1 if self.pos == "verb" else 2


def find_triggers(nt: Normalized, sentences: list[Sentence], skip: list[tuple[int, int]]) -> list[_Found]:
    """Trigger matches per sentence (not inside the spans in `skip`: quotation contents)."""
    out = []
    bounds = [(nt.to_norm(s.start), nt.to_norm(s.end)) for s in sentences]
    starts = [b[0] for b in bounds]
    for pat, which in _trigger_res():
        for m in pat.finditer(nt.text):
            si = bisect_right(starts, m.start("t")) - 1
            if si < 0 or m.end("t") > bounds[si][1]:
                continue  # not inside one sentence
            t = next(t for c, t in which if c.fullmatch(m["t"]))
            f = _accept(nt, m, t, si, bounds[si][1], skip)
            if f is not None:
                out.append(f)
    out.sort(key=lambda f: f.start)
    return out


def _accept(nt: Normalized, m: re.Match[str], t: Trigger, si: int, ne: int,
            skip: list[tuple[int, int]]) -> _Found | None:
    """The trigger match as a found event mention, unless its required words are missing or it
    stands inside a quotation."""
    ts, te = m.start("t"), m.end("t")
    word = _WORD_AT.match(nt.text, m.start())
    if word and (word.group() in _blocked() or word.group()[1:] in _blocked()):
        return None
    words = tuple(w for w in t.requires if w != "@place")
    if words and not any(re.search(r"(?<![^\W\d_])(?:ال|ب|و)?" + re.escape(w), nt.text[te:ne]) for w in words):
        return None
    rs, re_ = nt.to_raw(ts), nt.to_raw_end(te)
    if any(a <= rs < b for a, b in skip):
        return None
    return _Found(t.type, t.pos, rs, re_, m.start(), si, "@place" in t.requires, bool(words))


@dataclass(slots=True)
class _Draft:
    event: Event
    pos: str
    sentence: int
    merged: list[int] = field(default_factory=list)  # sentence indices merged into it


def _mentions_in(doc: Document, start: int, end: int, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of entity mentions inside [start, end), outside quotation contents."""
    out = []
    for ent in doc.entities:
        for m in ent.mentions:
            if start <= m.start < end and not any(a <= m.start < b for a, b in skip):
                out.append((m.start, m.end, ent.id))
    return sorted(out)


def _build(doc: Document, nt: Normalized, f: _Found, times: list[TimeExpr], skip: list[tuple[int, int]]) -> _Draft:
    s = doc.sentences[f.sentence]
    types = {e.id: e.type for e in doc.entities}
    ments = _mentions_in(doc, s.start, s.end, skip)
    known = {e.id: bool(e.kb or (e.latin and not e.latin_guess)) for e in doc.entities}
    place = _place(nt, ments, types, f.end, known)
    people = [(a, b, e) for a, b, e in ments if types[e] in ("PER", "ORG")]
    if not people and f.type in COUNTRY_ACTORS:
        people = [(a, b, e) for a, b, e in ments if types[e] == "LOC" and e != place and not _locative(nt, a)]
    order: list[str] = []
    for _, _, e in people:
        if e not in order:
            order.append(e)
    roles: dict[str, str] = {}
    if f.pos == "verb" and order:
        before = [e for a, b, e in people if b <= f.start and f.start - b <= SUBJECT_WINDOW]
        after = [e for a, b, e in people if a >= f.end]
        agent = before[-1] if before else after[0] if after else order[0]
        roles = {e: ("agent" if e == agent else "counterpart") for e in order}
    else:
        roles = {e: "participant" for e in order}
    ev = Event(f.type, doc.span(f.start, f.end), doc.span(s.start, s.end), order, roles, place)
    in_sentence = [t for t in times if s.start <= t.start < s.end and t.value]
    if in_sentence:
        t = min(in_sentence, key=lambda t: abs(t.start - f.start))
        ev.date, ev.date_text = t.value, t.text
    return _Draft(ev, f.pos, f.sentence)


def _place(nt: Normalized, ments: list[tuple[int, int, str]], types: dict[str, str], after: int,
           known: dict[str, bool]) -> str | None:
    """The location introduced by a locative word (في، إلى، من، ب/ل): a gazetteer-known one first,
    then one after the trigger."""
    cands = []
    for a, _, e in ments:
        if types[e] == "LOC" and _locative(nt, a):
            cands.append((not known.get(e, False), a < after, a, e))
    if not cands:
        return None
    cands.sort()
    return cands[0][3]


def _locative(nt: Normalized, raw_start: int) -> bool:
    """Whether a locative word (في، إلى، من، ب/ل glued on) stands right before this position."""
    na = nt.to_norm(raw_start)
    return bool(_LOCATIVE_BEFORE.search(nt.text[max(0, na - 20) : na]))


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    pa, pb = set(a.participants), set(b.participants)
    return not pa or not pb or pa <= pb or pb <= pa


def _merge(drafts: list[_Draft]) -> tuple[list[_Draft], dict[int, int]]:
    """One event per type per sentence, then same-event mentions across sentences merged.

    Returns the kept drafts and a map from each sentence-level draft index to its kept index.
    """
    kept: list[_Draft] = []
    where: dict[int, int] = {}
    for i, d in enumerate(drafts):
        target = None
        for k in range(len(kept) - 1, -1, -1):
            if _compatible(kept[k].event, d.event):
                target = k
                break
        if target is None:
            where[i] = len(kept)
            kept.append(d)
            continue
        where[i] = target
        kept[target] = _absorb(kept[target], d)
    return kept, where


def _absorb(a: _Draft, b: _Draft) -> _Draft:
    """The richer of two mentions of one event (verb trigger, more participants) absorbs the other."""
    primary, other = (a, b)
    if (b.pos == "verb", len(b.event.participants)) > (a.pos == "verb", len(a.event.participants)):
        primary, other = b, a
    ev = primary.event
    for e in other.event.participants:
        if e not in ev.participants:
            ev.participants.append(e)
            ev.roles[e] = other.event.roles.get(e, "participant")
    ev.place = ev.place or other.event.place
    if not ev.date:
        ev.date, ev.date_text = other.event.date, other.event.date_text
    primary.merged += [other.sentence, *other.merged]
    return primary


def extract_events(doc: Document, nt: Normalized, times: list[TimeExpr]) -> list[Event]:
    """The document's events; also sets `Quote.event` where the text ties a quotation to one."""
    # the speaker's own words in quotation marks are not reported events; indirect speech often is
    # the report (أعلن ... استقالة حكومته)
    skip = [(q.start, q.end) for q in doc.quotes if q.type == "direct"]
    found = find_triggers(nt, doc.sentences, skip)
    per_sentence: dict[tuple[int, str], _Found] = {}
    for f in found:
        k = (f.sentence, f.type)
        if k not in per_sentence or f.rank < per_sentence[k].rank:
            per_sentence[k] = f
    ordered = sorted(per_sentence.values(), key=lambda f: f.start)
    drafts = [_build(doc, nt, f, times, skip) for f in ordered]
    keep = [i for i, (f, d) in enumerate(zip(ordered, drafts, strict=True)) if not f.needs_place or d.event.place]
    ordered, drafts = [ordered[i] for i in keep], [drafts[i] for i in keep]
    kept, where = _merge(drafts)
    _link_quotes(doc, nt, found, ordered, where)
    return [d.event for d in kept]


def _link_quotes(doc: Document, nt: Normalized, found: list[_Found], ordered: list[_Found],
                 where: dict[int, int]) -> None:
    """Quote.event = the event a linking phrase (في بداية الاجتماع) in the quote's sentence names."""
    if not doc.quotes:
        return
    draft_of = {(f.sentence, f.type): i for i, f in enumerate(ordered)}
    link_re = _link_re()
    for q in doc.quotes:
        anchor = q.cue.start if q.cue else q.start
        si = next((i for i, s in enumerate(doc.sentences) if s.start <= anchor < s.end), None)
        if si is None:
            continue
        for f in found:
            if f.sentence != si or f.pos != "noun" or q.start <= f.start < q.end:
                continue
            if link_re.search(nt.text[max(0, f.nmatch - 30) : f.nmatch]):
                di = draft_of.get((si, f.type))
                if di is not None:
                    q.event = where[di]
                    break

