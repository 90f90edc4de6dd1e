"""A real uvicorn server over a test knowledge base, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from qala.api.app import create_app
from qala.api.settings import Settings
from tests.api.kbdata import make_kb

from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP

SERVER_START_TIMEOUT_S = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`qala serve` in a thread: uvicorn on a free port of 127.0.0.1, read-only over a fresh KB."""
    db = tmp_path_factory.mktemp("webkb") / "kb.sqlite"
    make_kb(str(db))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db_url=str(db))), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
def page_factory(browser, server_url: str):  # -> callable(viewport) -> Page
    """New pages (one context each) that record every URL they request, to prove nothing leaves the server."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP):
        ctx = browser.new_context(viewport=viewport, locale="ar", base_url=server_url)
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
