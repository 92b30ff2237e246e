"""Dictionary, standards (set, copy, import) and assessments, gaps and JPM via services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
import xlsxwriter

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.learning import selectors, services
from penata.learning.models import (
    Competency,
    CompetencyLevel,
    CompetencyStandard,
    EmployeeCompetency,
)
from tests.factories import PositionFactory

STANDARD = {"integritas": 3, "kerja_sama": 3, "komunikasi": 2, "pelayanan_publik": 3}


def test_dictionary_has_nine_competencies_with_five_levels_and_is_idempotent(city):
    assert Competency.objects.filter(instansi=city.instansi).count() == 9
    assert CompetencyLevel.objects.filter(competency__instansi=city.instansi).count() == 45
    integritas = Competency.objects.get(instansi=city.instansi, code="integritas")
    assert integritas.levels.get(level=1).description.startswith("Mampu bertindak sesuai")
    assert services.dictionary_seed(actor=city.admin, instansi=city.instansi) == 0


def test_technical_competency_is_added_by_admin_only(city):
    with pytest.raises(PermissionDenied):
        services.competency_create(actor=city.pegawai, instansi=city.instansi, code="x", name="X")
    c = services.competency_create(
        actor=city.admin,
        instansi=city.instansi,
        code="Pengelolaan_Pengaduan",
        name="Pengelolaan Pengaduan",
        levels=["Dasar", "Menengah"],
    )
    assert (c.code, c.kind, c.levels.count()) == ("pengelolaan_pengaduan", "teknis", 2)
    with pytest.raises(ValidationFailed) as caught:
        services.competency_create(
            actor=city.admin, instansi=city.instansi, code="pengelolaan_pengaduan", name="Lagi"
        )
    assert caught.value.code == "learning.competency_exists"


def test_gap_and_jpm_against_a_hand_computed_case(city):
    services.standard_set(actor=city.admin, position=city.staff_position, levels=STANDARD)
    employee = city.pegawai.employee
    services.assessment_record(
        actor=city.admin,
        employee=employee,
        source="assessment_centre",
        assessed_on=dt.date(2026, 3, 1),
        levels={"integritas": 4, "kerja_sama": 2, "komunikasi": 2},
    )
    gaps = selectors.employee_gaps(employee)
    assert [(r.competency.code, r.required, r.actual, r.gap) for r in gaps.rows] == [
        ("integritas", 3, 4, -1),
        ("kerja_sama", 3, 2, 1),
        ("komunikasi", 2, 2, 0),
        ("pelayanan_publik", 3, None, 3),
    ]
    # min(4,3) + min(2,3) + min(2,2) + 0 = 7 of 11 → 63.64 %
    assert gaps.jpm == D("63.64")


def test_later_assessment_wins_earlier_does_not_override_and_self_is_not_applied(city):
    employee = city.pegawai.employee
    services.assessment_record(
        actor=city.admin,
        employee=employee,
        source="assessment_centre",
        assessed_on=dt.date(2026, 3, 1),
        levels={"integritas": 3},
    )
    services.assessment_record(
        actor=city.atasan,
        employee=employee,
        source="supervisor",
        assessed_on=dt.date(2025, 3, 1),
        levels={"integritas": 1},
    )
    services.assessment_record(
        actor=city.pegawai,
        employee=employee,
        source="self",
        assessed_on=dt.date(2026, 4, 1),
        levels={"integritas": 5},
    )
    row = EmployeeCompetency.objects.get(employee=employee, competency__code="integritas")
    assert (row.level, row.source, row.as_of) == (3, "assessment_centre", dt.date(2026, 3, 1))


def test_assessment_permissions_change_nothing_when_refused(city):
    employee = city.pegawai.employee
    for actor, source in (
        (city.rekan, "self"),
        (city.rekan, "supervisor"),
        (city.atasan, "assessment_centre"),
    ):
        with pytest.raises(PermissionDenied):
            services.assessment_record(
                actor=actor,
                employee=employee,
                source=source,
                assessed_on=dt.date(2026, 1, 5),
                levels={"integritas": 2},
            )
    assert not EmployeeCompetency.objects.filter(employee=employee).exists()
    with pytest.raises(ValidationFailed) as caught:
        services.assessment_record(
            actor=city.admin,
            employee=employee,
            source="assessment_centre",
            assessed_on=dt.date(2026, 1, 5),
            levels={"integritas": 6},
        )
    assert caught.value.code == "learning.level"


def test_standard_copy_to_similar_positions(city):
    services.standard_set(actor=city.admin, position=city.staff_position, levels=STANDARD)
    twin = PositionFactory(unit=city.other_unit, title="Penata Layanan", kind="pelaksana")
    services.standard_set(actor=city.admin, position=twin, levels={"perekat_bangsa": 5})
    assert (
        services.standard_copy(
            actor=city.admin, source=city.staff_position, targets=[twin, city.staff_position]
        )
        == 1
    )
    assert selectors.standards_of([twin.pk])[twin.pk] == STANDARD
    assert AuditEvent.objects.filter(action="learning.standard_copy").count() == 1


def _xlsx(path, rows):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate([("id_jabatan", "kode_kompetensi", "level"), *rows]):
        sheet.write_row(r, 0, row)
    book.close()
    return path


def test_standard_import_is_all_or_nothing_and_idempotent(city, tmp_path):
    pid = city.staff_position.pk
    bad = _xlsx(tmp_path / "bad.xlsx", [(pid, "integritas", 3), (pid, "kerja_sama", 7)])
    with pytest.raises(ValidationFailed) as caught:
        services.standard_import(actor=city.admin, instansi=city.instansi, path=bad)
    assert caught.value.extra == {"row": 3, "column": "level"}
    assert not CompetencyStandard.objects.exists()
    good = _xlsx(tmp_path / "good.xlsx", [(pid, "integritas", 3), (pid, "Kerja_Sama", 2)])
    assert services.standard_import(actor=city.admin, instansi=city.instansi, path=good) == {
        "positions": 1,
        "changed": 1,
    }
    assert selectors.standards_of([pid])[pid] == {"integritas": 3, "kerja_sama": 2}
    events = AuditEvent.objects.count()
    assert services.standard_import(actor=city.admin, instansi=city.instansi, path=good) == {
        "positions": 1,
        "changed": 0,
    }
    assert AuditEvent.objects.count() == events


def test_gap_overview_of_unit_and_city(city):
    services.standard_set(actor=city.admin, position=city.staff_position, levels=STANDARD)
    services.assessment_record(
        actor=city.admin,
        employee=city.pegawai.employee,
        source="assessment_centre",
        assessed_on=dt.date(2026, 3, 1),
        levels={"integritas": 3, "kerja_sama": 3, "komunikasi": 2, "pelayanan_publik": 1},
    )
    overview = selectors.gap_overview(city.kadis, city.instansi)
    # kadis sees the 4 people of Dinas Kesehatan; only the two staff have a standard.
    assert (overview.employees, overview.without_standard) == (4, 2)
    top = overview.by_competency[0]
    assert (top.competency.code, top.measured, top.below, top.shortfall) == (
        "pelayanan_publik",
        2,
        2,
        5,
    )
    assert [(e.name, total) for e, _, total, _ in overview.largest] == [
        ("Rekan", 11),
        ("Pegawai", 2),
    ]
    with pytest.raises(PermissionDenied):
        selectors.gap_overview(city.pegawai, city.instansi)
