"""The web UI in a real Chromium against a real uvicorn server: search, entity page, article page,
right-to-left layout on desktop and phone, and no request ever leaving the server (no CDN)."""

from __future__ import annotations

import pytest
from api.kbdata import FINANCE, MINISTER, PRESIDENT, TRANSPORT
from web.browser import PHONE, screenshot

pytestmark = pytest.mark.browser


def _search(page, query: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")


def _only_local(page, server_url: str) -> None:  # type: ignore[no-untyped-def]
    outside = [u for u in page.requested if not u.startswith(server_url) and not u.startswith("data:")]
    assert not outside, f"requests outside the server: {outside}"
    assert not page.errors, f"JavaScript errors: {page.errors}"


def test_search_finds_the_quotations_about_syria(page_factory, server_url) -> None:  # type: ignore[no-untyped-def]
    page = page_factory()
    _search(page, "سوريا")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    cards = page.locator(".quote-card")
    speakers = set(cards.locator(".speaker").all_inner_texts())
    assert speakers == {PRESIDENT, MINISTER, FINANCE}  # the road article (Baghdad) does not match
    assert TRANSPORT not in page.inner_text("#results")
    # the wire copy is counted once, with a note that it was republished
    president_card = cards.filter(has_text="الحل في سوريا")
    assert president_card.count() == 1
    assert "2024-03-12" in president_card.inner_text()
    assert president_card.locator(".copies").count() == 1
    # the reading font is the bundled one, not a system fallback
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'سوريا')")
    screenshot(page, "search-desktop")
    _only_local(page, server_url)


def test_filters_narrow_the_search(page_factory) -> None:  # type: ignore[no-untyped-def]
    page = page_factory()
    page.goto("/?q=سوريا&type=direct&date_from=2024-05-01")
    texts = page.locator(".quote-card blockquote").all_inner_texts()
    assert texts == ["الرئيس الخطيب وعد بدعم الشباب في سوريا"]
    assert page.locator("details[open]").count() == 1  # the filter panel stays open to show what applies


def test_entity_page_lists_quotations_with_dates_timeline_and_network(page_factory, server_url) -> None:  # type: ignore[no-untyped-def]
    page = page_factory()
    _search(page, "سوريا")
    page.locator(".quote-card a.speaker", has_text=PRESIDENT).first.click()
    page.wait_for_selector("#entity-name")
    assert page.inner_text("#entity-name") == PRESIDENT
    assert page.inner_text("#entity-latin").startswith("Samer al-Khatib")
    said = page.locator("#said .quote-card")
    assert said.count() == 2
    first, second = said.nth(0).inner_text(), said.nth(1).inner_text()
    assert "الاقتصاد سيتعافى" in first and "2024-05-20" in first  # newest first
    assert "الحل في سوريا" in second and "2024-03-12" in second
    assert "الرئيس الخطيب وعد بدعم الشباب" in page.inner_text("#about")
    assert MINISTER in page.inner_text("#meets")
    page.wait_for_selector("#timeline[data-ready='1']")
    page.wait_for_selector("#network[data-ready='1']", timeout=15_000)
    assert page.locator("#network canvas").count() == 1
    screenshot(page, "entity-desktop")
    _only_local(page, server_url)


def test_place_entity_links_to_wikidata(page_factory) -> None:  # type: ignore[no-untyped-def]
    page = page_factory()
    page.goto("/entities?q=سوريا")
    page.locator("#entity-list a", has_text="سوريا").first.click()
    page.wait_for_selector("#entity-kb")
    assert page.get_attribute("#entity-kb", "href") == "https://www.wikidata.org/wiki/Q858"


def test_article_page_highlights_the_quotation_and_its_speaker(page_factory, server_url) -> None:  # type: ignore[no-untyped-def]
    page = page_factory()
    _search(page, "سوريا")
    card = page.locator(".quote-card", has_text="بلاده تدعم استقرار سوريا")
    quote_id = card.get_attribute("data-quote-id")
    card.locator("a.doc-link").click()
    page.wait_for_selector("#article-text")
    mark = page.locator(f"#article-text mark#q-{quote_id}")
    assert mark.count() == 1
    # the mark covers exactly the quotation (its label badge aside)
    covered = mark.evaluate("m => { const c = m.cloneNode(true); c.querySelectorAll('.lbl').forEach(l => l.remove()); return c.textContent; }")
    assert covered == "بلاده تدعم استقرار سوريا وتعارض أي تدخل خارجي"
    assert page.evaluate("location.hash") == f"#q-{quote_id}"
    speakers = page.locator("#article-text .speaker")
    assert speakers.count() == 3  # الخطيب, النجار, النجار: one per quotation with a named speaker
    first_speaker = speakers.nth(0).evaluate("s => s.firstChild.textContent")
    assert first_speaker == "الخطيب"
    trigger = page.locator("#article-text mark.trigger")
    assert trigger.count() == 1 and trigger.evaluate("t => t.firstChild.textContent") == "استقبل"
    assert "سوريا" in page.locator("#entities").inner_text()
    # the text around the marks is the stored text, unchanged
    plain = page.evaluate("() => { const c = document.getElementById('article-text').cloneNode(true);"
                          " c.querySelectorAll('.lbl').forEach(l => l.remove()); return c.textContent; }")
    assert plain.strip() == page.evaluate("fetch(location.pathname.replace('/documents/', '/api/documents/'))"
                                          ".then(r => r.json()).then(d => d.text)").strip()
    screenshot(page, "article-desktop")
    _only_local(page, server_url)


PHONE_PAGES = {"/?q=سوريا": "search", "/?q=سوريا&type=direct&order=date": "search-filters", "/documents/1": "article", "/entities/1": "entity", "/entities": "entities",
               "/events": "events", "/documents": "documents"}


@pytest.mark.parametrize("path", list(PHONE_PAGES))
def test_phone_layout_fits_the_screen(page_factory, server_url, path: str) -> None:  # type: ignore[no-untyped-def]
    page = page_factory(PHONE)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
    # right-to-left: the header's brand sits at the right edge
    box = page.locator(".site-header .brand").bounding_box()
    assert box is not None and box["x"] + box["width"] > PHONE["width"] * 0.6
    screenshot(page, f"{PHONE_PAGES[path]}-phone")
    _only_local(page, server_url)
