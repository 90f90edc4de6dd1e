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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
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
# The object a light verb needs (عقدت ... القمة، وقع ... اتفاقية) follows within this many characters.
REQUIRES_WINDOW = 150
# Participants, place and date are looked for within this many characters of the trigger (and
# inside its sentence): a run-on "sentence" of a whole page must not lend its names to every event.
SLOT_WINDOW = 300
# A later mention is merged into one of the last this many events at most (bounded work per event).
MERGE_LOOKBACK = 30
_LOCATIVE_BEFORE_TMPL = r"(?:(?<![^\W\d_])(?:في|الي|من|نحو|داخل|الى)\s+(?:(?:{heads})\s+)?|(?<![^\W\d_])(?:و|ف)?[بل])$"


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
    definite: bool = False  # الزيارة، زيارته: refers back to an event more often than it reports one

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
    after = nt.text[te : min(ne, te + REQUIRES_WINDOW)]
    if words and not any(re.search(r"(?<![^\W\d_])(?:ال|ب|و)?" + re.escape(w), after) for w in words):
        return None
    rs, re_ = nt.to_raw(ts), nt.to_raw_end(te)
    if any(a <= rs < b for a, b in skip):
        return None
    prefix = nt.text[m.start() : ts]
    definite = "ال" in prefix or prefix.endswith("لل") or (" " not in t.form and len(m["t"]) > len(t.form))
    return _Found(t.type, t.pos, rs, re_, m.start(), si, "@place" in t.requires, bool(words), definite)


@dataclass(slots=True)
class _Draft:
    event: Event
    pos: str
    sentence: int
    verb_merged: bool = False  # a verb trigger was merged into it
    definite: bool = False


@dataclass(slots=True)
class _Context:
    """Per-document look-up tables shared by every event: mentions and times sorted by start."""

    mentions: list[tuple[int, int, str]]
    mention_starts: list[int]
    times: list[TimeExpr]
    time_starts: list[int]
    types: dict[str, str]
    known: dict[str, bool]

    @classmethod
    def of(cls, doc: Document, times: list[TimeExpr], skip: list[tuple[int, int]]) -> _Context:
        skip_sorted = sorted(skip)
        skip_starts = [a for a, _ in skip_sorted]

        def quoted(pos: int) -> bool:
            i = bisect_right(skip_starts, pos) - 1
            return i >= 0 and pos < skip_sorted[i][1]

        ments = sorted((m.start, m.end, e.id) for e in doc.entities for m in e.mentions if not quoted(m.start))
        ts = sorted((t for t in times if t.value), key=lambda t: t.start)
        return cls(ments, [m[0] for m in ments], ts, [t.start for t in ts], {e.id: e.type for e in doc.entities},
                   {e.id: bool(e.kb or (e.latin and not e.latin_guess)) for e in doc.entities})

    def window(self, f: _Found, s: Sentence) -> tuple[int, int]:
        return max(s.start, f.start - SLOT_WINDOW), min(s.end, f.end + SLOT_WINDOW)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        return self.times[bisect_left(self.time_starts, start) : bisect_left(self.time_starts, end)]


def _build(doc: Document, nt: Normalized, f: _Found, ctx: _Context) -> _Draft:
    s = doc.sentences[f.sentence]
    lo, hi = ctx.window(f, s)
    types, known = ctx.types, ctx.known
    ments = ctx.mentions_in(lo, hi)
    place = _place(nt, ments, types, f.end, known)
    if place is None and f.type == "visit" and f.pos == "verb":  # زار/يزور + the place as its object
        place = next((e for a, _, e in ments if a >= f.end and types[e] == "LOC"), None)
    people = [(a, b, e) for a, b, e in ments if types[e] in ("PER", "ORG")]
    people = [p for k, p in enumerate(people) if not _describes_next(doc, p, people[k + 1 : k + 2], types)]
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
    in_sentence = ctx.times_in(lo, hi)
    if in_sentence:
        t = min(in_sentence, key=lambda t: abs(t.start - f.start))
        ev.date, ev.date_text = t.value, t.text
    return _Draft(ev, f.pos, f.sentence, definite=f.pos == "noun" and f.definite)


