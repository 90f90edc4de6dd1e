"""Hand-built Documents (fictional sentences written for these tests) with quotes, entities, events."""

from __future__ import annotations

from qala.document import Document, Entity, Event, Figure, Mention, Quote, Span, Speaker


def _span(text: str, part: str, after: int = 0) -> Span:
    i = text.index(part, after)
    return Span(i, i + len(part), part)


def article(
    doc_id: str = "t-1",
    speaker: str = "سامي الحداد",
    speaker_key: str | None = "Q-haddad",
    topic: str = "العقوبات",
    date: str | None = "2023-05-04",
    source: str | None = "أخبار اليوم",
    extra: str = "",
) -> Document:
    """A short news item: `speaker` (a minister) comments on `topic` after meeting an envoy in a city."""
    text = (
        f"وزير المالية يلتقي المبعوث الأوروبي في مدينة الواحة\n"
        f"التقى وزير المالية {speaker} يوم الخميس المبعوث الأوروبي كارل بيرغ في مدينة الواحة.\n"
        f"وقال {speaker} إن \"{topic} لن تغير موقف الحكومة من الإصلاحات\".\n"
        f"وأضاف أن الاتحاد الأوروبي وعد بتقديم 40 مليون يورو للمشاريع الصغيرة.\n"
        f"من جانبه، أكد بيرغ أن بلاده ستدعم الحوار مع {speaker}.{extra}\n"
    )
    doc = Document(text=text, id=doc_id, date=date, source=source, title=text.split("\n", 1)[0])
    doc.language = "ar"
    sp1 = _span(text, speaker)
    sp2 = _span(text, speaker, sp1.end)
    sp3 = _span(text, speaker, sp2.end)
    envoy = _span(text, "كارل بيرغ")
    envoy2 = _span(text, "بيرغ", envoy.end)
    eu = _span(text, "الاتحاد الأوروبي")
    city = _span(text, "الواحة", text.index("\n") + 1)
    doc.entities = [
        Entity("e1", "PER", speaker, [sp1, sp2, sp3], latin="Sami al-Haddad", kb=None, key=speaker_key),
        Entity("e2", "PER", "كارل بيرغ", [envoy, envoy2], latin="Karl Berg"),
        Entity("e3", "ORG", "الاتحاد الأوروبي", [eu], latin="European Union", kb="Q458", key="Q458"),
        Entity("e4", "LOC", "الواحة", [city]),
    ]
    doc.mentions = [
        Mention(s.start, s.end, s.text, e.type, entity=e.id) for e in doc.entities for s in e.mentions
    ]
    q1 = _span(text, f"{topic} لن تغير موقف الحكومة من الإصلاحات")
    q2 = _span(text, "الاتحاد الأوروبي وعد بتقديم 40 مليون يورو للمشاريع الصغيرة")
    q3 = _span(text, f"بلاده ستدعم الحوار مع {speaker}")
    doc.quotes = [
        Quote(q1.start, q1.end, q1.text, "direct", cue=_span(text, "وقال"),
              speaker=Speaker(speaker, sp2, entity="e1"), confidence=0.9),
        Quote(q2.start, q2.end, q2.text, "indirect", cue=_span(text, "وأضاف"),
              speaker=Speaker(speaker, None, resolution="carried", entity="e1"), confidence=0.8, event=0),
        Quote(q3.start, q3.end, q3.text, "indirect", cue=_span(text, "أكد"),
              speaker=Speaker("بيرغ", envoy2, entity="e2"), confidence=0.7),
    ]
    first_line_end = text.index("\n")
    second = text.index("\n", first_line_end + 1)
    doc.events = [
        Event("meeting", _span(text, "التقى"), Span.of(text, first_line_end + 1, second),
              participants=["e1", "e2"], roles={"e1": "agent", "e2": "counterpart"}, place="e4",
              date=date, date_text="يوم الخميس"),
    ]
    money = _span(text, "40 مليون يورو")
    doc.figures = [Figure(money.start, money.end, money.text, "money", 40_000_000, "EUR")]
    return doc
