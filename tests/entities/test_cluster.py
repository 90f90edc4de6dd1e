"""In-document entity clustering on sentences written for these tests (fictional people)."""

from __future__ import annotations

import pytest

from qala.document import Document, Mention, Quote, Span, Speaker
from qala.entities.cluster import cluster_entities
from qala.entities.stage import EntityStage
from qala.text.stage import TextStage


def run(text: str, date: str | None = "2024-05-15", mentions: list[Mention] | None = None,
        quotes: list[Quote] | None = None) -> Document:
    doc = TextStage()(Document(text, date=date))
    doc.mentions = mentions or []
    doc.quotes = quotes or []
    return EntityStage()(doc)


def by_name(doc: Document, name: str):
    hits = [e for e in doc.entities if e.name == name]
    assert len(hits) == 1, [(e.name, [m.text for m in e.mentions]) for e in doc.entities]
    return hits[0]


def texts(ent) -> list[str]:
    return [m.text for m in ent.mentions]


def test_role_in_apposition_and_later_bare_role_join_the_person():
    doc = run("استقبل الرئيس التركي رجب طيب أردوغان وفدا تجاريا. وأكد الرئيس التركي أن التعاون سيتوسع.")
    ent = by_name(doc, "رجب طيب أردوغان")
    assert texts(ent).count("الرئيس التركي") == 2
    assert ent.type == "PER" and ent.kb == "Q39259" and ent.latin == "Recep Tayyip Erdoğan"


def test_counterpart_with_nisba_joins_the_named_counterpart():
    doc = run(
        "استقبل وزير الخارجية الأردني سامر الحديدي نظيره العراقي كريم الساعدي في عمّان.\n"
        "وشكر الحديدي نظيره العراقي على الزيارة."
    )
    hadidi = by_name(doc, "سامر الحديدي")
    saedi = by_name(doc, "كريم الساعدي")
    assert "وزير الخارجية الأردني" in texts(hadidi)
    assert "الحديدي" in texts(hadidi)  # the surname alone, later
    assert texts(saedi).count("نظيره العراقي") == 2
    assert saedi.latin_guess and saedi.latin and saedi.kb is None
    assert saedi.key == "PER:كريم_الساعدي"


def test_surname_alone_and_full_name_are_one_entity():
    doc = run("قال الدكتور نبيل الحداد إن الخطة جاهزة. وأضاف الحداد أن التنفيذ يبدأ قريبا.")
    ent = by_name(doc, "نبيل الحداد")  # the title is stripped from the name
    assert texts(ent) == ["نبيل الحداد", "الحداد"]


def test_epithet_joins_the_leader_named_earlier_in_the_text():
    doc = run("نقل المبعوث تحيات المرشد الأعلى علي خامنئي إلى الرئيس، وقال إن القائد يتابع الملف.")
    ent = by_name(doc, "علي خامنئي")
    assert {"المرشد الأعلى", "القائد"} <= set(texts(ent))


def test_bare_role_resolves_to_the_curated_office_holder_of_the_document_date():
    text = "وقال الرئيس الفرنسي في مؤتمر صحفي إن بلاده ستدعم المبادرة."
    assert by_name(run(text, date="2023-03-01"), "إيمانويل ماكرون").kb == "Q3052772"
    assert run(text, date="2010-03-01").entities == []  # before his term: nobody is guessed


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        ("وصل الوفد إلى بغداد مساء أمس.", "بغداد", "Q1530"),
        ("غادر الوفد لبغداد صباحا.", "بغداد", "Q1530"),
        ("زار الوزير القاهرة وبغداد.", "بغداد", "Q1530"),
        ("دعت جامعة الدول العربية إلى التهدئة.", "جامعة الدول العربية", "Q7172"),
        ("قدم تقريرا للأمم المتحدة أمس.", "الأمم المتحدة", "Q1065"),
    ],
)
def test_gazetteer_names_behind_proclitics(text, name, qid):
    doc = run(text)
    ent = by_name(doc, name)
    assert ent.kb == qid and not ent.latin_guess
    for m in ent.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_common_noun_heading_a_place_is_not_a_place():
    doc = run("وقع الانفجار في مدينة كابول صباحا.")
    assert [e.name for e in doc.entities] == ["كابول"]


