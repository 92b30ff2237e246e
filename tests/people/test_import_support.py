"""Builders shared by the import tests: real xlsx/csv files written into tmp_path, small valid
data sets, and a fingerprint of every table an import may write (to prove nothing changed).

(Named test_import_* so it sits with the import tests; it defines no tests itself.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import xlsxwriter

from penata.core.models import AuditEvent
from penata.org.models import Duty, Position, Unit
from penata.people.imports.engine import ImportResult, run_import
from penata.people.models import Assignment, Employee

UNIT_HEADER = ["Kode Unit", "Kode Unit Induk", "Nama Unit", "Jenis Unit", "Urutan"]
UNIT_ROWS = [
    ["3372", "", "Pemerintah Kota Surakarta", "Pemerintah Daerah", 1],
    ["3372.01", "3372", "Sekretariat Daerah", "Sekretariat Daerah", 1],
    ["3372.01.02", "3372.01", "Bagian Organisasi", "Bagian", 2],
]
POSITION_HEADER = [
    "Kode Unit", "Nama Jabatan", "Jenis Jabatan", "Jenjang JF", "Kelas Jabatan",
    "Kode Unit Atasan", "Jabatan Atasan", "Kepala Unit",
]  # fmt: skip
POSITION_ROWS = [
    ["3372.01.02", "Kepala Bagian Organisasi", "Administrator", "", 11, "", "", "Ya"],
    ["3372.01.02", "Analis Kelembagaan Ahli Muda", "Fungsional", "Ahli Muda", 9,
     "3372.01.02", "Kepala Bagian Organisasi", "Tidak"],
    ["3372.01.02", "Penata Layanan Operasional", "Pelaksana", "", 9,
     "3372.01.02", "Kepala Bagian Organisasi", "Tidak"],
]  # fmt: skip
DUTY_HEADER = ["Kode Unit", "Nama Jabatan", "Uraian Tugas", "Satuan Hasil", "Volume",
               "Periode", "Norma Waktu (menit)"]  # fmt: skip
DUTY_ROWS = [
    ["3372.01.02", "Analis Kelembagaan Ahli Muda", "Menyusun evaluasi kelembagaan",
     "Dokumen", 12, "Tahun", 300],
    ["3372.01.02", "Penata Layanan Operasional", "Mengolah data kepegawaian",
     "Laporan", 2.5, "Bulan", 90.75],
]  # fmt: skip
EMPLOYEE_HEADER = [
    "NIP", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Jenis Pegawai", "Golongan",
    "Pendidikan", "Kode Unit", "Nama Jabatan", "TMT Jabatan",
]  # fmt: skip
EMPLOYEE_ROWS = [
    ["198609262015051001", "Budi Santoso", "1986-09-26", "L", "PNS", "III/c", "S-1",
     "3372.01.02", "Penata Layanan Operasional", "2023-01-02"],
    ["199001152019032003", "Siti Rahayu", "15-01-1990", "Perempuan", "PNS", "III/a", "S1",
     "3372.01.02", "Analis Kelembagaan Ahli Muda", "2023-01-02"],
    ["199505122025212042", "Rina Wulandari", "", "", "PPPK", "IX", "D-IV", "", "", ""],
]  # fmt: skip


def write_xlsx(path: Path, header: list[Any], rows: list[list[Any]]) -> Path:
    """Cells as a person would type them: text as text, dates and numbers as such."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("Data")
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date_format)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    book.close()
    return path


def write_csv(
    path: Path,
    header: list[Any],
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(kind: str, path: Path, instansi: Any, *, dry_run: bool = False) -> ImportResult:
    return run_import(kind=kind, path=path, instansi=instansi, actor=None, dry_run=dry_run)


def load_structure(tmp_path: Path, instansi: Any, *, with_duties: bool = False) -> None:
    """Units and positions of UNIT_ROWS / POSITION_ROWS, imported the real way."""
    for kind, header, rows in (
        ("units", UNIT_HEADER, UNIT_ROWS),
        ("positions", POSITION_HEADER, POSITION_ROWS),
        *([("duties", DUTY_HEADER, DUTY_ROWS)] if with_duties else []),
    ):
        result = run(kind, write_xlsx(tmp_path / f"seed-{kind}.xlsx", header, rows), instansi)
        assert result.errors == [], result.errors
        assert result.applied


def fingerprint() -> str:
    """A digest of every row of every table an import writes, plus the audit trail."""
    tables = {
        "unit": Unit.objects.order_by("id").values_list(),
        "position": Position.objects.order_by("id").values_list(),
        "duty": Duty.objects.order_by("id").values_list(),
        "employee": Employee.objects.order_by("id").values_list(),
        "assignment": Assignment.objects.order_by("id").values_list(),
        # Exports are audited too (reads, not changes): left out of the fingerprint.
        "audit": AuditEvent.objects.exclude(action__startswith="export.")
        .exclude(action="personal_data.view")
        .order_by("id")
        .values_list("id", "action"),
    }
    data = {name: [list(map(str, row)) for row in qs] for name, qs in tables.items()}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def codes(result: ImportResult) -> list[tuple[Any, str, str]]:
    """(row, column, code) of every problem, in report order."""
    return [(e["row"], e["column"], e["code"]) for e in result.errors]
