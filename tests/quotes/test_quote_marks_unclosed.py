from qala.quotes.marks import MAX_UNCLOSED_CHARS, pair_marks


def test_many_unclosed_opening_marks_give_content_linear_in_the_input():
    text = "قال المسؤول “نحن هنا " * 2000  # 2,000 opening curly marks, none closed, on one line
    spans = pair_marks(text, 0, len(text))
    assert len(spans) >= 1000
    assert sum(s.end - s.start for s in spans) <= len(text)


def test_a_single_unclosed_quotation_runs_to_the_end_of_the_paragraph_up_to_the_cap():
    short = "وقال الوزير: «سنواصل العمل حتى النهاية"
    (span,) = pair_marks(short, 0, len(short))
    assert span.close is None and short[span.start : span.end] == "سنواصل العمل حتى النهاية"
    long = "وقال: «" + "كلام " * 2000
    (span,) = pair_marks(long, 0, len(long))
    assert span.end - span.start == MAX_UNCLOSED_CHARS
