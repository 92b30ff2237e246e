"""Journey: an employee with a competency gap sees a recommended programme and enrols; the
admin approves and records completion; the employee's JP and competency level go up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from penata.learning import services
from penata.learning.models import EmployeeCompetency, Enrolment
from tests.e2e.conftest import login, screenshot
from tests.learning.conftest import build_city

PASSWORD = "rahasia-uji-123"  # UserFactory's password


@pytest.mark.e2e
def test_gap_recommendation_enrolment_completion(browser, page, live_server, transactional_db):
    city = build_city()
    services.standard_set(
        actor=city.admin,
        position=city.staff_position,
        levels={"pelayanan_publik": 3, "integritas": 2},
    )
    programme = services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code="PPP",
        name="Pelatihan Pelayanan Publik Prima",
        kind="teknis",
        mode="klasikal",
        jp=Decimal(30),
        provider="BKPSDM Kota Surakarta",
        cost=Decimal(1500000),
        develops={"pelayanan_publik": 3},
    )
    start = dt.date.today() + dt.timedelta(days=7)
    session = services.session_create(
        actor=city.admin,
        programme=programme,
        name="Angkatan I",
        starts_on=start,
        ends_on=start,
        capacity=20,
        place="Balai Kota Surakarta",
    )

    # The employee sees the gap and the recommendation, and enrols.
    login(page, live_server, "pegawai", PASSWORD)
    page.goto(f"{live_server.url}/pengembangan/")
    gap_row = page.locator('#my-gaps tr[data-code="pelayanan_publik"]')
    assert "−3" in gap_row.inner_text()
    card = page.locator(".recommendation", has_text="Pelatihan Pelayanan Publik Prima")
    with page.expect_navigation():
        card.get_by_role("button", name="Daftar").click()
    assert "Menunggu persetujuan atasan" in page.locator("#my-enrolments").inner_text()
    enrolment = Enrolment.objects.get(session=session)

    # Training days pass; the admin approves and records completion.
    admin_context = browser.new_context(locale="id-ID")
    admin_page = admin_context.new_page()
    try:
        login(admin_page, live_server, "admin", PASSWORD)
        admin_page.goto(f"{live_server.url}/pengembangan/angkatan/{session.pk}/")
        row = admin_page.locator('#participants tr[data-employee="Pegawai"]')
        with admin_page.expect_navigation():
            row.get_by_role("button", name="Setujui").click()
        session.starts_on = session.ends_on = dt.date.today()
        session.save()
        admin_page.goto(f"{live_server.url}/pengembangan/angkatan/{session.pk}/")
        row = admin_page.locator('#participants tr[data-employee="Pegawai"]')
        row.locator('input[name="completed_on"]').fill(dt.date.today().isoformat())
        with admin_page.expect_navigation():
            row.get_by_role("button", name="Catat lulus").click()
        screenshot(admin_page, "training-completion")
    finally:
        admin_context.close()
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"

    # The employee's JP and competency level are updated.
    page.goto(f"{live_server.url}/pengembangan/")
    assert page.locator("#my-jp").inner_text().startswith("30,00")  # id-ID decimal comma
    assert page.locator('#my-gaps tr[data-code="pelayanan_publik"] .level').inner_text() == "3"
    assert (
        EmployeeCompetency.objects.get(
            employee=city.pegawai.employee, competency__code="pelayanan_publik"
        ).level
        == 3
    )
    screenshot(page, "training-after")