def test_speaker_gets_the_entity_id_and_keeps_its_name():
    text = "قال وزير المالية المصري هشام الزين إن العجز تراجع."
    speaker = Speaker(name="هشام الزين", mention=Span.of(text, 24, 34))
    quote = Quote(38, len(text) - 1, text[38 : len(text) - 1], "indirect", speaker=speaker)
    doc = run(text, quotes=[quote])
    ent = by_name(doc, "هشام الزين")
    assert speaker.entity == ent.id and speaker.name == "هشام الزين"


def test_ner_mentions_are_clustered_and_linked():
    text = "أعلنت شركة النخيل للطيران عن خط جديد. وقالت النخيل للطيران إن الرحلات تبدأ الشهر المقبل."
    s1 = text.index("شركة النخيل للطيران")
    s2 = text.index("النخيل للطيران", s1 + 10)
    mentions = [Mention(s1, s1 + len("شركة النخيل للطيران"), "شركة النخيل للطيران", "ORG"),
                Mention(s2, s2 + len("النخيل للطيران"), "النخيل للطيران", "ORG")]
    doc = run(text, mentions=mentions)
    orgs = [e for e in doc.entities if e.type == "ORG"]
    assert len(orgs) == 1 and orgs[0].name == "شركة النخيل للطيران"
    assert [m.entity for m in doc.mentions] == [orgs[0].id, orgs[0].id]


def test_noisy_outside_spans_do_not_become_entities():
    text = "وقال عن الموضوع إن الأمور تسير كما هو مخطط."
    speaker = Speaker(name="عن الموضوع", mention=Span.of(text, 5, 15))
    doc = run(text, quotes=[Quote(16, 40, text[16:40], "indirect", speaker=speaker)])
    assert doc.entities == [] and speaker.entity is None


def test_offsets_point_into_the_raw_text_with_diacritics():
    text = "وَصَلَ الرَّئِيسُ التُّرْكِيُّ رَجَب طَيِّب أَرْدُوغَان إِلَى مُوسْكُو."
    doc = TextStage()(Document(text, date="2024-01-01"))
    ents = cluster_entities(doc)
    assert {e.kb for e in ents} >= {"Q649"}
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_unknown_foreign_name_after_a_counterpart_is_captured_up_to_a_known_name_word():
    doc = run("استقبل وزير الدفاع الأردني نظيره الألماني يوهانسون بيتر في عمّان، وشدد على التعاون.")
    ent = by_name(doc, "يوهانسون بيتر")
    assert "نظيره الألماني" in texts(ent) and ent.latin_guess


def test_a_verb_after_a_role_is_not_taken_for_a_name():
    doc = run("وقال الرئيس الألماني شدد على ضرورة التهدئة.")
    assert all(e.type != "PER" for e in doc.entities)


def test_speaker_phrase_fuller_than_the_tagger_span_gives_the_name():
    text = "وقال سامي الكردي إن الموسم كان ناجحا."
    ner = [Mention(5, 9, "سامي", "PER")]
    speaker = Speaker(name="سامي الكردي", mention=Span.of(text, 5, 16))
    doc = run(text, mentions=ner, quotes=[Quote(20, 37, text[20:37], "indirect", speaker=speaker)])
    ent = by_name(doc, "سامي الكردي")
    assert speaker.entity == ent.id and ner[0].entity == ent.id


@pytest.mark.parametrize(("word", "label"), [("سعودية", "LOC"), ("له", "MISC"), ("بيان", "LOC")])
def test_adjectives_pronouns_and_common_words_tagged_alone_are_not_entities(word, label):
    text = f"وقالت مصادر {word} إن الوضع مستقر."
    start = text.index(word)
    doc = run(text, mentions=[Mention(start, start + len(word), word, label)])
    assert doc.entities == []
