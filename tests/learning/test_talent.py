"""9-box placement via services (with and without an SKP), talent pool and succession."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from penata.core.errors import PermissionDenied
from penata.learning import adapters, selectors, services
from penata.learning.models import TalentPlacement
from penata.performance.models import Skp

YEAR = 2025


def skp(employee, position, predikat):
    return Skp.objects.create(
        instansi=employee.instansi,
        employee=employee,
        year=YEAR,
        position=position,
        unit=position.unit,
        start=dt.date(YEAR, 1, 1),
        end=dt.date(YEAR, 12, 31),
        frequency="quarterly",
        predikat=predikat,
    )


def assess(city, user, levels, potential=None):
    return services.assessment_record(
        actor=city.admin,
        employee=user.employee,
        source="assessment_centre",
        assessed_on=dt.date(YEAR, 3, 1),
        levels=levels,
        potential_score=potential,
    )


def test_adapter_returns_none_without_an_skp(city):
    assert adapters.skp_predikat(city.pegawai.employee.pk, YEAR) is None
    skp(city.pegawai.employee, city.staff_position, "baik")
    assert adapters.skp_predikat(city.pegawai.employee.pk, YEAR) == "baik"


def test_nine_box_from_predikat_alone_and_potential(city):
    services.standard_set(
        actor=city.admin,
        position=city.staff_position,
        levels={"integritas": 3, "pelayanan_publik": 3},
    )
    # Baik with potential 85 → sesuai × tinggi = 8 (not 9: Baik is "sesuai ekspektasi").
    skp(city.pegawai.employee, city.staff_position, "baik")
    assess(city, city.pegawai, {"integritas": 3}, potential=D(85))
    # Sangat Baik, no potential score: JPM 3+3 of 6 = 100 → tinggi → 9.
    skp(city.rekan.employee, city.staff_position, "sangat_baik")
    assess(city, city.rekan, {"integritas": 3, "pelayanan_publik": 3})
    # Butuh perbaikan with potential exactly 60 → di bawah × menengah = 3.
    skp(city.atasan.employee, city.supervisor_position, "butuh_perbaikan")
    assess(city, city.atasan, {"integritas": 2}, potential=D(60))
    # Kadis: SKP but no potential at all (no standard for the head position) → skipped.
    skp(city.kadis.employee, city.head_position, "sangat_baik")
    with pytest.raises(PermissionDenied):
        services.talent_place(actor=city.kadis, instansi=city.instansi, year=YEAR)
    summary = services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR)
    assert summary == {"placed": 3, "no_predikat": 1, "no_potential": 1}
    boxes = dict(TalentPlacement.objects.values_list("employee__name", "box"))
    assert boxes == {"Pegawai": 8, "Rekan": 9, "Atasan": 3}
    grid = selectors.nine_box_grid(selectors.placements(city.kadis, city.instansi, YEAR))
    assert {b: [p.employee.name for p in ps] for b, ps in grid.items() if ps} == {
        3: ["Atasan"],
        8: ["Pegawai"],
        9: ["Rekan"],
    }
    # Re-running is idempotent.
    assert services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR) == summary
    assert TalentPlacement.objects.count() == 3


def test_succession_ranks_pool_by_match_and_recommends_training(city):
    services.standard_set(
        actor=city.admin,
        position=city.supervisor_position,
        levels={"integritas": 4, "pengambilan_keputusan": 4},
    )
    services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code="PKA",
        name="Pelatihan Kepemimpinan Administrator",
        kind="pka",
        mode="klasikal",
        jp=D(200),
        provider="BPSDMD Jawa Tengah",
        cost=D(25000000),
        develops={"pengambilan_keputusan": 4},
    )
    for user, levels in (
        (city.pegawai, {"integritas": 4, "pengambilan_keputusan": 3}),
        (city.rekan, {"integritas": 4, "pengambilan_keputusan": 4}),
        (city.outsider, {"integritas": 2, "pengambilan_keputusan": 2}),
    ):
        assess(city, user, levels, potential=D(90))
        skp(user.employee, city.staff_position, "sangat_baik")
    assess(city, city.atasan, {"integritas": 4, "pengambilan_keputusan": 4}, potential=D(90))
    skp(city.atasan.employee, city.supervisor_position, "sangat_baik")
    services.talent_place(actor=city.admin, instansi=city.instansi, year=YEAR)
    rows = selectors.succession_list(city.instansi, city.supervisor_position, YEAR)
    # The incumbent (Atasan) is not a candidate for their own position.
    assert [(r.rank, r.employee.name, r.jpm) for r in rows] == [
        (1, "Rekan", D(100)),
        (2, "Pegawai", D("87.5")),
        (3, "Luar", D(50)),
    ]
    assert [p.code for p in rows[1].recommended] == ["PKA"]
    assert [(g.code, g.shortfall) for g in rows[1].gaps] == [("pengambilan_keputusan", 1)]
    # Short-listed candidates get the position's requirements as training needs.
    targets = selectors.succession_targets(city.instansi, YEAR)
    assert city.supervisor_position in [p for p, _ in targets[city.pegawai.employee.pk]]


def test_training_plan_aggregates_needs_up_to_the_jp_target(city):
    services.standard_set(
        actor=city.admin,
        position=city.staff_position,
        levels={"pelayanan_publik": 3, "komunikasi": 3},
    )
    for code, develops, jp in (
        ("PRIMA", {"pelayanan_publik": 3}, D(16)),
        ("KOM", {"komunikasi": 3}, D(8)),
    ):
        services.programme_create(
            actor=city.admin,
            instansi=city.instansi,
            code=code,
            name=code,
            kind="teknis",
            mode="klasikal",
            jp=jp,
            provider="BKPSDM",
            cost=D(500000),
            develops=develops,
        )
    assess(city, city.rekan, {"pelayanan_publik": 3, "komunikasi": 1})
    lines = selectors.training_plan(city.kadis, city.instansi, YEAR)
    # Pegawai (unassessed): both close 3 levels, KOM first (fewer JP); PRIMA would bring
    # 8 + 16 = 24 > 20 JP, so it waits. Rekan needs only KOM. Others have no standard.
    assert [(x.programme.code, x.count, x.jp, x.cost) for x in lines] == [
        ("KOM", 2, D(16), D(1000000))
    ]
