"""Row problems: every code, reported with its spreadsheet row and column, all of them at
once, and nothing written when any row is bad."""

from __future__ import annotations

import datetime as dt

import pytest

from penata.org.models import Duty, Position, Unit
from penata.people.models import Assignment, Employee
from tests.people.test_import_support import (
    DUTY_HEADER,
    EMPLOYEE_HEADER,
    EMPLOYEE_ROWS,
    POSITION_HEADER,
    UNIT_HEADER,
    UNIT_ROWS,
    codes,
    fingerprint,
    load_structure,
    run,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def employees_with(tmp_path, instansi, changes, *, header=EMPLOYEE_HEADER):
    """EMPLOYEE_ROWS with `changes` = {(row index, column title): value} applied."""
    load_structure(tmp_path, instansi)
    rows = [list(r) for r in EMPLOYEE_ROWS]
    for (index, title), value in changes.items():
        rows[index][header.index(title)] = value
    return write_xlsx(tmp_path / "pegawai.xlsx", header, rows)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({(0, "Nama"): ""}, [(2, "Nama", "cell.required")]),
        ({(0, "NIP"): "19860926201505100"}, [(2, "NIP", "nip.length")]),
        ({(0, "NIP"): "1986092620150510O1"}, [(2, "NIP", "nip.not_digits")]),
        ({(0, "NIP"): 198609262015051001}, [(2, "NIP", "nip.numeric_cell")]),
        ({(0, "NIP"): "198613262015051001"}, [(2, "NIP", "nip.birth_date")]),
        ({(0, "NIP"): "198609262015053001"}, [(2, "NIP", "nip.sex_digit")]),
        ({(0, "Tanggal Lahir"): "1986-09-27"}, [(2, "Tanggal Lahir", "nip.birth_date_mismatch")]),
        ({(1, "Jenis Kelamin"): "Laki-laki"}, [(3, "Jenis Kelamin", "nip.sex_mismatch")]),
        ({(0, "Tanggal Lahir"): "31-02-1986"}, [(2, "Tanggal Lahir", "cell.date")]),
        ({(0, "Golongan"): "V/a"}, [(2, "Golongan", "golongan.invalid")]),
        ({(2, "Golongan"): "III/a"}, [(4, "Golongan", "golongan.invalid")]),  # PPPK scheme
        ({(0, "Jenis Pegawai"): "Honorer"}, [(2, "Jenis Pegawai", "cell.choice")]),
        ({(0, "Pendidikan"): "Pesantren"}, [(2, "Pendidikan", "cell.choice")]),
        (
            {(0, "Nama Jabatan"): "Kepala Dinas Antah"},
            [(2, "Nama Jabatan", "ref.unknown_position")],
        ),
        ({(0, "Kode Unit"): ""}, [(2, "Kode Unit", "cell.required")]),
        ({(0, "TMT Jabatan"): ""}, [(2, "TMT Jabatan", "cell.required")]),
        (
            {
                (1, "NIP"): "19860926 201505 1 001",
                (1, "Tanggal Lahir"): "",
                (1, "Jenis Kelamin"): "",
            },
            [(3, "NIP", "row.duplicate_key")],
        ),
    ],
)
def test_employee_row_problem(tmp_path, instansi, changes, expected):
    path = employees_with(tmp_path, instansi, changes)
    before = fingerprint()

    result = run("employees", path, instansi)

    assert codes(result) == expected
    assert all(e["message"] for e in result.errors)
    assert not result.applied
    assert fingerprint() == before


def test_nik_email_length_and_assignment_problems(tmp_path, instansi):
    header = [*EMPLOYEE_HEADER, "NIK", "Surel", "Gelar Depan"]
    load_structure(tmp_path, instansi)
    rows = [
        [*EMPLOYEE_ROWS[0], "33720226098600", "budi@", "dr."],
        [*EMPLOYEE_ROWS[1], 3372025501900003, "siti@surakarta.go.id", "x" * 41],
        [*EMPLOYEE_ROWS[2], "3372025205950001", "", ""],
    ]
    path = write_xlsx(tmp_path / "pegawai.xlsx", header, rows)

    result = run("employees", path, instansi)

    assert codes(result) == [
        (2, "Surel", "cell.email"),
        (2, "NIK", "nik.length"),
        (3, "NIK", "nik.numeric_cell"),
        (3, "Gelar Depan", "cell.too_long"),
    ]
    assert Employee.objects.count() == 0


