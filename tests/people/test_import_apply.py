"""Applying imports: upsert by natural key, tree paths, assignments, audit, idempotence and
the export → import round trip."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from django.utils import timezone
from python_calamine import CalamineWorkbook

from penata.core.models import AuditEvent
from penata.org.models import Duty, Position, Unit
from penata.people.imports.exporting import ExportFilters, export_to_path
from penata.people.models import Assignment, Employee
from tests.factories import (
    AssignmentFactory,
    DutyFactory,
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
)
from tests.people.test_import_support import (
    EMPLOYEE_HEADER,
    EMPLOYEE_ROWS,
    UNIT_HEADER,
    UNIT_ROWS,
    fingerprint,
    load_structure,
    run,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def test_units_with_parents_later_in_the_file_get_paths(tmp_path, instansi):
    path = write_xlsx(tmp_path / "units.xlsx", UNIT_HEADER, list(reversed(UNIT_ROWS)))

    result = run("units", path, instansi)

    assert (result.created, result.updated, result.unchanged, result.errors) == (3, 0, 0, [])
    root = Unit.objects.get(code="3372")
    setda = Unit.objects.get(code="3372.01")
    bagian = Unit.objects.get(code="3372.01.02")
    assert (root.path, root.depth, root.parent_id) == (f"{root.pk}/", 0, None)
    assert (setda.path, setda.depth, setda.parent_id) == (f"{root.pk}/{setda.pk}/", 1, root.pk)
    assert (bagian.path, bagian.depth) == (f"{root.pk}/{setda.pk}/{bagian.pk}/", 2)
    assert bagian.kind == "bagian" and bagian.sort_order == 2
    assert bagian.valid_from == timezone.localdate()  # blank "Berlaku Sejak": the import day


def test_moving_a_unit_moves_its_subtree(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    rows = [
        ["3372.02", "3372", "Dinas Pendidikan", "Dinas", 2],
        ["3372.01", "3372.02", "Sekretariat Daerah", "Sekretariat Daerah", 1],
    ]
    path = write_xlsx(tmp_path / "move.xlsx", UNIT_HEADER, rows)

    result = run("units", path, instansi)

    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert result.changes[1] == {
        "row": 3,
        "key": "3372.01",
        "action": "update",
        "fields": {"parent_code": ["3372", "3372.02"]},
    }
    ids = {u.code: u.pk for u in Unit.objects.all()}
    bagian = Unit.objects.get(code="3372.01.02")
    assert bagian.path == f"{ids['3372']}/{ids['3372.02']}/{ids['3372.01']}/{ids['3372.01.02']}/"
    assert bagian.depth == 3


def test_reimport_writes_nothing_and_reports_every_row_unchanged(tmp_path, instansi):
    load_structure(tmp_path, instansi, with_duties=True)
    path = write_xlsx(tmp_path / "pegawai.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS)
    first = run("employees", path, instansi)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    before = fingerprint()
    events = AuditEvent.objects.count()

    for kind, name in (("units", "seed-units"), ("positions", "seed-positions"),
                       ("duties", "seed-duties"), ("employees", "pegawai")):  # fmt: skip
        again = run(kind, tmp_path / f"{name}.xlsx", instansi)
        assert (again.created, again.updated, again.errors) == (0, 0, [])
        assert again.unchanged == again.rows > 0

    assert fingerprint() == before
    assert AuditEvent.objects.count() == events


def test_employee_import_sets_fields_and_assignments(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    path = write_xlsx(tmp_path / "pegawai.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS)

    result = run("employees", path, instansi)

    assert result.errors == []
    rina = Employee.objects.get(nip="199505122025212042")
    # Blank birth date and sex come from the NI PPPK.
    assert (rina.birth_date, rina.sex, rina.kind, rina.golongan, rina.education, rina.status) == (
        dt.date(1995, 5, 12), "P", "pppk", "IX", "d4", "aktif",
    )  # fmt: skip
    siti = Employee.objects.get(nip="199001152019032003")
    assert (siti.golongan, siti.education, siti.sex) == ("III/a", "s1", "P")
    held = Assignment.objects.get(employee=siti)
    assert (held.position.title, held.start, held.end, held.acting) == (
        "Analis Kelembagaan Ahli Muda", dt.date(2023, 1, 2), None, "",
    )  # fmt: skip
    assert not Assignment.objects.filter(employee=rina).exists()


def test_update_changes_only_given_fields_and_moves_position(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    run("employees", write_xlsx(tmp_path / "a.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS), instansi)
    budi = Employee.objects.get(nip="198609262015051001")
    Employee.objects.filter(pk=budi.pk).update(nik="3372022609860002", email="budi@surakarta.go.id")
    header = ["NIP", "Nama", "Jenis Pegawai", "Golongan", "Pendidikan", "Kode Unit", "Nama Jabatan",
              "TMT Jabatan", "Nomor SK"]  # fmt: skip
    rows = [["198609262015051001", "Budi Santoso", "PNS", "III/d", "S-1", "3372.01.02",
             "Analis Kelembagaan Ahli Muda", "2025-04-01", "800/77/2025"]]  # fmt: skip

    result = run("employees", write_csv(tmp_path / "b.csv", header, rows), instansi)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert result.changes[0]["fields"] == {
        "golongan": ["III/c", "III/d"],
        "position_title": ["3372.01.02 / Penata Layanan Operasional",
                           "3372.01.02 / Analis Kelembagaan Ahli Muda"],
    }  # fmt: skip
    budi.refresh_from_db()
    # Columns absent from the file keep their stored values.
    assert (budi.golongan, budi.nik, budi.email) == (
        "III/d",
        "3372022609860002",
        "budi@surakarta.go.id",
    )
    old, new = Assignment.objects.filter(employee=budi).order_by("start")
    assert (old.position.title, old.end) == ("Penata Layanan Operasional", dt.date(2025, 3, 31))
    assert (new.position.title, new.start, new.end, new.sk_number) == (
        "Analis Kelembagaan Ahli Muda", dt.date(2025, 4, 1), None, "800/77/2025",
    )  # fmt: skip


def test_import_records_one_audit_event_with_counts_and_keys(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    before = AuditEvent.objects.count()

    run(
        "employees", write_xlsx(tmp_path / "pegawai.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS), instansi
    )

    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("id")
    assert (event.action, event.object_type, event.instansi_id) == (
        "import.employees", "people.employee", instansi.pk,
    )  # fmt: skip
    summary = event.changes["_"]
    assert (summary["created"], summary["updated"], summary["unchanged"], summary["rows"]) == (
        3,
        0,
        0,
        3,
    )
    assert summary["created_keys"] == [r[0] for r in EMPLOYEE_ROWS]
    assert summary["file"] == "pegawai.xlsx" and len(summary["sha256"]) == 64


def test_dry_run_reports_changes_and_writes_nothing(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    before = fingerprint()

    result = run(
        "employees",
        write_xlsx(tmp_path / "p.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS),
        instansi,
        dry_run=True,
    )

    assert (result.created, result.dry_run, result.applied) == (3, True, False)
    assert [c["key"] for c in result.changes] == [r[0] for r in EMPLOYEE_ROWS]
    assert fingerprint() == before


def test_siasn_export_columns_are_accepted(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    header = ["PNS ID", "NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR NAMA",
              "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA NAMA", "JENIS PEGAWAI NAMA", "GOL AKHIR NAMA",
              "TMT GOLONGAN", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN NAMA", "KEDUDUKAN HUKUM NAMA",
              "UNOR NAMA", "KOLOM BARU SIASN"]  # fmt: skip
    rows = [["A8ACA7A1", "198609262015051001", "BUDI SANTOSO", "", "S.Sos.", "SURAKARTA",
             "26-09-1986", "M", "Islam", "PNS Daerah", "III/C", "01-04-2022", "S-1/Sarjana",
             "S-1 Ilmu Administrasi Negara", "Aktif", "Bagian Organisasi", "x"]]  # fmt: skip
    path = write_xlsx(tmp_path / "siasn.xlsx", header, rows)

    result = run("employees", path, instansi)

    assert (result.errors, result.created) == ([], 1)
    assert result.ignored_columns == [
        "PNS ID",
        "TEMPAT LAHIR NAMA",
        "AGAMA NAMA",
        "UNOR NAMA",
        "KOLOM BARU SIASN",
    ]
    budi = Employee.objects.get(nip="198609262015051001")
    assert (budi.name, budi.back_title, budi.sex, budi.kind, budi.golongan, budi.tmt_golongan,
            budi.education, budi.education_major) == (
        "BUDI SANTOSO", "S.Sos.", "L", "pns", "III/c", dt.date(2022, 4, 1), "s1",
        "S-1 Ilmu Administrasi Negara",
    )  # fmt: skip


@pytest.fixture
def org_data(instansi):
    """A small structure with awkward values: formulas, decimals, empty optionals, Plt."""
    root = UnitFactory(
        instansi=instansi, code="3372", name="Pemerintah Kota Surakarta", kind="pemda"
    )
    dinas = UnitFactory(
        instansi=instansi, parent=root, code="3372.05", name="=HYPERLINK(\"http://x\")", kind="dinas",
        short_name="@Disdik", legal_basis="-", region_code="33.72", sort_order=3,
    )  # fmt: skip
    head = PositionFactory(unit=dinas, title="Kepala Dinas", kind="jpt_pratama", kelas_jabatan=14,
                           eselon="IIb", is_unit_head=True, is_critical=True)  # fmt: skip
    analyst = PositionFactory(unit=dinas, title="+Analis", kind="fungsional", jf_jenjang="ahli_muda",
                              kelas_jabatan=None, reports_to=head, is_penyetaraan=True)  # fmt: skip
    DutyFactory(position=analyst, statement="Menyusun\nlaporan", volume=decimal.Decimal("2.50"),
                time_norm_minutes=decimal.Decimal("90.75"), period="month")  # fmt: skip
    DutyFactory(position=head, statement="=1+1", volume=12, time_norm_minutes=60, sort_order=2)
    one = EmployeeFactory(instansi=instansi, front_title="dr.", back_title="-M.Kes", nik="3372022609860002",
                          email="a@b.id", phone="0812", tmt_golongan=dt.date(2020, 4, 1),
                          status="tugas_belajar", kind="cpns", golongan="II/a", education="sma")  # fmt: skip
    two = EmployeeFactory(instansi=instansi, kind="pppk", golongan="IX", education="s1",
                          nip="199505122025212042", birth_date=dt.date(1995, 5, 12), sex="P")  # fmt: skip
    EmployeeFactory(instansi=instansi)
    AssignmentFactory(employee=one, position=analyst, start=dt.date(2021, 2, 1), sk_number="=800/1")
    AssignmentFactory(
        employee=two, position=head, start=dt.date(2024, 1, 5), acting="plt", sk_number=""
    )
    return instansi


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_reimports_unchanged(tmp_path, org_data, suffix):
    before = fingerprint()
    for kind in ("units", "positions", "duties", "employees"):
        path = tmp_path / f"{kind}.{suffix}"
        count = export_to_path(kind, path, instansi=org_data, include_nik=True)

        result = run(kind, path, org_data)

        assert result.errors == [], (kind, result.errors)
        assert (result.created, result.updated, result.unchanged) == (0, 0, count), kind
    # Exports are audited; nothing else changed.
    exports = AuditEvent.objects.filter(action__startswith="export.").order_by("id")
    assert list(exports.values_list("action", flat=True)) == [
        "export.units", "export.positions", "export.duties", "export.employees",
    ]  # fmt: skip
    assert fingerprint() == before


def test_export_neutralises_formula_cells(tmp_path, org_data):
    path = tmp_path / "units.xlsx"
    export_to_path("units", path, instansi=org_data)

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()

    names = {r[0]: r for r in rows[1:]}
    assert names["3372.05"][2] == '\'=HYPERLINK("http://x")'
    assert names["3372.05"][3] == "'@Disdik"
    assert names["3372.05"][8] == "'-"


def test_export_filters_and_nik(tmp_path, org_data):
    path = tmp_path / "pegawai.csv"
    count = export_to_path("employees", path, instansi=org_data, filters=ExportFilters(kind="pppk"))

    text = path.read_text(encoding="utf-8-sig")
    assert count == 1
    assert text.splitlines()[0].split(",")[:3] == ["NIP", "Nama", "Gelar Depan"]
    assert "NIK" not in text.splitlines()[0].split(",")
    assert "199505122025212042" in text
    dinas = Unit.objects.get(code="3372.05")
    assert export_to_path("positions", tmp_path / "p.csv", instansi=org_data,
                          filters=ExportFilters(unit_id=dinas.pk, q="analis")) == 1  # fmt: skip
    assert export_to_path("units", tmp_path / "u.csv", instansi=org_data,
                          filters=ExportFilters(unit_id=dinas.pk)) == 1  # fmt: skip
    assert Position.objects.count() == 2 and Duty.objects.count() == 2
