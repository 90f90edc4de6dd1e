from qala.text.normalize import norm, normalize


def test_norm_folds_alef_yaa_taa_marbuta_and_digits():
    assert norm("إبراهيم أحمد ٣٨٪ مدرسة على") == "ابراهيم احمد 38% مدرسه علي"


def test_normalize_maps_back_to_raw_offsets_after_deleting_diacritics_and_tatweel():
    raw = "قالَ الرئيـــس: مرحباً"
    n = normalize(raw)
    assert n.text == "قال الرئيس: مرحبا"
    i = n.text.index("الرئيس")
    start, end = n.raw_span(i, i + len("الرئيس"))
    assert raw[start:end] == "الرئيـــس"
    j = n.text.index("مرحبا")
    assert raw[n.to_raw(j) : n.to_raw_end(len(n.text))] == "مرحباً"


def test_normalize_is_identity_map_when_nothing_is_deleted():
    n = normalize("قال الوزير")
    assert n.to_raw(3) == 3 and n.to_norm(5) == 5
