"""A small knowledge base for the API and web tests: hand-built Documents (fictional people and
sentences written for these tests), loaded with the store's own loader.

Four articles: a meeting in Damascus with two quotations about Syria, an economy article whose
second speaker mentions the president, an unrelated article about a road in Baghdad, and a wire
copy of the first article republished by another outlet (a near-duplicate).
"""

from __future__ import annotations

from dataclasses import dataclass

from qala.document import Document, Entity, Event, Mention, Quote, Span, Speaker
from qala.store.db import open_db
from qala.store.load import load_documents

PRESIDENT = "سامر الخطيب"
MINISTER = "فادي النجار"
FINANCE = "ليلى حداد"
TRANSPORT = "كريم العبيدي"


def _span(text: str, part: str, after: int = 0) -> Span:
    i = text.index(part, after)
    return Span(i, i + len(part), part)


@dataclass
class _Builder:
    """Adds entities, mentions and quotations to a Document by the text they cover."""

    doc: Document

    def entity(self, eid: str, type_: str, name: str, surfaces: list[str], latin: str | None = None,
               kb: str | None = None) -> Entity:
        spans: list[Span] = []
        for surface in surfaces:
            after = 0
            while True:  # the next occurrence that overlaps no span taken so far
                span = _span(self.doc.text, surface, after)
                if all(span.end <= s.start or span.start >= s.end for s in spans):
                    break
                after = span.end
            spans.append(span)
        spans.sort(key=lambda s: s.start)
        ent = Entity(eid, type_, name, spans, latin=latin, kb=kb, key=kb, aliases=sorted(set(surfaces) - {name}))
        self.doc.entities.append(ent)
        self.doc.mentions.extend(Mention(s.start, s.end, s.text, type_, entity=eid) for s in spans)
        return ent

    def quote(self, text: str, type_: str, speaker: Entity, cue: str, speaker_surface: str | None,
              resolution: str = "explicit") -> None:
        span = _span(self.doc.text, text)
        cue_span = _span(self.doc.text, cue)
        mention = None
        if speaker_surface:
            mention = min((s for s in speaker.mentions if s.text == speaker_surface),
                          key=lambda s: abs(s.start - cue_span.end))
        self.doc.quotes.append(Quote(span.start, span.end, span.text, type_, cue=cue_span,  # type: ignore[arg-type]
                                     speaker=Speaker(speaker.name, mention, resolution=resolution, entity=speaker.id),  # type: ignore[arg-type]
                                     confidence=0.9))


def _doc(doc_id: str, text: str, date: str, source: str, url: str | None = None) -> Document:
    doc = Document(text=text, id=doc_id, date=date, source=source, url=url, title=text.split("\n", 1)[0])
    doc.language = "ar"
    return doc


MEETING_TEXT = (
    f"الرئيس {PRESIDENT} يستقبل وزير الخارجية {MINISTER} في دمشق\n"
    f"استقبل الرئيس {PRESIDENT} اليوم الثلاثاء وزير الخارجية {MINISTER} في دمشق، وبحث الجانبان الأوضاع في المنطقة.\n"
    "وقال الخطيب إن \"الحل في سوريا يجب أن يكون سياسيا ويحفظ وحدة أراضيها\".\n"
    "من جهته، أكد النجار أن بلاده تدعم استقرار سوريا وتعارض أي تدخل خارجي.\n"
    "وأضاف النجار: «سنواصل التنسيق مع الرئيس الخطيب في كل الملفات».\n"
)


