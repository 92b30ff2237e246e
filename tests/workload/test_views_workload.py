"""Pages of the workload app: read-only vs inline editing, refusals, summary, outlook."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from penata.core.models import AuditEvent
from penata.org.models import Duty
from penata.workload.models import WorkloadSettings

pytestmark = pytest.mark.django_db


def _get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(name, args=args))


def test_unit_page_is_read_only_for_an_employee(client, world):
    response = _get(client, world.employee_user, "workload:unit", world.root.id)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Analis" in html and "Pengolah" in html
    assert "1,0800" in html and "2,4808" in html and "186.060" in html
    assert "Dibulatkan ke bilangan bulat terdekat" in html
    assert "75.000" in html
    assert reverse("workload:duty_save", args=[world.duties["d1"].pk]) not in html
    assert "<script>" not in html


def test_unit_page_offers_inline_forms_to_the_analyst(client, world):
    response = _get(client, world.analyst, "workload:unit", world.root.id)

    html = response.content.decode()
    assert reverse("workload:duty_save", args=[world.duties["d1"].pk]) in html
    assert 'hx-target="#pos-' in html


def test_org_unit_page_links_to_the_abk_page(client, world):
    response = _get(client, world.employee_user, "org:unit_detail", world.root.id)

    assert reverse("workload:unit", args=[world.root.id]) in response.content.decode()


def test_analyst_edit_rerenders_the_row_and_the_totals(client, world):
    client.force_login(world.analyst)
    duty = world.duties["d3"]

    response = client.post(
        reverse("workload:duty_save", args=[duty.pk]),
        {"unit": world.root.id, "volume": "10", "period": "week", "time_norm_minutes": "120"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    # Pengolah: 10×50×120 = 60,000 + 75,000 = 135,000 → need 1,8 → 2; totals 216,060 → 2,8808
    assert f'id="pos-{world.pengolah.id}"' in html
    assert "135.000" in html and "1,8000" in html
    assert 'id="abk-totals"' in html and 'hx-swap-oob="true"' in html and "2,8808" in html
    duty.refresh_from_db()
    assert duty.volume == Decimal("10.00")


@pytest.mark.parametrize("who", ["employee_user", "unit_head"])
def test_edit_is_forbidden_to_employee_and_unit_head(client, world, who):
    client.force_login(getattr(world, who))
    duty = world.duties["d3"]

    response = client.post(
        reverse("workload:duty_save", args=[duty.pk]),
        {"volume": "99", "period": "day", "time_norm_minutes": "1"},
    )

    assert response.status_code == 403
    duty.refresh_from_db()
    assert (duty.volume, duty.period, duty.time_norm_minutes) == (
        Decimal("5.00"),
        "week",
        Decimal("120.00"),
    )
    assert not AuditEvent.objects.filter(action="workload.duty_update").exists()


def test_invalid_edit_answers_422_with_the_field_message(client, world):
    client.force_login(world.analyst)
    duty = world.duties["d3"]

    response = client.post(
        reverse("workload:duty_save", args=[duty.pk]),
        {"unit": world.root.id, "volume": "-3", "period": "week", "time_norm_minutes": "120"},
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert 'data-field="volume"' in html and "Volume harus 0 atau lebih" in html
    assert Duty.objects.get(pk=duty.pk).volume == Decimal("5.00")


def test_summary_page_lists_units_with_a_chart(client, world):
    response = _get(client, world.auditor, "workload:summary")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dinas Uji" in html and 'data-chart="hbars"' in html
    assert "vendor/echarts/echarts.min.js" in html
    assert "Dibulatkan ke bilangan bulat terdekat" in html
    assert response.context["summary"].by_unit[0].gap == -1


def test_summary_chart_shows_every_perangkat_daerah_largest_shortage_first(client, world):
    from tests.factories import AssignmentFactory, PositionFactory, UnitFactory

    # A second Perangkat Daerah with three people on a post without duties: surplus of 3.
    other = UnitFactory(instansi=world.instansi, name="Badan Lain", code="BL", kind="badan")
    post = PositionFactory(unit=other, title="Pengadministrasi", kind="pelaksana")
    for _ in range(3):
        AssignmentFactory(position=post, employee__instansi=world.instansi)
    client.force_login(world.auditor)

    # The table sorted by name, ascending; the chart keeps its own order and every unit.
    response = client.get(reverse("workload:summary"), {"urut": "name", "arah": "naik"})

    chart = response.context["chart"]["units"]
    lines = response.context["summary"].by_unit
    assert len(chart) == len(lines) == 2
    assert [c["value"] for c in chart] == sorted((line.gap for line in lines), reverse=True)
    assert chart[-1] == {"name": "Badan Lain", "value": -3}


def test_outlook_page_shows_retirements_by_year(client, world):
    response = _get(client, world.employee_user, "workload:outlook", world.root.id)

    assert response.status_code == 200
    outlook = response.context["outlook"]
    assert outlook.total_pairs[1] == (1, 0)
    assert str(outlook.years[4]) in response.content.decode()


def test_settings_page_is_for_analyst_and_admin_only(client, world):
    assert _get(client, world.unit_head, "workload:settings").status_code == 403
    assert _get(client, world.analyst, "workload:settings").status_code == 200


def test_settings_page_saves_and_refuses_with_the_field(client, world):
    client.force_login(world.admin)
    url = reverse("workload:settings")
    base = {
        "effective_minutes": "75000",
        "rounding": "threshold",
        "round_up_from": "0,3",
        "pj_preset": "depkeu",
        "custom_lower_bounds": "",
    }

    assert client.post(url, base).status_code == 302
    saved = WorkloadSettings.objects.get()
    assert (saved.rounding, saved.round_up_from, saved.pj_preset) == (
        "threshold",
        Decimal("0.30"),
        "depkeu",
    )
    page = client.get(reverse("workload:unit", args=[world.root.id])).content.decode()
    assert "Dibulatkan ke atas bila pecahan paling sedikit 0,3" in page

    refused = client.post(url, {**base, "effective_minutes": "-5"})
    assert refused.status_code == 422
    assert 'data-field="effective_minutes"' in refused.content.decode()
