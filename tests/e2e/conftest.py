"""Browser journeys: Playwright's sync API driving Debian's Chromium against `live_server`.

Every test under tests/e2e is marked `e2e` and put in one xdist group, so under
`pytest -n auto --dist loadgroup` a single worker starts the browser and runs them in turn
while the other workers run the rest of the suite. Where /usr/bin/chromium is missing the
tests skip, unless PENATA_E2E_REQUIRED=1 (set by .ci/run) makes that a failure.
Screenshots of failed tests go to test-results/ (gitignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

# Playwright's sync API keeps an asyncio event loop running in this thread while the browser
# is open; Django refuses ORM calls from such a thread unless DJANGO_ALLOW_ASYNC_UNSAFE is
# set. The loop only drives the browser, so the tests' own database calls stay synchronous
# and safe. The variable is set only while the browser is open (see `browser`): subprocesses
# of other tests must not inherit it (`check --deploy` rightly refuses it).
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
E2E_DIR = Path(__file__).resolve().parent
DEFAULT_TIMEOUT_MS = 15_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # tryfirst: xdist reads the group marker in its own hook of the same name.
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group("e2e"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("PENATA_E2E_REQUIRED") == "1":
        pytest.fail(
            "PENATA_E2E_REQUIRED=1 but Debian's chromium (/usr/bin/chromium) is not installed: "
            "apt-get install chromium",
            pytrace=False,
        )
    pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed: apt-get install chromium")


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One headless Chromium for all of tests/e2e, closed right after its last test.

    The e2e tests run one after another on one worker, so package scope opens the browser
    once and lets the rest of the worker's tests run without Playwright's event loop.
    """
    _require_chromium()
    from playwright.sync_api import sync_playwright

    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


def _file_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:150]


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context (Indonesian locale, laptop-sized window) and its page."""
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            RESULTS_DIR.mkdir(exist_ok=True)
            page.screenshot(
                path=str(RESULTS_DIR / f"{_file_name(request.node.nodeid)}.png"), full_page=True
            )
        context.close()


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot to test-results/<name>.png (for reviewing a journey)."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{_file_name(name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def htmx_settled(page: Any) -> None:
    """Wait until htmx has no request in flight and has finished settling swapped content.

    htmx attaches its handlers to swapped-in elements during the settle step (20 ms after the
    swap, longer on a loaded machine); an element used before then ignores the event that
    should trigger its request.
    """
    page.wait_for_function(
        "() => window.htmx !== undefined && !document.querySelector("
        "'.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added')"
    )


def login(page: Any, live_server: Any, username: str, password: str) -> None:
    """Sign in through the login form (Django's LoginView: fields `username`, `password`).

    Fills the fields by name and submits with Enter, so it does not depend on the labels or
    the button of the template. Fails the test when the login page is shown again.
    """
    login_path = reverse("accounts:login")
    page.goto(f"{live_server.url}{login_path}")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(password)
    with page.expect_navigation():
        page.locator('input[name="password"]').press("Enter")
    if page.url.split("?")[0].endswith(login_path):
        screenshot(page, f"login-failed-{username}")
        pytest.fail(f"Login as {username!r} failed: the login page was shown again.")
