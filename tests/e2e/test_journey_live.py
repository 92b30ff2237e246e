"""Journey: an employee records an activity from a phone; the supervisor's dashboard, open in
another browser, shows the new count within five seconds without a reload (htmx polling)."""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, login, screenshot
from tests.performance.conftest import PASSWORD, build_city

LIVE_WITHIN_MS = 5_000


@pytest.mark.e2e
def test_new_activity_reaches_the_supervisors_dashboard_within_five_seconds(
    browser, page, live_server, transactional_db, settings
):
    from playwright.sync_api import expect

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    build_city()

    # The supervisor (kepala seksi) watches the dashboard of the people she evaluates.
    login(page, live_server, "kasi", PASSWORD)
    page.goto(f"{live_server.url}/kinerja/pantauan/")
    counter = page.locator("#live-activities")
    expect(counter).to_have_text("0")
    expect(page.locator("#live-logged")).to_have_text("0")
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    # The employee, on a phone, records an activity.
    phone_context = browser.new_context(
        locale="id-ID", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone_context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    phone = phone_context.new_page()
    try:
        login(phone, live_server, "agus", PASSWORD)
        phone.goto(f"{live_server.url}/kinerja/log/")
        phone.locator("#act-description").fill("Memverifikasi 12 berkas klaim layanan")
        phone.locator('button[data-minutes="120"]').click()
        assert phone.locator("#act-minutes").input_value() == "120"
        with phone.expect_navigation():
            phone.locator("#activity-submit").click()
        saved_at = time.monotonic()
        expect(phone.get_by_text("Kegiatan dicatat.")).to_be_visible()
        screenshot(phone, "journey-live-phone")
    finally:
        phone_context.close()

    # Within five seconds, without a reload, the supervisor sees it.
    expect(counter).to_have_text("1", timeout=LIVE_WITHIN_MS)
    assert time.monotonic() - saved_at < LIVE_WITHIN_MS / 1000
    expect(page.locator("#live-logged")).to_have_text("1")
    expect(page.locator("#live-pending")).to_have_text("1")
    assert page.evaluate("window.__sameDocument") is True
    screenshot(page, "journey-live-dashboard")
