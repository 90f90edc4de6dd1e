"""Property: on any text, every span the entity and event stages emit points into the raw text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qala.document import Document
from qala.entities.stage import EntityStage
from qala.events.stage import EventStage
from qala.text.stage import TextStage

# Pieces of news text (ours), spelling noise (diacritics, tatweel, Arabic-Indic digits, ligatures,
# bidi marks) and punctuation, shuffled into arbitrary documents.
PIECES = [
    "استقبل", "الرئيس التركي", "رجب طيب أردوغان", "نظيره", "العراقي", "كريم الساعدي", "في", "بغداد",
    "لموسكو", "اليوم الأربعاء", "أمس", "العام الماضي", "15 رمضان 1445 هـ", "١٩ يناير ٢٠٢٢", "زادت",
    "التجارة", "بنسبة", "38٪", "30 مليون دولار", "7 قتلى", "وقع", "اتفاقية", "بيان", "زيارة", "وزارة الصحة",
    "َ", "ـ", "ﻻ", "\u200f", "،", ".", "\n", ":", "\"", "«", "»", "(", ")", "0", "٫",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.sampled_from([None, "2024-05-15"]))
def test_spans_point_into_the_raw_text(pieces, date):
    text = " ".join(pieces)
    doc = TextStage()(Document(text, date=date))
    doc = EventStage()(EntityStage()(doc))
    ids = {e.id for e in doc.entities}
    for e in doc.entities:
        assert e.mentions and e.name
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for t in doc.times:
        assert text[t.start : t.end] == t.text
    for f in doc.figures:
        assert text[f.start : f.end] == f.text
    for ev in doc.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert ev.sentence.start <= ev.trigger.start < ev.sentence.end
        assert set(ev.participants) <= ids and (ev.place is None or ev.place in ids)
        assert set(ev.roles) == set(ev.participants)
