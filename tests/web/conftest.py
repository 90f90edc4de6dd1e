"""A real uvicorn server over a test knowledge base, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api.kbdata import make_kb
from web.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, serve


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server over a fresh knowledge base of the hand-built test documents."""
    db = tmp_path_factory.mktemp("webkb") / "kb.sqlite"
    make_kb(str(db))
    with serve(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():  # -> playwright Browser
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (scripts/test.sh does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser, server_url: str):  # -> callable(viewport, base_url) -> Page
    """New pages (one context each) that record every URL they request, to prove nothing leaves the server."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, base_url: str = server_url):
        ctx = browser.new_context(viewport=viewport, locale="ar", base_url=base_url)
        contexts.append(ctx)
        page = ctx.new_page()
        page.requested = []  # type: ignore[attr-defined]
        page.on("request", lambda req: page.requested.append(req.url))  # type: ignore[attr-defined]
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))  # type: ignore[attr-defined]
        return page

    yield make
    for ctx in contexts:
        ctx.close()
