"""Journey: a head of agency signs in, finds their unit in the tree, opens it, opens its org
chart, and looks at the chart (screenshot kept under test-results/)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import login, screenshot
from tests.web.orgdata import PASSWORD, build_org


@pytest.mark.e2e
def test_open_a_unit_from_the_tree_and_look_at_its_org_chart(page, live_server, transactional_db):
    org = build_org()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    login(page, live_server, "kadis", PASSWORD)
    assert "Ratna Dewi" in page.locator("h1").inner_text()

    # The tree opens on the Perangkat Daerah; a unit opens its sub-units on demand (htmx).
    page.get_by_role("link", name="Struktur", exact=True).click()
    page.wait_for_url(f"{live_server.url}/org/")
    dinkes = page.locator(
        "summary", has=page.get_by_role("link", name="Dinas Kesehatan", exact=True)
    )
    dinkes.click(position={"x": 8, "y": 10})  # the arrow, not the link
    page.get_by_role("link", name="Bidang Pelayanan Kesehatan").wait_for()

    # Live search finds a unit deeper down, with the path above it.
    page.locator("#unit-search").fill("rujukan")
    result = page.locator(".search-results a", has_text="Seksi Rujukan")
    result.wait_for()
    assert "Dinas Kesehatan › Bidang Pelayanan Kesehatan" in result.inner_text()
    page.locator("#unit-search").fill("")
    page.get_by_role("link", name="Dinas Kesehatan", exact=True).first.wait_for()

    # Open the unit page.
    with page.expect_navigation():
        page.get_by_role("link", name="Dinas Kesehatan", exact=True).first.click()
    assert page.url == f"{live_server.url}/org/unit/{org.dinkes.pk}/"
    assert page.locator("h1").inner_text() == "Dinas Kesehatan"
    assert page.locator("canvas").first.is_visible()  # the headcount charts drew

    # Open its org chart and wait until ECharts has drawn it.
    with page.expect_navigation():
        page.get_by_role("link", name="Bagan organisasi").click()
    chart = page.locator('#orgchart[data-ready="1"]')
    chart.wait_for()
    canvas = chart.locator("canvas").first
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 400
    legend = page.locator("#orgchart-legend").inner_text()
    assert "Dinas" in legend and "Bidang" in legend and "Lowong" in legend

    # Clicking the Bidang card opens it and shows its details in the side panel.
    clicked = page.evaluate(
        """() => {
          const chart = echarts.getInstanceByDom(document.getElementById('orgchart'));
          const data = chart.getModel().getSeriesByIndex(0).getData();
          for (let i = 0; i < data.count(); i++) {
            if (data.getName(i) === 'Bidang Pelayanan Kesehatan') {
              chart.getZr().trigger('click', {target: data.getItemGraphicEl(i).childAt(0)});
              return true;
            }
          }
          return false;
        }"""
    )
    assert clicked
    panel = page.locator("#orgchart-panel")
    panel.wait_for(state="visible")
    assert "Bidang Pelayanan Kesehatan" in panel.inner_text()
    assert "Budi Prasetyo" in panel.inner_text()
    page.wait_for_timeout(1500)  # let the expand animation settle before the picture

    path = screenshot(page, "journey-org-chart")
    assert path.stat().st_size > 40_000  # a drawn chart, not a blank page
    assert errors == []
