"""Property-based tests (hypothesis) over `qala.extract`, the decoder and the readers on adversarial text.

Properties: no stage fails (the pipeline turns exceptions into `stage_failed` records, so that is what
is checked), every reported offset is valid (`text[start:end] == reported text`), and the JSON output
is valid UTF-8. Examples are bounded so the file runs in seconds; `benchmarks/fuzz_extract.py` runs
the same properties for longer under atheris.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qala
from qala.cli.extract import json_line
from qala.document import Document
from qala.errors import DecodeError
from qala.ingest.decode import decode_bytes
from qala.ingest.readers import read_jsonl_lines

QUOTE_MARKS = list("«»“”„‟\"'‘’‚‛‹›「」『』❝❞＂")
CONTROLS = list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c\u0640")
DIACRITICS = list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655")
# Fictional words written for these tests: cues, titles, names, places, dates and figures.
WORDS = [
    "قال", "وقال", "أكد", "وأضاف", "أوضح", "قالت", "صرح", "وأشار", "إن", "أن", "بحسب", "نقلا عن", "على حد قوله",
    "الوزير", "الرئيس", "المتحدث باسم الحكومة", "وزيرة الاقتصاد", "سامي", "الهاشمي", "ليلى النعيمي",
    "كريم العطار", "عبد الله", "بن", "أبو", "مدينة الزرقاء", "الواحة", "يوم الثلاثاء", "أمس", "الشهر المقبل",
    "5 مارس 2024", "١٢", "٣٫٥ مليون دولار", "12%", "٪", "في", "مع", "المحادثات", "الاتفاق", "اجتماع", "زيارة",
    "Reuters", "ООН", "北京", "שלום",
]
PUNCT = [".", "،", ",", ":", "؛", "؟", "!", "-", "—", "(", ")", "\n", "\n\n", " ", "  ", "\t", "...", "…"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(CONTROLS),
    st.sampled_from(DIACRITICS),
    st.sampled_from(PUNCT),
    st.sampled_from(["\ud800", "\udfff", "\udc80"]),  # lone surrogates (the Python API accepts any str)
    st.text(max_size=4),  # anything else Unicode has, including combining marks and other scripts
)
adversarial_text = st.lists(piece, max_size=120).map(" ".join)
# Thousands of cues or quote marks in a row: the shape that makes backtracking regexes explode.
repeated = st.tuples(st.sampled_from(WORDS + QUOTE_MARKS + PUNCT), st.integers(200, 3000), st.sampled_from(["", " "])).map(
    lambda t: t[2].join([t[0]] * t[1])
)

# QALA_HYPOTHESIS_EXAMPLES raises the bound for a longer run outside CI.
EXAMPLES = int(os.environ.get("QALA_HYPOTHESIS_EXAMPLES", "60"))
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])




def check_document(doc: Document) -> None:
    failed = [e for e in doc.errors if e.code == "stage_failed"]
    assert not failed, failed
    n = len(doc.text)
    for kind, start, end, text in doc.spans():
        assert 0 <= start <= end <= n, (kind, start, end, n)
        if text is not None:
            assert doc.text[start:end] == text, (kind, start, end, text)
    for q in doc.quotes:
        assert q.event is None or 0 <= q.event < len(doc.events)
    ids = {e.id for e in doc.entities}
    for ev in doc.events:
        assert set(ev.participants) <= ids and (ev.place is None or ev.place in ids)
    line = json_line(doc.to_dict())
    line.encode("utf-8")  # never raises: the output can always be written
    assert json.loads(line)["id"] == doc.id


@FAST
@given(adversarial_text)
def test_extract_never_fails_and_every_offset_is_valid(text):
    check_document(qala.extract(text, date="2024-03-05"))


@settings(max_examples=max(15, EXAMPLES // 4), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeated)
def test_long_runs_of_cues_and_quote_marks(text):
    check_document(qala.extract(text, date="2024-03-05"))


@FAST
@given(st.lists(st.sampled_from(WORDS + QUOTE_MARKS + PUNCT), min_size=5, max_size=80).map(" ".join), st.data())
def test_controls_and_diacritics_inserted_anywhere(text, data):
    """Zero-width, bidi and tatweel characters and stacked diacritics between any two characters."""
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 40))):
        pos = data.draw(st.integers(0, len(chars)))
        chars.insert(pos, data.draw(st.sampled_from(CONTROLS + DIACRITICS)))
    check_document(qala.extract("".join(chars), date="2024-03-05"))


@FAST
@given(st.binary(max_size=2000))
def test_decoder_returns_text_or_a_decode_error(data):
    try:
        text, enc = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and enc
    text.encode("utf-8")  # no lone surrogate comes out of decoding


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300)


@FAST
@given(printable)
def test_utf8_and_utf16_with_bom_round_trip(text):
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(text.encode("utf-16"))[0] == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text


arabic_words = st.lists(st.tuples(st.sampled_from(WORDS[:30]), st.sampled_from(["", *PUNCT[:8]])), min_size=3, max_size=60)


@FAST
@given(arabic_words.map(lambda ws: " ".join(w + p for w, p in ws)))
def test_arabic_text_round_trips_through_every_supported_encoding(text):
    """Arabic words with punctuation (a text of punctuation alone has no decidable legacy encoding)."""
    for enc in ("utf-8", "utf-16-le", "utf-16-be", "cp1256"):
        assert decode_bytes(text.encode(enc))[0] == text, enc


@FAST
@given(st.lists(st.one_of(st.text(max_size=50), st.sampled_from(["\ud800", "\udbff\udbff", "x\udfff"])), max_size=8))
def test_json_lines_reader_replaces_lone_surrogates_one_for_one(texts):
    lines = [json.dumps({"id": f"d{i}", "text": t}).encode("ascii") for i, t in enumerate(texts)]
    docs = list(read_jsonl_lines(lines, "mem"))
    assert len(docs) == len(texts)
    for doc, original in zip(docs, texts, strict=True):
        assert not doc.errors
        assert len(doc.text) == len(original)
        doc.text.encode("utf-8")  # no surrogate left
        assert all(a == b or ("\ud800" <= b <= "\udfff" and a == "\ufffd") for a, b in zip(doc.text, original, strict=True))


@FAST
@given(st.lists(st.binary(max_size=80), min_size=1, max_size=10))
def test_json_lines_reader_never_raises_and_yields_one_document_per_line(lines):
    lines = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in lines]
    docs = list(read_jsonl_lines(lines, "mem"))
    assert len(docs) == sum(1 for ln in lines if ln.strip())
    for doc in docs:
        assert doc.errors or isinstance(doc.text, str)


def test_python_api_replaces_lone_surrogates_and_warns():
    text = "قال الوزير سامي الهاشمي إن «الأرباح \ud800 ارتفعت»."
    doc = qala.extract(text, title="عنوان \udc80")
    assert not doc.errors
    assert doc.text == text.replace("\ud800", "\ufffd") and doc.title == "عنوان \ufffd"
    assert any("U+FFFD" in w for w in doc.warnings)
    check_document(doc)
