"""Quotation stage: finds quotations (`extract.py`), resolves their speakers (`speaker.py`) and
assigns `doc.quotes` with raw-text offsets and a calibrated confidence.

Works without NER mentions (speaker phrases are read by rule); when the NER stage has filled
`doc.mentions`, a PER/ORG mention inside a speaker phrase delimits the name more precisely.
"""

from __future__ import annotations

from qala.document import Document, Quote, Speaker, Span
from qala.quotes.extract import Candidate, Extractor, headline_speaker_ok
from qala.quotes.speaker import SourceEntry, SourceIndex, name_tokens, strip_titles
from qala.text.normalize import normalize

# Confidence model: a product of factors, each the observed reliability of one feature on the
# development gold (direct quotations with an explicit speaker are right most often; carried
# speakers and contents read without a complementizer less so). See README "Confidence".
BASE_CONFIDENCE = {"direct": 0.92, "mixed": 0.88, "indirect": 0.84}
HOW_FACTOR = {"clause": 1.0, "object": 0.85, "nominal": 0.85, "headline": 0.8, "trailing": 0.85}
RESOLUTION_FACTOR = {"explicit": 1.0, "coreference": 0.95, "carried": 0.88}
NO_SPEAKER_FACTOR = 0.6
AMBIGUOUS_CUE_FACTOR = 0.9
# Two candidates whose contents overlap this much (Dice on characters) are the same quotation.
DUPLICATE_OVERLAP = 0.6


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


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per quotation: explicit speakers and earlier cues win."""
    cands.sort(key=lambda c: (c.content[0], -(c.content[1] - c.content[0])))
    kept: list[Candidate] = []
    for c in cands:
        dup = None
        for k in kept[-6:]:
            if _overlap(c.content, k.content) >= DUPLICATE_OVERLAP:
                dup = k
                break
        if dup is None:
            kept.append(c)
            continue
        better = (bool(c.speaker) and not dup.speaker) or (bool(c.speaker) == bool(dup.speaker) and c.how == "clause" and dup.how != "clause")
        if better:
            kept[kept.index(dup)] = c
    # a cue inside another quotation's content is a quotation only with its own, explicit speaker
    out = []
    for c in kept:
        inside = any(o is not c and o.content[0] < c.cue[0] < o.content[1] for o in kept)
        if inside and not c.speaker:
            continue
        c.nested = inside
        out.append(c)
    return out


def _mention_name(doc: Document, nz, start: int, end: int) -> str | None:
    """The PER/ORG mention inside a speaker phrase (raw offsets), when NER found one."""
    best = None
    for m in doc.mentions:
        if m.label in ("PER", "ORG") and m.start >= start and m.end <= end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    return best.text if best else None


def extract_quotes(doc: Document) -> list[Quote]:
    nz = normalize(doc.text)
    ex = Extractor(nz.text)
    cands = _dedupe(ex.candidates())
    index = SourceIndex(nz.text)
    toks = ex.toks
    entries: dict[int, tuple[SourceEntry, str, Span]] = {}

    def raw_span(a: int, b: int) -> Span:
        s, e = nz.to_raw(a), nz.to_raw_end(b)
        return Span(s, e, doc.text[s:e])

    known_names = [[toks[k].text for k in c.speaker] for c in cands if c.speaker and c.how != "headline"]
    # explicit speakers first, in text order, so roles and short names resolve to the names the
    # article has already given; headlines only when their label is a source
    order = sorted(range(len(cands)), key=lambda n: cands[n].cue[0])
    for n in order:
        c = cands[n]
        if not c.speaker:
            continue
        words = [toks[k].text for k in c.speaker]
        mention = raw_span(toks[c.speaker[0]].start, toks[c.speaker[-1]].end)
        if doc.mentions:
            named = _mention_name(doc, nz, mention.start, mention.end)
            if named and c.how != "headline":
                words = name_tokens(named) if len(name_tokens(named)) >= 1 else words
        if c.how == "headline":
            has_entity = bool(_mention_name(doc, nz, mention.start, mention.end))
            if not headline_speaker_ok(strip_titles(words), known_names, has_entity):
                c.speaker = []
                c.how = "rejected"
                continue
        entry, coref = index.resolve(words, mention.text, c.gender if c.vso else None, c.plural)
        entries[n] = (entry, "coreference" if coref else "explicit", mention)
    quotes: list[Quote] = []
    last: list[tuple[int, SourceEntry, Span]] = []  # (cue offset, entry, mention) of explicit speakers
    for n in order:
        c = cands[n]
        if c.how == "rejected":
            continue
        resolution = "explicit"
        entry = mention = None
        if n in entries:
            entry, resolution, mention = entries[n]
        else:
            found = _antecedent(c, cands, entries, order, n)
            if found is not None:
                entry, mention = found
                resolution = "carried"
        speaker = None
        if entry is not None:
            name = entry.display
            aliases = [f for f in entry.forms if f != name]
            if entry.role and entry.name:
                role = " ".join(entry.role)
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
        if entry is not None:
            last.append((c.cue[0], entry, mention))  # type: ignore[arg-type]
    quotes.sort(key=lambda q: q.start)
    return quotes


def _agrees(c: Candidate, e: SourceEntry) -> bool:
    if c.plural and c.cls != "nominal":
        return e.plural or e.kind == "anonymous"
    if c.gender == "f":
        return e.gender == "f" or (e.gender is None and e.kind in ("organization", "anonymous"))
    return e.gender != "f"


def _antecedent(c: Candidate, cands: list[Candidate], entries: dict, order: list[int], n: int) -> tuple[SourceEntry, Span | None] | None:
    """The speaker an implicit cue (وأضاف، مضيفا، وتابع) refers to: the latest earlier source that
    agrees in gender/number; else the latest earlier source; else the next explicit one (a
    document that opens with وأكد أن before naming the speaker)."""
    pos = order.index(n)
    before = [entries[m] for m in order[:pos] if m in entries]
    # also sources carried before (chains of وأضاف ... وتابع)
    for entry, _res, mention in reversed(before):
        if _agrees(c, entry):
            return entry, mention
    if before:
        entry, _res, mention = before[-1]
        return entry, mention
    for m in order[pos + 1 :]:
        if m in entries and cands[m].cls == "continue":
            entry, _res, mention = entries[m]
            return entry, mention
    return None
