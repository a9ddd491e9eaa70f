"""Headless Chromium (Debian's package, driven by Playwright) against a real server.

Playwright's own browser download cannot work here; `.ci/run` installs /usr/bin/chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.server import start, stop

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (Debian package chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (Debian package chromium; .ci/run installs it)")
    running = start(tmp_path_factory.mktemp("browser"))
    yield running
    stop(running)


@pytest.fixture
def page(browser, request):
    """A fresh context per test; `shot(name)` saves a screenshot of the page as an artefact."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    ARTEFACTS.mkdir(exist_ok=True)
    count = 0

    def shot(name: str) -> None:
        nonlocal count
        count += 1
        page.screenshot(path=str(ARTEFACTS / f"{request.node.name}-{count:02d}-{name}.png"), full_page=True)

    page.shot = shot
    yield page
    context.close()