def meeting_article(doc_id: str, source: str, url: str | None) -> Document:
    doc = _doc(doc_id, MEETING_TEXT, "2024-03-12", source, url)
    b = _Builder(doc)
    president = b.entity("e1", "PER", PRESIDENT, [PRESIDENT, PRESIDENT, "الخطيب", "الخطيب"], latin="Samer al-Khatib")
    minister = b.entity("e2", "PER", MINISTER, [MINISTER, MINISTER, "النجار", "النجار"], latin="Fadi al-Najjar")
    damascus = b.entity("e3", "LOC", "دمشق", ["دمشق", "دمشق"], latin="Damascus", kb="Q3766")
    b.entity("e4", "LOC", "سوريا", ["سوريا", "سوريا"], latin="Syria", kb="Q858")
    b.quote("الحل في سوريا يجب أن يكون سياسيا ويحفظ وحدة أراضيها", "direct", president, "وقال", "الخطيب")
    b.quote("بلاده تدعم استقرار سوريا وتعارض أي تدخل خارجي", "indirect", minister, "أكد", "النجار")
    b.quote("سنواصل التنسيق مع الرئيس الخطيب في كل الملفات", "direct", minister, "وأضاف", "النجار")
    line = doc.text.split("\n")[1]
    start = doc.text.index(line)
    doc.events.append(Event("meeting", _span(doc.text, "استقبل"), Span.of(doc.text, start, start + len(line)),
                            participants=[president.id, minister.id], roles={"e1": "agent", "e2": "counterpart"},
                            place=damascus.id, date="2024-03-12", date_text="اليوم الثلاثاء"))
    return doc


def economy_article() -> Document:
    text = (
        "الخطيب: الاقتصاد سيتعافى قبل نهاية العام\n"
        f"قال الرئيس {PRESIDENT} إن الاقتصاد سيتعافى قبل نهاية العام رغم الصعوبات.\n"
        f"وأعلنت وزيرة المالية {FINANCE} أن الحكومة ستخفض الضرائب على المشاريع الصغيرة.\n"
        "وقالت حداد: «الرئيس الخطيب وعد بدعم الشباب في سوريا».\n"
    )
    doc = _doc("economy-2024-05", text, "2024-05-20", "صحيفة المدينة")
    b = _Builder(doc)
    president = b.entity("e1", "PER", PRESIDENT, ["الخطيب", PRESIDENT, "الخطيب"], latin="Samer al-Khatib")
    finance = b.entity("e2", "PER", FINANCE, [FINANCE, "حداد"], latin="Layla Haddad")
    b.entity("e3", "LOC", "سوريا", ["سوريا"], latin="Syria", kb="Q858")
    b.quote("الاقتصاد سيتعافى قبل نهاية العام رغم الصعوبات", "indirect", president, "قال", PRESIDENT)
    b.quote("الحكومة ستخفض الضرائب على المشاريع الصغيرة", "indirect", finance, "وأعلنت", FINANCE)
    b.quote("الرئيس الخطيب وعد بدعم الشباب في سوريا", "direct", finance, "وقالت", "حداد")
    return doc


def road_article() -> Document:
    text = (
        "وزير النقل يفتتح طريقا جديدا في بغداد\n"
        f"افتتح وزير النقل {TRANSPORT} طريقا جديدا في بغداد بطول 12 كيلومترا.\n"
        "وقال العبيدي إن \"المشروع سيخفف الازدحام في العاصمة\".\n"
    )
    doc = _doc("road-2024-06", text, "2024-06-02", "وكالة الواحة للأنباء")
    b = _Builder(doc)
    transport = b.entity("e1", "PER", TRANSPORT, [TRANSPORT, "العبيدي"], latin="Karim al-Obaidi")
    b.entity("e2", "LOC", "بغداد", ["بغداد", "بغداد"], latin="Baghdad", kb="Q1530")
    b.quote("المشروع سيخفف الازدحام في العاصمة", "direct", transport, "وقال", "العبيدي")
    return doc


def documents() -> list[Document]:
    return [
        meeting_article("meeting-2024-03", "وكالة الواحة للأنباء", "https://news.example.org/2024/03/meeting"),
        economy_article(),
        road_article(),
        # the same wire story republished by another outlet: its quotations count once in searches
        meeting_article("meeting-2024-03-copy", "صحيفة المدينة", None),
    ]


def make_kb(url: str) -> None:
    """Creates (migrates) the database at `url` and loads the test documents into it."""
    engine = open_db(url)
    try:
        load_documents(engine, documents())
    finally:
        engine.dispose()