def _describes_next(doc: Document, m: tuple[int, int, str], nxt: list[tuple[int, int, str]],
                    types: dict[str, str]) -> bool:
    """An organization right before a person's name is part of the person's title
    (الأمين العام للأمم المتحدة أنطونيو غوتيريش), not a participant of its own."""
    if types[m[2]] != "ORG" or not nxt or types[nxt[0][2]] != "PER":
        return False
    return not doc.text[m[1] : nxt[0][0]].strip()


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


@cache
def _locative_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(norm(w)) for w in load_list("place_heads"))
    return re.compile(_LOCATIVE_BEFORE_TMPL.format(heads=heads))


def _locative(nt: Normalized, raw_start: int) -> bool:
    """Whether a locative word (في، إلى، من، ب/ل glued on; في مدينة) stands right before this position."""
    na = nt.to_norm(raw_start)
    return bool(_locative_re().search(nt.text[max(0, na - 30) : na]))


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
        for k in range(len(kept) - 1, max(-1, len(kept) - 1 - MERGE_LOOKBACK), -1):
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
    def richness(d: _Draft) -> tuple[bool, int, int]:
        return d.pos == "verb", bool(d.event.place) + bool(d.event.date), len(d.event.participants)

    primary, other = (b, a) if richness(b) > richness(a) else (a, b)
    ev = primary.event
    for e in other.event.participants:
        if e not in ev.participants:
            ev.participants.append(e)
            ev.roles[e] = other.event.roles.get(e, "participant")
    ev.place = ev.place or other.event.place
    if not ev.date:
        ev.date, ev.date_text = other.event.date, other.event.date_text
    primary.verb_merged = primary.verb_merged or other.pos == "verb" or other.verb_merged
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
    ctx = _Context.of(doc, times, skip)
    drafts = [_build(doc, nt, f, ctx) for f in ordered]
    keep = [i for i, (f, d) in enumerate(zip(ordered, drafts, strict=True)) if not f.needs_place or d.event.place]
    ordered, drafts = [ordered[i] for i in keep], [drafts[i] for i in keep]
    kept, where = _merge(drafts)
    # a definite noun alone (الزيارة، زيارته) with no participant, place or date after merging
    # refers to an event rather than reporting one (it still ties a quotation to the event it
    # merged into)
    useful = [i for i, d in enumerate(kept) if not d.definite or d.verb_merged or _has_slot(d.event)]
    renumber = {old: new for new, old in enumerate(useful)}
    where = {k: renumber[v] for k, v in where.items() if v in renumber}
    _link_quotes(doc, nt, found, ordered, where)
    return [kept[i].event for i in useful]


def _has_slot(ev: Event) -> bool:
    return bool(ev.participants or ev.place or ev.date)


def _link_quotes(doc: Document, nt: Normalized, found: list[_Found], ordered: list[_Found],
                 where: dict[int, int]) -> None:
    """Quote.event = the event a linking phrase (في بداية الاجتماع) in the quote's sentence names."""
    if not doc.quotes:
        return
    draft_of = {(f.sentence, f.type): i for i, f in enumerate(ordered)}
    link_re = _link_re()
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for q in doc.quotes:
        anchor = q.cue.start if q.cue else q.start
        si = bisect_right(starts, anchor) - 1
        if si < 0 or anchor >= doc.sentences[si].end:
            continue
        for f in by_sentence.get(si, ()):
            if f.pos != "noun" or q.start <= f.start < q.end:
                continue
            if link_re.search(nt.text[max(0, f.nmatch - 30) : f.nmatch]):
                di = draft_of.get((si, f.type))
                if di is not None and di in where:
                    q.event = where[di]
                    break

