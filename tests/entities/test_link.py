"""Linking: the curated gazetteer, role holders over time, romanization and canonical keys."""

from __future__ import annotations

import re

import pytest

from qala.document import Entity
from qala.entities import link
from qala.entities.names import key, nisbas, offices, strip_titles
from qala.lexicon import load_table


def test_curated_rows_are_well_formed_and_unambiguous():
    rows = load_table("gazetteers", "curated.tsv")
    seen: dict[str, str] = {}
    for r in rows:
        assert r["type"] in {"PER", "LOC", "ORG", "MISC"}, r
        assert not r["qid"] or re.fullmatch(r"Q[1-9]\d*", r["qid"]), r
        assert r["latin"], r
        for form in [r["name"], *filter(None, r["aliases"].split("|"))]:
            k = key(form)
            assert seen.setdefault(k, r["name"]) == r["name"], f"{form} names both {seen[k]} and {r['name']}"
    qids = [r["qid"] for r in rows if r["qid"]]
    assert len(qids) == len(set(qids))


def test_every_nisba_points_to_a_curated_country():
    countries = {key(k.name) for k in link.curated() if k.type == "LOC"}
    assert set(nisbas().values()) <= countries


@pytest.mark.parametrize(
    ("role", "date", "latin"),
    [
        ("الرئيس الامريكي", "2022-06-01", "Joe Biden"),
        ("الرئيس الامريكي", "2025-06-01", "Donald Trump"),
        ("الرئيس الروسي", "2022-06-01", "Vladimir Putin"),
        ("المستشار الالماني", "2020-06-01", None),  # Merkel's role is المستشارة
        ("الرئيس الامريكي", None, "Donald Trump"),  # no date: only open-ended roles
    ],
)
def test_role_holder_depends_on_the_document_date(role, date, latin):
    holder = link.role_holder(role, date)
    assert (holder.latin if holder else None) == latin


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("كريم الساعدي", "Karim Al-Saedi"), ("عبد الله منصور", "Abdullah Mansour"), ("محمد", "Muhammad")],
)
def test_romanize_uses_attested_name_spellings(arabic, latin):
    assert link.romanize(arabic) == latin


def test_romanize_unknown_word_letter_by_letter():
    out = link.romanize("زقزوق")
    assert out and out.isascii() and out[0].isupper()


def test_link_entity_prefers_gazetteer_latin_and_qid():
    ent = Entity("e1", "LOC", "موسكو")
    link.link_entity(ent, None)
    assert (ent.latin, ent.kb, ent.key, ent.latin_guess) == ("Moscow", "Q649", "Q649", False)


def test_canonical_key_without_qid_is_type_and_normalized_name():
    assert link.canonical_key("PER", "سامر الحديدي", None) == link.canonical_key("PER", "سامر  الحَديدي", None)
    assert link.canonical_key("ORG", "مؤسسة", "Q42") == "Q42"


def test_titles_are_stripped_from_the_front_only():
    assert strip_titles(tuple(key("الدكتور سامي العلي").split())) == (1, ("سامي", "العلي"))
    assert strip_titles(("سامي", "العلي")) == (0, ("سامي", "العلي"))


@pytest.mark.parametrize("name", ["offices.tsv", "nisba.tsv", "relative_dates.tsv", "months.tsv", "event_triggers.tsv"])
def test_lexicon_tables_have_no_duplicate_keys(name):
    rows = load_table("lexicons", name)
    first = next(iter(rows[0]))
    keys = [key(r[first]) for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_offices_have_groups():
    assert all(offices().values())