def test_every_problem_of_every_row_is_reported(tmp_path, instansi):
    path = employees_with(
        tmp_path,
        instansi,
        {
            (0, "NIP"): "123",
            (0, "Golongan"): "Z",
            (0, "Tanggal Lahir"): "kemarin",
            (2, "Nama"): "",
            (2, "Pendidikan"): "TK",
        },
    )

    result = run("employees", path, instansi)

    assert codes(result) == [
        (2, "Tanggal Lahir", "cell.date"),
        (2, "NIP", "nip.length"),
        (2, "Golongan", "golongan.invalid"),
        (4, "Nama", "cell.required"),
        (4, "Pendidikan", "cell.choice"),
    ]
    assert result.errors[1]["message"] == "NIP harus 18 digit, bukan 3 digit."


def test_one_bad_row_among_good_ones_writes_nothing(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    rows = [list(r) for r in EMPLOYEE_ROWS]
    rows.append(["198001012005011002", "Agus", "1980-01-01", "L", "PNS", "IV/f", "S2", "", "", ""])
    path = write_xlsx(tmp_path / "pegawai.xlsx", EMPLOYEE_HEADER, rows)
    before = fingerprint()
    counts = (Employee.objects.count(), Assignment.objects.count())

    result = run("employees", path, instansi)

    assert codes(result) == [(5, "Golongan", "golongan.invalid")]
    assert (result.created, result.applied) == (3, False)
    assert (Employee.objects.count(), Assignment.objects.count()) == counts == (0, 0)
    assert fingerprint() == before


def test_unit_problems(tmp_path, instansi):
    rows = [
        *UNIT_ROWS,
        ["3372.02", "3372.99", "Dinas Lama", "Dinas", 1],  # unknown parent
        ["3372.03", "3372.03", "Dinas Cermin", "Dinas", 1],  # own parent
        ["3372.04", "3372.05", "Dinas A", "Dinas", 1],  # A ↔ B loop
        ["3372.05", "3372.04", "Dinas B", "Dinas", 1],
        ["3372.01", "3372", "Sekretariat Daerah", "Sekretariat Daerah", 1],  # repeated code
        ["3372.06", "3372", "Dinas Baru", "Kantor", "satu"],  # bad kind, bad number
        ["3372.07", "3372", "Dinas C", "Dinas", -1],
    ]
    path = write_csv(tmp_path / "units.csv", UNIT_HEADER, rows, delimiter=";")

    result = run("units", path, instansi)

    assert codes(result) == [
        (6, "Kode Unit Induk", "unit.parent_self"),
        (9, "Kode Unit", "row.duplicate_key"),
        (10, "Jenis Unit", "cell.choice"),
        (10, "Urutan", "cell.number"),
        (11, "Urutan", "cell.range"),
        (5, "Kode Unit Induk", "ref.unknown_unit"),
        (7, "Kode Unit Induk", "unit.cycle"),
        (8, "Kode Unit Induk", "unit.cycle"),
    ]
    assert Unit.objects.count() == 0


def test_moving_a_unit_under_its_own_descendant_is_a_cycle(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    path = write_xlsx(
        tmp_path / "move.xlsx",
        UNIT_HEADER,
        [["3372.01", "3372.01.02", "Sekretariat Daerah", "Sekretariat Daerah", 1]],
    )
    before = fingerprint()

    result = run("units", path, instansi)

    assert codes(result) == [(2, "Kode Unit Induk", "unit.cycle")]
    assert fingerprint() == before


def test_position_problems(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    rows = [
        ["3372.01.02", "Kepala Bagian Organisasi", "Administrator", "", 18, "", "", "Ya"],
        ["3372.09", "Analis", "Fungsional", "Ahli Muda", 9, "", "", ""],
        ["3372.01.02", "Pengelola Data", "Pelaksana", "Ahli Muda", 5, "3372.01.02", "", ""],
        ["3372.01.02", "Penelaah", "Pelaksana", "", 7, "3372.01.02", "Penelaah", ""],
        [
            "3372.01.02",
            "Pengadministrasi",
            "Pelaksana",
            "",
            5,
            "3372.01.02",
            "Kepala Seksi Hilang",
            "mungkin",
        ],
    ]
    path = write_xlsx(tmp_path / "positions.xlsx", POSITION_HEADER, rows)
    before = fingerprint()

    result = run("positions", path, instansi)

    assert codes(result) == [
        (2, "Kelas Jabatan", "cell.range"),
        (4, "Jabatan Atasan", "cell.required"),
        (4, "Jenjang JF", "position.jenjang_not_fungsional"),
        (5, "Jabatan Atasan", "position.reports_to_self"),
        (6, "Kepala Unit", "cell.choice"),
        (3, "Kode Unit", "ref.unknown_unit"),
    ]
    assert fingerprint() == before


def test_positions_reporting_in_a_loop_are_refused(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    rows = [
        [
            "3372.01.02",
            "Kepala Bagian Organisasi",
            "Administrator",
            "",
            11,
            "3372.01.02",
            "Penata Layanan Operasional",
            "Ya",
        ],
    ]
    path = write_xlsx(tmp_path / "positions.xlsx", POSITION_HEADER, rows)

    result = run("positions", path, instansi)

    assert codes(result) == [(2, "Jabatan Atasan", "position.cycle")]


def test_duty_problems(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    rows = [
        [
            "3372.01.02",
            "Analis Kelembagaan Ahli Muda",
            "Menyusun evaluasi",
            "Dokumen",
            "dua",
            "Tahun",
            300,
        ],
        [
            "3372.01.02",
            "Analis Kelembagaan Ahli Muda",
            "Menyusun  evaluasi",
            "Dokumen",
            2,
            "Tahun",
            300,
        ],
        ["3372.01.02", "Jabatan Hilang", "Menyusun laporan", "Laporan", 1, "Tahun", 60],
        ["3372.01.02", "Analis Kelembagaan Ahli Muda", "Mengolah data", "Laporan", 1, "Windu", -5],
        ["3372.01.02", "Analis Kelembagaan Ahli Muda", "Rapat", "Kali", 1e13, "Tahun", 60],
    ]
    path = write_xlsx(tmp_path / "duties.xlsx", DUTY_HEADER, rows)

    result = run("duties", path, instansi)

    assert codes(result) == [
        (2, "Volume", "cell.number"),
        (3, "Uraian Tugas", "row.duplicate_key"),
        (5, "Periode", "cell.choice"),
        (5, "Norma Waktu (menit)", "cell.range"),
        (6, "Volume", "cell.range"),
        (4, "Nama Jabatan", "ref.unknown_position"),
    ]
    assert Duty.objects.count() == 0


def test_new_position_before_current_one_is_refused(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    run("employees", write_xlsx(tmp_path / "first.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS), instansi)
    moved = list(EMPLOYEE_ROWS[0])
    moved[8], moved[9] = "Analis Kelembagaan Ahli Muda", dt.date(2022, 12, 1)  # before 2023-01-02
    path = write_xlsx(tmp_path / "move.xlsx", EMPLOYEE_HEADER, [moved])
    before = fingerprint()

    result = run("employees", path, instansi)

    assert codes(result) == [(2, "TMT Jabatan", "assignment.start_before_current")]
    assert fingerprint() == before


def test_references_to_rows_that_failed_are_not_reported_twice(tmp_path, instansi):
    rows = [
        ["3372", "", "", "Pemerintah Daerah", 1],
        ["3372.01", "3372", "Setda", "Sekretariat Daerah", 1],
    ]
    path = write_xlsx(tmp_path / "units.xlsx", UNIT_HEADER, rows)

    result = run("units", path, instansi)

    assert codes(result) == [(2, "Nama Unit", "cell.required")]


def test_error_limit_counts_the_rest(settings, tmp_path, instansi):
    settings.PENATA_IMPORT_MAX_ERRORS = 2
    rows = [[f"U{i}", "", "", "Dinas", 1] for i in range(5)]
    path = write_xlsx(tmp_path / "units.xlsx", UNIT_HEADER, rows)

    result = run("units", path, instansi)

    assert len(result.errors) == 2
    assert result.errors_omitted == 3
    assert not result.is_valid
    assert Position.objects.count() == 0
