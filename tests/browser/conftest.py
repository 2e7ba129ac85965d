"""Headless Chromium for the reader tests, driven by Playwright for Python.

The browser is Debian's ``chromium`` (``.ci/run`` installs it with ``fonts-noto-cjk``);
Playwright's own browser download is never used. Outside CI the tests skip, with the
reason, when that browser or Playwright is missing; under CI (``CI`` set) they fail
instead, so that a broken install cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Where screenshots go; git-ignored.
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("DUBEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: Page size of every test page; the screenshot uses it too.
VIEWPORT = {"width": 1100, "height": 900}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs in headless Chromium (skipped without it outside CI)")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"{reason} (install Debian chromium and fonts-noto-cjk, as .ci/run does)")


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One Chromium with a fresh profile for the whole session."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            locale="en-GB",
            permissions=["clipboard-read", "clipboard-write"],
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def reader_file(tmp_path_factory: pytest.TempPathFactory, sample_doc) -> Path:  # noqa: ARG001 - warms the engines once
    """The sample report exported by the README's command (``duben annotate … -o x.html``)."""
    from duben.cli import main

    out = tmp_path_factory.mktemp("reader") / "xingxian.html"
    sample = ROOT / "data" / "reports" / "xingxian-plenum-2025.md"
    assert main(["annotate", str(sample), "-o", str(out)]) == 0
    return out


class PageLog:
    """What a page did besides rendering: console errors, requests, dialogs."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def open_page(browser_context):
    """Open a local HTML file in a new tab with clean storage; checks it stayed quiet."""
    pages = []

    def open_(path: Path):
        page = browser_context.new_page()
        log = PageLog()
        page.on("console", lambda message: message.type in ("error", "assert") and log.errors.append(message.text))
        page.on("pageerror", lambda error: log.errors.append(str(error)))
        page.on("request", lambda request: log.requests.append(request.url))
        page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
        url = path.resolve().as_uri()
        page.goto(url)
        page.wait_for_selector(".duben:not(.dr-nojs)")
        page.log = log  # type: ignore[attr-defined]
        page.own_url = url  # type: ignore[attr-defined]
        pages.append(page)
        return page

    yield open_
    for page in pages:
        log = page.log
        # The reader remembers its settings; the next test starts from the defaults.
        page.evaluate("window.localStorage.clear()")
        page.close()
        assert not log.errors, f"console errors: {log.errors}"
        assert not log.dialogs, f"the page opened dialogs: {log.dialogs}"
        foreign = [url for url in log.requests if url != page.own_url]
        assert not foreign, f"the page made network requests: {foreign}"


@pytest.fixture
def reader(open_page, reader_file):
    """The sample report's reader, loaded and initialised."""
    return open_page(reader_file)
