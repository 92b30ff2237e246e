"""Selectors and services of the workload app against the hand-computed world (conftest)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.org.models import Duty
from penata.workload import selectors, services
from penata.workload.models import WorkloadSettings
from tests.factories import DutyFactory, PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_unit_abk_matches_the_hand_computed_values(world):
    abk = selectors.unit_abk(world.analyst, world.root.id)

    by_title = {r.position.title: r.result for r in abk.rows}
    assert [r.position.title for r in abk.rows] == ["Analis", "Pengolah", "Arsiparis Pembantu"]
    analis = by_title["Analis"]
    assert (analis.workload_minutes, analis.need) == (Decimal(81000), Decimal("1.08"))
    assert (analis.need_rounded, analis.existing, analis.gap) == (1, 2, -1)
    assert (analis.ej, analis.pj) == (Decimal("0.54"), "D")
    pengolah = by_title["Pengolah"]
    assert (pengolah.workload_minutes, pengolah.need) == (Decimal(105000), Decimal("1.4"))
    assert (pengolah.need_rounded, pengolah.existing, pengolah.gap, pengolah.pj) == (1, 1, 0, "A")
    arsiparis = by_title["Arsiparis Pembantu"]
    assert (arsiparis.need, arsiparis.need_rounded, arsiparis.ej) == (Decimal("0.0008"), 0, None)
    t = abk.totals
    assert (t.workload_minutes, t.need, t.need_rounded, t.existing, t.gap) == (
        Decimal(186060),
        Decimal("2.4808"),
        2,
        3,
        -1,
    )
    assert t.pj == "C"
    assert t.rounding_rule.startswith("Dibulatkan ke bilangan bulat terdekat")


def test_child_unit_abk_covers_only_its_subtree(world):
    abk = selectors.unit_abk(world.analyst, world.child.id)

    assert [r.position.title for r in abk.rows] == ["Pengolah", "Arsiparis Pembantu"]
    assert abk.totals.need == Decimal("1.4008")


def test_unit_abk_query_count_does_not_grow_with_the_subtree(world, django_assert_num_queries):
    selectors.unit_abk(world.analyst, world.root.id)  # warm the actor's reach cache
    with CaptureQueriesContext(connection) as small:
        selectors.unit_abk(world.analyst, world.root.id)
    for n in range(4):
        unit = UnitFactory(instansi=world.instansi, parent=world.child, kind="bidang")
        position = PositionFactory(unit=unit, title=f"Tambahan {n}")
        DutyFactory(position=position)
        DutyFactory(position=position, sort_order=1)
    with CaptureQueriesContext(connection) as large:
        abk = selectors.unit_abk(world.analyst, world.root.id)
    assert len(abk.rows) == 7
    # unit, settings, units, positions, duties, incumbents
    assert len(small.captured_queries) == len(large.captured_queries) == 6


def test_settings_change_the_rounding_wke_and_bands(world):
    services.settings_update(
        actor=world.admin,
        instansi=world.instansi,
        effective_minutes="72000",
        rounding="ceil",
        round_up_from="0.5",
        pj_preset="custom",
        custom_lower_bounds="1,00; 0,50; 0,30; 0,20",
    )

    abk = selectors.unit_abk(world.analyst, world.root.id)
    analis = abk.rows[0].result
    assert analis.need == Decimal(81000) / Decimal(72000)  # 1.125
    assert (analis.need_rounded, analis.gap) == (2, 0)
    assert analis.ej == Decimal("0.5625") and analis.pj == "B"
    assert abk.rounding_rule == "Setiap pecahan dibulatkan ke atas."
    event = AuditEvent.objects.get(action="workload.settings_update")
    assert event.changes["rounding"] == ["half_up", "ceil"]
    assert event.changes["effective_minutes"] == [75000, 72000]


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("effective_minutes", {"effective_minutes": "0"}),
        ("rounding", {"rounding": "random"}),
        ("round_up_from", {"round_up_from": "1,5"}),
        ("custom_lower_bounds", {"pj_preset": "custom", "custom_lower_bounds": "1; 0,5"}),
        ("custom_lower_bounds", {"pj_preset": "custom", "custom_lower_bounds": "0,5; 1; 0,3; 0,2"}),
    ],
)
def test_invalid_settings_are_refused_and_nothing_changes(world, field, values):
    kwargs = {
        "effective_minutes": "75000",
        "rounding": "half_up",
        "round_up_from": "0.5",
        "pj_preset": "permendagri_12_2008",
        **values,
    }
    with pytest.raises(ValidationFailed) as refused:
        services.settings_update(actor=world.analyst, instansi=world.instansi, **kwargs)
    assert refused.value.code == "workload.settings"
    assert refused.value.extra["field"] == field
    assert not WorkloadSettings.objects.exists()
    world.instansi.refresh_from_db()
    assert world.instansi.effective_minutes == 75000


def test_settings_are_refused_to_a_unit_head(world):
    with pytest.raises(PermissionDenied):
        services.settings_update(
            actor=world.unit_head,
            instansi=world.instansi,
            effective_minutes="60000",
            rounding="floor",
            round_up_from="0.5",
            pj_preset="depkeu",
        )
    assert not WorkloadSettings.objects.exists()


def test_duty_update_by_the_analyst_saves_and_audits_before_and_after(world):
    duty = world.duties["d1"]

    services.duty_update(
        actor=world.analyst, duty=duty, volume="20", period="month", time_norm_minutes="150,5"
    )

    duty.refresh_from_db()
    assert (duty.volume, duty.period, duty.time_norm_minutes) == (
        Decimal("20.00"),
        "month",
        Decimal("150.50"),
    )
    event = AuditEvent.objects.get(action="workload.duty_update")
    assert event.changes == {
        "volume": ["10.00", "20.00"],
        "time_norm_minutes": ["300.00", "150.50"],
    }
    assert event.actor == world.analyst
    abk = selectors.unit_abk(world.analyst, world.root.id)
    assert abk.rows[0].result.workload_minutes == Decimal(20 * 12) * Decimal("150.5") + 45000


@pytest.mark.parametrize("who", ["employee_user", "unit_head", "auditor"])
def test_duty_update_is_refused_to_other_roles_and_nothing_changes(world, who):
    duty = world.duties["d1"]
    with pytest.raises(PermissionDenied):
        services.duty_update(
            actor=getattr(world, who), duty=duty, volume="99", period="day", time_norm_minutes="1"
        )
    duty.refresh_from_db()
    assert (duty.volume, duty.period, duty.time_norm_minutes) == (
        Decimal("10.00"),
        "month",
        Decimal("300.00"),
    )
    assert not AuditEvent.objects.filter(action="workload.duty_update").exists()


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"volume": "-1"}, "workload.volume", "volume"),
        ({"volume": "banyak"}, "workload.volume", "volume"),
        ({"volume": "1.234"}, "workload.volume", "volume"),
        ({"period": "century"}, "workload.period", "period"),
        ({"time_norm_minutes": "0"}, "workload.time_norm", "time_norm_minutes"),
        ({"time_norm_minutes": "NaN"}, "workload.time_norm", "time_norm_minutes"),
        ({"time_norm_minutes": ""}, "workload.time_norm", "time_norm_minutes"),
    ],
)
def test_invalid_duty_values_are_refused_by_field(world, values, code, field):
    duty = world.duties["d1"]
    kwargs = {"volume": "5", "period": "year", "time_norm_minutes": "30", **values}
    with pytest.raises(ValidationFailed) as refused:
        services.duty_update(actor=world.analyst, duty=duty, **kwargs)
    assert refused.value.code == code
    assert refused.value.extra == {"field": field}
    fresh = Duty.objects.get(pk=duty.pk)
    assert (fresh.volume, fresh.period) == (Decimal("10.00"), "month")
    assert not AuditEvent.objects.filter(action="workload.duty_update").exists()


def test_outlook_counts_retirements_in_their_year(world):
    abk = selectors.unit_abk(world.analyst, world.root.id)

    outlook = selectors.outlook_lines(abk)

    year = abk.as_of.year
    assert outlook.years == tuple(range(year, year + 5))
    analis, pengolah, arsiparis = outlook.lines
    assert analis.retirements == (0, 1, 0, 0, 0)
    assert analis.existing == (2, 1, 1, 1, 1)
    assert analis.gaps == (-1, 0, 0, 0, 0)
    assert pengolah.retirements == (0, 0, 0, 1, 0)
    assert pengolah.gaps == (0, 0, 0, 1, 1)
    assert arsiparis.gaps == (0, 0, 0, 0, 0)
    assert outlook.retirement_totals == (0, 1, 0, 1, 0)
    assert outlook.gap_totals == (-1, 0, 0, 1, 1)


def test_city_summary_groups_by_perangkat_daerah_and_kind(world):
    other = UnitFactory(instansi=world.instansi, name="Badan Lain", kind="badan")
    position = PositionFactory(unit=other, title="Penelaah", kind="pelaksana")
    DutyFactory(position=position, volume=300, period="year", time_norm_minutes=500)  # 2 need

    summary = selectors.city_summary(world.analyst)

    lines = {line.name: line for line in summary.by_unit}
    assert set(lines) == {"Dinas Uji", "Badan Lain"}
    dinas = lines["Dinas Uji"]
    assert (dinas.positions, dinas.need_rounded, dinas.existing, dinas.gap) == (3, 2, 3, -1)
    assert (dinas.shortage, dinas.surplus) == (0, 1)
    badan = lines["Badan Lain"]
    assert (badan.need_rounded, badan.existing, badan.shortage) == (2, 0, 2)
    assert [line.name for line in summary.by_unit] == ["Badan Lain", "Dinas Uji"]
    assert [(k.key, k.gap) for k in summary.by_kind] == [("pelaksana", 1)]
    ascending = selectors.city_summary(world.analyst, sort="name", descending=False)
    assert [line.name for line in ascending.by_unit] == ["Badan Lain", "Dinas Uji"]
