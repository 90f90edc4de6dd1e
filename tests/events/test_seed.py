"""Integration: the full pipeline on the shared seed article (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

import qala

pytestmark = pytest.mark.shared


_CACHE: dict[str, qala.Document] = {}


@pytest.fixture
def seed_doc(seed_article_path):
    """The seed article through the full pipeline (run once, shared by the tests here)."""
    if "doc" not in _CACHE:
        _CACHE["doc"] = qala.extract(seed_article_path.read_text(encoding="utf-8"), date="2022-01-19")
    return _CACHE["doc"]


def _one(doc, latin):
    hits = [e for e in doc.entities if e.latin == latin]
    assert len(hits) == 1, f"{latin}: {[(e.name, e.latin) for e in doc.entities]}"
    return hits[0]


@pytest.mark.parametrize(
    ("latin", "etype", "qid"),
    [
        ("Vladimir Putin", "PER", "Q7747"),
        ("Ebrahim Raisi", "PER", None),
        ("Ali Khamenei", "PER", "Q57336"),
        ("Moscow", "LOC", "Q649"),
        ("Tehran", "LOC", "Q3616"),
        ("Syria", "LOC", "Q858"),
        ("Afghanistan", "LOC", "Q889"),
        ("Russia", "LOC", "Q159"),
        ("Iran", "LOC", "Q794"),
        ("United States", "LOC", "Q30"),
    ],
)
def test_one_entity_each_with_latin_name(seed_doc, latin, etype, qid):
    ent = _one(seed_doc, latin)
    assert ent.type == etype and ent.kb == qid and not ent.latin_guess
    for m in ent.mentions:
        assert seed_doc.text[m.start : m.end] == m.text


def test_roles_and_counterparts_join_their_person(seed_doc):
    putin, raisi, khamenei = (_one(seed_doc, n) for n in ("Vladimir Putin", "Ebrahim Raisi", "Ali Khamenei"))
    forms = {e.latin: {m.text for m in e.mentions} for e in (putin, raisi, khamenei)}
    assert {"بوتين", "فلاديمير بوتين", "الرئيس الروسي"} <= forms["Vladimir Putin"]
    assert {"رئيسي", "إبراهيم رئيسي", "الرئيس الإيراني", "نظيره الإيراني"} <= forms["Ebrahim Raisi"]
    assert {"علي خامنئي", "الزعيم الإيراني", "المرشد الأعلى", "الأخ القائد"} <= forms["Ali Khamenei"]
    assert putin.name == "فلاديمير بوتين" and raisi.name == "إبراهيم رئيسي"


def test_meeting_in_moscow_on_the_document_date(seed_doc):
    putin, raisi, moscow = (_one(seed_doc, n).id for n in ("Vladimir Putin", "Ebrahim Raisi", "Moscow"))
    meetings = [e for e in seed_doc.events if e.type == "meeting" and {putin, raisi} <= set(e.participants)]
    assert meetings and meetings[0].place == moscow and meetings[0].date == "2022-01-19"
    assert meetings[0].roles[putin] == "agent"


def test_visit_of_raisi_to_moscow(seed_doc):
    raisi, moscow = (_one(seed_doc, n).id for n in ("Ebrahim Raisi", "Moscow"))
    visits = [e for e in seed_doc.events if e.type == "visit" and e.place == moscow and raisi in e.participants]
    assert visits and visits[0].roles[raisi] == "agent" and visits[0].date == "2022-01-19"


def test_trade_figure(seed_doc):
    figs = [f for f in seed_doc.figures if f.kind == "percent" and f.value == 38.0]
    assert len(figs) == 1 and figs[0].measure == "التجارة"


def test_last_year_resolves_to_2021(seed_doc):
    assert any(t.value == "2021-01-01" and t.end_value == "2021-12-31" for t in seed_doc.times)
