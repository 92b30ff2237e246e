"""Journey: an analyst creates a scenario, merges two bidang, converts a pengawas post
(penyetaraan), watches the live comparison and opens the side-by-side comparison with the
affected employees and both org charts."""

from __future__ import annotations

import re

import pytest

from penata.restructure.models import Scenario
from tests.e2e.conftest import htmx_settled, login, screenshot
from tests.factories import InstansiFactory, RoleGrantFactory, UserFactory
from tests.restructure.test_scenarios import build_city

PASSWORD = "rahasia-uji-123"  # UserFactory's password


def pick(page, field: str, query: str, value: int) -> None:
    """Use an htmx search select: type, wait for the results, choose one."""
    page.locator(f"#q-{field}").fill(query)
    option = page.locator(f'#pick-{field} select[size] option[value="{value}"]')
    option.wait_for(state="attached")
    htmx_settled(page)
    page.locator(f"#pick-{field} select").select_option(str(value))
    htmx_settled(page)


@pytest.mark.e2e
def test_merge_two_bidang_and_convert_a_pengawas_post(page, live_server, transactional_db):
    city = build_city(InstansiFactory())
    analyst = UserFactory(username="analis", first_name="Rina", last_name="Analis")
    RoleGrantFactory(user=analyst, role="org_analyst", instansi=city.instansi)
    login(page, live_server, "analis", PASSWORD)

    # Create the scenario.
    page.goto(f"{live_server.url}/penataan/skenario/")
    page.locator("#scenario-name").fill("Penyederhanaan Dinas A")
    page.locator("#scenario-base").fill("2026-01-05")
    with page.expect_navigation():
        page.get_by_role("button", name="Buat skenario").click()
    scenario = Scenario.objects.get(name="Penyederhanaan Dinas A")
    assert page.url.endswith(f"/penataan/skenario/{scenario.pk}/")

    # Merge Bidang Y into Bidang X (the default operation form).
    pick(page, "source", "Bidang Y", city.units["bidang_y"].pk)
    pick(page, "target", "Bidang X", city.units["bidang_x"].pk)
    page.get_by_role("button", name="Tambahkan operasi").click()
    first = page.locator('#operation-list li[data-seq="1"]')
    first.wait_for()
    htmx_settled(page)
    assert "Gabungkan unit “Bidang Y” ke dalam “Bidang X”." in first.inner_text()

    # Convert Kepala Seksi X1 (pengawas) into a functional post.
    page.locator("#operation-kind").select_option("position.convert")
    page.locator('#op-form input[name="kind"][value="position.convert"]').wait_for(state="attached")
    pick(page, "position", "Seksi X1", city.posts["kasi_x1"].pk)
    page.get_by_role("button", name="Tambahkan operasi").click()
    second = page.locator('#operation-list li[data-seq="2"]')
    second.wait_for()
    htmx_settled(page)
    assert "menjadi jabatan fungsional “Analis Kebijakan Ahli Muda”" in second.inner_text()
    assert "Subkoordinator" in second.inner_text()

    # The live comparison follows at once.
    managerial = page.locator('#live-comparison tr[data-key="managerial_positions"] td')
    assert [cell.inner_text() for cell in managerial.all()] == ["8", "7", "−1"]
    assert page.locator("#affected-count").inner_text() == "2"

    # Undo and redo the conversion.
    page.get_by_role("button", name="Batalkan").click()
    page.locator('#operation-list li[data-seq="2"][data-active="0"]').wait_for()
    htmx_settled(page)
    assert page.locator("#affected-count").inner_text() == "1"
    page.get_by_role("button", name="Ulangi").click()
    page.locator('#operation-list li[data-seq="2"][data-active="1"]').wait_for()
    htmx_settled(page)

    # The full comparison: affected employees and both org charts.
    page.get_by_role("link", name="Perbandingan lengkap").click()
    page.wait_for_load_state("networkidle")
    affected = page.locator("#affected-table tbody")
    assert "Pegawai Kasi X1" in affected.inner_text()
    assert "jenis jabatannya berubah" in affected.inner_text()
    assert "Pegawai Kabid Y" in affected.inner_text()
    changes = page.locator("#changes-table").inner_text()
    assert "Unit dihapus" in changes and "Jabatan disetarakan" in changes
    for chart in page.locator("[data-org-tree]").all():
        chart.locator("canvas").first.wait_for()
    assert re.search(r"1 dihapus", page.locator("body").inner_text())
    screenshot(page, "journey-scenario-comparison")
