from qala.text import segment_sentences, tokenize


def _sents(text):
    return [text[s.start : s.end] for s in segment_sentences(text)]


def test_sentences_split_on_arabic_and_latin_final_punctuation():
    text = "وصل الوفد أمس. هل ستنجح المحادثات؟ قال الوزير إن النتائج جيدة!"
    assert _sents(text) == ["وصل الوفد أمس.", "هل ستنجح المحادثات؟", "قال الوزير إن النتائج جيدة!"]


def test_decimal_numbers_and_abbreviations_do_not_end_a_sentence():
    text = "ارتفع المؤشر 17.2 بالمئة وقال د. سامي إن ذلك متوقع."
    assert _sents(text) == [text]


def test_line_without_final_punctuation_is_a_headline():
    sents = segment_sentences("الوزير: الاقتصاد بخير\nوقال الوزير إن النمو مستمر.")
    assert [s.headline for s in sents] == [True, False]


def test_tokens_keep_percent_numbers_and_offsets():
    text = "زادت التجارة 38٪ و17.2 بالمئة."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["زادت", "التجارة", "38", "٪", "و", "17.2", "بالمئة", "."]
    assert all(text[t.start : t.end] == t.text for t in toks)
