"""Events: one per trigger type, participants/roles/place/date, merging, and quotation links."""

from __future__ import annotations

import pytest

from qala.document import Document, Quote, Span, Speaker
from qala.entities.stage import EntityStage
from qala.events.stage import EventStage
from qala.text.stage import TextStage


def run(text: str, date: str | None = "2024-05-15", quotes: list[Quote] | None = None) -> Document:
    doc = TextStage()(Document(text, date=date))
    doc.quotes = quotes or []
    return EventStage()(EntityStage()(doc))


def names(doc: Document, ids: list[str]) -> list[str]:
    return [doc.entity(i).name for i in ids]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        ("التقى وزير الخارجية الأردني سامر الحديدي نظيره العراقي كريم الساعدي.", "meeting", "التقى"),
        ("اجتمع رئيس الوزراء مع ممثلي النقابات لبحث الأجور.", "meeting", "اجتمع"),
        ("وعقدت القمة الخليجية في الرياض بحضور القادة.", "meeting", "عقدت"),
        ("زار الرئيس التركي رجب طيب أردوغان العاصمة بغداد.", "visit", "زار"),
        ("وصل وزير الدفاع إلى القاهرة في زيارة رسمية.", "visit", "وصل"),
        ("وتلقى الوزير اتصالا هاتفيا من نظيره.", "call", "اتصالا هاتفيا"),
        ("ووقع الجانبان مذكرة تفاهم للتعاون الزراعي.", "agreement", "ووقع"),
        ("وأصدرت الوزارة بيانا أوضحت فيه موقفها.", "statement", "بيانا"),
        ("وقال المتحدث في مؤتمر صحفي إن الحكومة ستعلن الخطة.", "statement", "مؤتمر صحفي"),
        ("خرجت مظاهرات في شوارع المدينة ضد الغلاء.", "protest", "مظاهرات"),
        ("أسفرت غارة جوية عن تدمير جسر.", "attack", "غارة"),
        ("تجرى الانتخابات البلدية في أيلول.", "election", "الانتخابات"),
        ("عين مجلس الإدارة سامي العلي مديرا عاما للشركة.", "appointment", "عين"),
        ("وقدم وزير المالية استقالته إلى رئيس الحكومة.", "resignation", "استقالته"),
        ("واعتقلت الشرطة ثلاثة مشتبه بهم.", "arrest", "واعتقلت"),
        ("فرضت الحكومة عقوبات على شركتين.", "sanctions", "فرضت"),
    ],
)
def test_each_event_type(text, etype, trigger):
    doc = run(text)
    assert [e.type for e in doc.events] == [etype]
    assert trigger.endswith(doc.events[0].trigger.text) or doc.events[0].trigger.text in trigger


@pytest.mark.parametrize(
    "text",
    [
        "وقع انفجار قوي في المصنع صباحا.",  # وقع = happened, not signed
        "وصلت نسبة البطالة إلى 12 بالمئة.",  # وصل without a place is not a visit
        "أعلنت وزارة الصحة عن حملة تطعيم.",  # وزارة is not و+زار+ه
    ],
)
def test_look_alikes_are_not_events(text):
    assert [e.type for e in run(text).events if e.type in {"agreement", "visit"}] == []


def test_meeting_participants_roles_place_and_date():
    doc = run("استقبل وزير الخارجية الأردني سامر الحديدي اليوم الأربعاء في عمّان نظيره العراقي كريم الساعدي.")
    (ev,) = doc.events
    assert names(doc, ev.participants) == ["سامر الحديدي", "كريم الساعدي"]
    assert [ev.roles[p] for p in ev.participants] == ["agent", "counterpart"]
    assert doc.entity(ev.place).kb == "Q3805"  # Amman
    assert (ev.date, ev.date_text) == ("2024-05-15", "اليوم الأربعاء")
    assert doc.text[ev.sentence.start : ev.sentence.end].startswith("استقبل")


def test_visit_destination_and_visitor():
    doc = run("وصل الرئيس التركي رجب طيب أردوغان صباح اليوم إلى الدوحة في زيارة رسمية.")
    (ev,) = doc.events
    assert ev.type == "visit" and doc.entity(ev.place).latin == "Doha"
    assert ev.roles[ev.participants[0]] == "agent" and names(doc, ev.participants) == ["رجب طيب أردوغان"]
    assert ev.date == "2024-05-15"


def test_later_mentions_of_one_event_are_merged():
    doc = run(
        "عقدت القمة العربية في القاهرة اليوم بمشاركة الرئيس التركي رجب طيب أردوغان.\n"
        "وناقش المشاركون في القمة ملفات المنطقة."
    )
    assert [e.type for e in doc.events] == ["meeting"]


def test_different_places_are_different_events():
    doc = run("اجتمع الوزير بنظيره في بغداد. ثم اجتمع الوزير بالسفراء في بيروت.")
    assert len([e for e in doc.events if e.type == "meeting"]) == 2


def test_quote_tied_to_the_meeting_it_was_said_at():
    text = ("استقبل وزير الخارجية الأردني سامر الحديدي نظيره العراقي كريم الساعدي في عمّان.\n"
            "وقال الحديدي في بداية الاجتماع إن البلدين يتفقان على الأولويات.")
    cue_at = text.index("وقال")
    content_at = text.index("البلدين")
    q = Quote(content_at, len(text) - 1, text[content_at:-1], "indirect", cue=Span.of(text, cue_at, cue_at + 4),
              speaker=Speaker("سامر الحديدي"))
    doc = run(text, quotes=[q])
    assert q.event is not None and doc.events[q.event].type == "meeting"


def test_events_inside_direct_quotations_are_not_reported_events():
    text = "وقال الوزير: \"زرنا القاهرة ووقعنا اتفاقية مهمة\"."
    start = text.index("زرنا")
    q = Quote(start, text.index("\"", start), text[start : text.index("\"", start)], "direct")
    assert run(text, quotes=[q]).events == []


def test_organization_in_a_persons_title_is_not_a_participant():
    doc = run("استقبل الأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك وزير الخارجية الأردني سامر الحديدي.")
    (ev,) = doc.events
    assert names(doc, ev.participants) == ["أنطونيو غوتيريش", "سامر الحديدي"]
    assert ev.roles[ev.participants[0]] == "agent" and doc.entity(ev.place).latin == "New York City"
