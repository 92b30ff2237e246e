"""Journey: a citizen on a phone submits a complaint, follows it by tracking code, the unit
resolves it, and the citizen sees it resolved (and rates it)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from penata.participation.models import Complaint
from tests.e2e.conftest import login, screenshot
from tests.participation.conftest import world as world

PASSWORD = "rahasia-uji-123"
CONTACT = "0813-2222-3333"


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_complaint_journey(browser, live_server, world):
    phone = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844})
    phone.set_default_timeout(15_000)
    citizen = phone.new_page()
    citizen.goto(f"{live_server.url}{reverse('participation:complaint_new')}")
    citizen.select_option("#id_category", label="Jalan & Drainase")
    citizen.select_option("#id_kelurahan", label="Jajar")
    citizen.fill("#id_location", "Jalan Adi Sucipto, depan minimarket")
    citizen.fill(
        "#id_description", "Lubang besar di tengah jalan, sudah ada pengendara motor jatuh."
    )
    citizen.fill("#id_reporter_contact", CONTACT)
    with citizen.expect_navigation():
        citizen.click("button[type=submit]")

    code = citizen.locator("[data-tracking-code]").inner_text().strip()
    assert len(code.replace("-", "")) == 13
    assert CONTACT not in citizen.content()
    screenshot(citizen, "journey-complaint-submitted")
    complaint = Complaint.objects.get()
    assert complaint.tracking_display == code

    # Follow it by code, as typed from a note: lower case, no hyphens.
    lookup = phone.new_page()
    lookup.goto(f"{live_server.url}{reverse('participation:complaint_lookup')}")
    lookup.fill("#id_kode", code.lower().replace("-", ""))
    with lookup.expect_navigation():
        lookup.click("button[type=submit]")
    assert lookup.locator("[data-status]").get_attribute("data-status") == "received"

    # The moderator verifies and forwards to DPUPR; the head of DPUPR resolves it.
    office = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    office.set_default_timeout(15_000)
    staff = office.new_page()
    login(staff, live_server, "moderator", PASSWORD)
    staff.goto(f"{live_server.url}{reverse('participation:complaint_detail', args=[complaint.pk])}")
    staff.select_option("#act-unit", label="Dinas Pekerjaan Umum dan Penataan Ruang")
    with staff.expect_navigation():
        staff.click("button[data-action=verify]")
    assert "Diteruskan ke unit" in staff.locator(".page-head").inner_text()
    office.clear_cookies()
    login(staff, live_server, "kadis_pu", PASSWORD)
    staff.goto(f"{live_server.url}{reverse('participation:inbox')}?status=open")
    with staff.expect_navigation():
        staff.click(f"text={code}")
    with staff.expect_navigation():
        staff.click("button[data-action=start]")
    staff.fill("#act-message", "Lubang sudah ditambal oleh tim Bidang Bina Marga hari ini.")
    with staff.expect_navigation():
        staff.click("button[data-action=resolve]")
    screenshot(staff, "journey-complaint-resolved-staff")

    # The citizen sees the resolution with the official's title, and rates it.
    lookup.reload()
    assert lookup.locator("[data-status]").get_attribute("data-status") == "resolved"
    page_text = lookup.locator("main").inner_text()
    assert "Lubang sudah ditambal" in page_text
    assert "Kepala Dinas Pekerjaan Umum dan Penataan Ruang" in page_text
    assert "Bambang" not in page_text
    lookup.click("label[for=rating-5]")
    with lookup.expect_navigation():
        lookup.click(".rating-form button[type=submit]")
    assert "menilai penyelesaian aduan ini 5 dari 5" in lookup.locator("main").inner_text()
    screenshot(lookup, "journey-complaint-rated")
    complaint.refresh_from_db()
    assert (complaint.status, complaint.rating) == ("resolved", 5)
    phone.close()
    office.close()
