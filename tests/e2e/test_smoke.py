"""Smoke journey: the public home page renders in a real browser with all its assets."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import screenshot


@pytest.mark.e2e
def test_public_home_page_loads_with_its_assets(page, live_server):
    failed_requests: list[str] = []
    page.on(
        "response",
        lambda response: (
            failed_requests.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.on("requestfailed", lambda request: failed_requests.append(f"failed {request.url}"))

    response = page.goto(f"{live_server.url}/")
    page.wait_for_load_state("networkidle")

    assert response is not None
    assert response.status == 200
    assert "Penata" in page.title()
    assert "Penata" in page.locator(".navbar-brand").inner_text()
    # Bootstrap's reboot is applied (the vendored CSS was served): browsers default to 8px.
    assert page.locator("body").evaluate("el => getComputedStyle(el).margin") == "0px"
    # Browsers probe /favicon.ico on their own; everything the page asked for must load.
    assert [r for r in failed_requests if not r.endswith("/favicon.ico")] == []
    screenshot(page, "public-home")
