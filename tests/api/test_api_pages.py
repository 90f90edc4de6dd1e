"""The HTML pages as a client sees them (the browser tests check them in Chromium), and the marks."""

from __future__ import annotations

import re

from api.kbdata import PRESIDENT

from qala.web.highlight import Mark, highlight, query_hits


def test_pages_are_arabic_right_to_left(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/?q=سوريا", "/entities", "/entities/1", "/documents", "/documents/1", "/events"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in r.text, url


def test_form_fields_left_empty_are_ignored_and_bad_ones_explained(client) -> None:  # type: ignore[no-untyped-def]
    empty = client.get("/", params={"q": "سوريا", "date_from": "", "date_to": "", "type": "", "speaker": ""})
    assert empty.status_code == 200 and empty.text.count('class="quote-card"') == 3
    bad = client.get("/", params={"date_from": "2024-13-45"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text
    for odd in ("²", "1e3", "-1", "9" * 30):
        assert client.get("/", params={"speaker_id": odd}).status_code == 400, odd
    arabic_digits = client.get("/", params={"speaker_id": "١"})  # Arabic-Indic digits are numbers too
    assert arabic_digits.status_code == 200 and 'class="quote-card"' in arabic_digits.text


def test_html_errors_are_arabic_pages(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/entities/99999")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "الكيان غير موجود" in r.text
    assert "الصفحة غير موجودة" in client.get("/no-such-page").text
    bad = client.get("/", params={"offset": "-5"})
    assert bad.status_code == 422 and "قيمة غير صالحة" in bad.text


def test_search_page_pagination_keeps_the_filters(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/", params={"source": "الواحة"}).text
    assert "quote-card" in html
    links = re.findall(r'rel="next" href="([^"]+)"', html)
    assert not links  # 3 quotations fit on one page
    entity_page = client.get("/entities/1").text
    assert PRESIDENT in entity_page


def test_highlight_nests_and_escapes() -> None:
    text = "قال <b>أحمد</b> إن السلام ممكن."
    quote = text.index("السلام")
    name = text.index("أحمد")
    html = highlight(text, [
        Mark(quote, len(text) - 1, "quote", label="اقتباس", id="q-1"),
        Mark(name, name + 4, "speaker", href="/entities/7"),
        Mark(quote, quote + 6, "ent LOC", href="/entities/9"),
    ])
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert '<a class="speaker" href="/entities/7">أحمد</a>' in html
    assert '<mark class="quote" id="q-1"><a class="ent LOC" href="/entities/9">السلام</a> ممكن<span class="lbl">اقتباس</span></mark>' in html
    stripped = re.sub(r'<span class="lbl">[^<]*</span>', "", str(html))
    assert re.sub(r"<[^>]+>", "", stripped).replace("&lt;", "<").replace("&gt;", ">") == text


def test_highlight_clips_crossing_spans_and_never_nests_links() -> None:
    text = "abcdefghij"
    html = str(highlight(text, [
        Mark(0, 6, "outer", href="/a"),
        Mark(4, 9, "crossing", href="/b"),  # crosses the outer edge: clipped to 4..6, not a link in a link
        Mark(20, 25, "outside"),  # beyond the text: dropped
    ]))
    assert html == '<a class="outer" href="/a">abcd<mark class="crossing">ef</mark></a>ghij'


def test_search_words_are_marked_in_the_cards_in_any_clitic_form(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/", params={"q": "بسوريا"}).text
    assert html.count('<mark class="hit">سوريا</mark>') == 3
    assert '<mark class="hit">' not in client.get("/", params={"speaker": "النجار"}).text


def test_query_hits_follow_the_search_rules() -> None:
    text = "وقال إن السوريين في سوريا وبسوريا يريدون السلام"
    hits = [text[m.start:m.end] for m in query_hits(text, "سوريا")]
    assert hits == ["سوريا", "وبسوريا"]  # "السوريين" is another word


def test_search_page_order(client) -> None:  # type: ignore[no-untyped-def]
    def dates(order: str) -> list[str]:
        html = client.get("/", params={"q": "سوريا", "order": order}).text
        return re.findall(r'<time datetime="([0-9-]+)">', html)

    assert dates("date") == sorted(dates("date"), reverse=True)
    assert dates("date_asc") == sorted(dates("date_asc"))
    assert dates("date")[0] == "2024-05-20" and dates("date_asc")[0] == "2024-03-12"
