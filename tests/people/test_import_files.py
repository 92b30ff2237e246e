"""Bad files get a clear `file.*` error and change nothing; good files in every accepted
encoding and delimiter read the same."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from penata.org.models import Unit
from tests.people.test_import_support import (
    EMPLOYEE_HEADER,
    EMPLOYEE_ROWS,
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


def file_code(result):
    assert result.file_error, result.errors
    assert result.created == result.updated == result.unchanged == 0
    assert len(result.errors) == 1
    return result.errors[0]["code"]


def test_too_large_file_is_refused(settings, tmp_path, instansi):
    settings.PENATA_IMPORT_MAX_BYTES = 100
    path = write_csv(tmp_path / "units.csv", UNIT_HEADER, UNIT_ROWS * 5)
    before = fingerprint()

    result = run("units", path, instansi)

    assert file_code(result) == "file.too_large"
    assert "MB" in result.errors[0]["message"]
    assert fingerprint() == before


def test_text_file_renamed_xlsx_is_not_a_spreadsheet(tmp_path, instansi):
    path = tmp_path / "units.xlsx"
    path.write_text("Kode Unit,Nama Unit\n3372,Pemkot\n")

    assert file_code(run("units", path, instansi)) == "file.not_spreadsheet"


def test_binary_file_renamed_csv_is_not_a_spreadsheet(tmp_path, instansi):
    path = tmp_path / "units.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))

    assert file_code(run("units", path, instansi)) == "file.not_spreadsheet"


def test_zip_that_is_not_a_workbook_is_not_a_spreadsheet(tmp_path, instansi):
    path = tmp_path / "units.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    assert file_code(run("units", path, instansi)) == "file.not_spreadsheet"


def test_pdf_with_xlsx_name_is_not_a_spreadsheet(tmp_path, instansi):
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")

    assert file_code(run("employees", path, instansi)) == "file.not_spreadsheet"


def test_password_protected_workbook_is_encrypted(tmp_path, instansi):
    # An encrypted OOXML file is an OLE compound file holding EncryptionInfo and
    # EncryptedPackage streams (MS-OFFCRYPTO); its directory names are UTF-16LE.
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(50)
    directory += "EncryptedPackage".encode("utf-16-le") + bytes(50)
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(header + directory + bytes(1024))

    result = run("employees", path, instansi)

    assert file_code(result) == "file.encrypted"
    assert "kata sandi" in result.errors[0]["message"]


def _zip_bomb(path, size):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(block)
    return path


def test_zip_bomb_is_refused_by_ratio(tmp_path, instansi):
    path = _zip_bomb(tmp_path / "units.xlsx", 48 << 20)
    assert path.stat().st_size < 200_000  # ~1000× compression

    result = run("units", path, instansi)

    assert file_code(result) == "file.zip_bomb"


def test_zip_bomb_is_refused_by_total_size(settings, tmp_path, instansi):
    settings.PENATA_IMPORT_MAX_UNCOMPRESSED_BYTES = 2 << 20
    settings.PENATA_IMPORT_MAX_COMPRESSION_RATIO = 10_000
    path = _zip_bomb(tmp_path / "units.xlsx", 4 << 20)

    assert file_code(run("units", path, instansi)) == "file.zip_bomb"


def test_empty_file_has_no_header(tmp_path, instansi):
    path = tmp_path / "units.csv"
    path.write_bytes(b"")

    assert file_code(run("units", path, instansi)) == "file.no_header"


def test_blank_sheet_has_no_header(tmp_path, instansi):
    path = write_xlsx(tmp_path / "units.xlsx", [], [])

    assert file_code(run("units", path, instansi)) == "file.no_header"


def test_data_without_header_row_is_refused(tmp_path, instansi):
    path = write_xlsx(tmp_path / "units.xlsx", UNIT_ROWS[0], UNIT_ROWS[1:])

    result = run("units", path, instansi)

    assert file_code(result) == "file.no_header"
    assert "Kode Unit" in result.errors[0]["message"]


def test_missing_required_column_lists_what_was_expected(tmp_path, instansi):
    header = [h for h in UNIT_HEADER if h != "Nama Unit"]
    rows = [[v for h, v in zip(UNIT_HEADER, r, strict=True) if h != "Nama Unit"] for r in UNIT_ROWS]
    path = write_xlsx(tmp_path / "units.xlsx", header, rows)

    result = run("units", path, instansi)

    assert file_code(result) == "file.missing_columns"
    message = result.errors[0]["message"]
    assert message.startswith("Kolom wajib tidak ada: Nama Unit.")
    assert "Kode Unit, Kode Unit Induk, Nama Unit, Singkatan, Jenis Unit" in message


def test_unknown_column_lists_what_was_expected(tmp_path, instansi):
    path = write_xlsx(
        tmp_path / "units.xlsx",
        [*UNIT_HEADER, "Alamat Kantor"],
        [[*r, "Jl. Slamet Riyadi"] for r in UNIT_ROWS],
    )

    result = run("units", path, instansi)

    assert file_code(result) == "file.unknown_columns"
    assert result.errors[0]["message"].startswith("Kolom tidak dikenal: Alamat Kantor.")
    assert "Kolom yang dikenal: Kode Unit" in result.errors[0]["message"]
    assert Unit.objects.count() == 0


def test_repeated_column_is_refused(tmp_path, instansi):
    path = write_xlsx(
        tmp_path / "units.xlsx", [*UNIT_HEADER, "Nama Unit"], [[*r, "x"] for r in UNIT_ROWS]
    )

    assert file_code(run("units", path, instansi)) == "file.duplicate_columns"


def test_header_names_ignore_case_spacing_and_punctuation(tmp_path, instansi):
    header = ["KODE UNIT", "kode  unit induk", "Nama unit", "jenis_unit", "URUTAN"]
    path = write_xlsx(tmp_path / "units.xlsx", header, UNIT_ROWS)

    result = run("units", path, instansi)

    assert (result.errors, result.created) == ([], 3)


def test_header_below_blank_rows_keeps_spreadsheet_row_numbers(tmp_path, instansi):
    path = write_xlsx(
        tmp_path / "units.xlsx",
        [],
        [[], UNIT_HEADER, *UNIT_ROWS[:1], ["3372.09", "", "", "Dinas", 1]],
    )

    result = run("units", path, instansi)

    # Header on row 3; the bad unit on row 5.
    assert codes(result) == [(5, "Nama Unit", "cell.required")]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("utf-8-sig", ";"),
        ("cp1252", ";"),
        ("cp1252", ","),
    ],
)
def test_csv_encodings_and_delimiters_read_the_same(tmp_path, instansi, encoding, delimiter):
    rows = [list(r) for r in UNIT_ROWS]
    rows[2][2] = "Bagian Organisasi – Tata Laksana, Kinerja & Reformasi Birokrasi"  # en dash, comma
    path = write_csv(
        tmp_path / "units.csv", UNIT_HEADER, rows, encoding=encoding, delimiter=delimiter
    )

    result = run("units", path, instansi)

    assert (result.errors, result.created) == ([], 3)
    assert Unit.objects.get(code="3372.01.02").name == rows[2][2]


def test_cli_exit_status_two_for_unreadable_file(tmp_path, instansi):
    path = tmp_path / "pegawai.xlsx"
    path.write_text("bukan excel")
    out = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import", "employees", str(path), "--format", "json", stdout=out)

    assert raised.value.returncode == 2
    import json

    summary = json.loads(out.getvalue())
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 0, 0)
    assert [e["code"] for e in summary["errors"]] == ["file.not_spreadsheet"]


def test_cli_exit_status_one_for_invalid_rows_and_zero_for_dry_run(tmp_path, instansi):
    load_structure(tmp_path, instansi)
    bad = [list(r) for r in EMPLOYEE_ROWS]
    bad[1][0] = "19900115201903200"  # 17 digits
    good_path = write_xlsx(tmp_path / "good.xlsx", EMPLOYEE_HEADER, EMPLOYEE_ROWS)
    bad_path = write_xlsx(tmp_path / "bad.xlsx", EMPLOYEE_HEADER, bad)
    out = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import", "employees", str(bad_path), stdout=out)
    assert raised.value.returncode == 1
    assert "baris 3, kolom NIP: NIP harus 18 digit, bukan 17 digit. [nip.length]" in out.getvalue()

    out = io.StringIO()
    call_command("import", "employees", str(good_path), "--dry-run", "--format", "json", stdout=out)
    import json

    summary = json.loads(out.getvalue())
    assert (summary["created"], summary["updated"], summary["unchanged"], summary["errors"]) == (
        3,
        0,
        0,
        [],
    )
    assert summary["dry_run"] is True and summary["applied"] is False


def test_cli_process_exit_codes(tmp_path):
    """The real `penata` process: exit status 2 for an unreadable file (no DB needed before
    the instansi check fails → status 2 as well)."""
    path = tmp_path / "units.xlsx"
    path.write_text("teks biasa")
    env_db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    import os

    env = {**os.environ, "DATABASE_URL": env_db, "PENATA_VAR_DIR": str(tmp_path / "var")}
    penata = [sys.executable, "-m", "penata"]
    subprocess.run([*penata, "migrate", "-v0"], env=env, check=True, timeout=120)
    missing = subprocess.run(
        [*penata, "import", "units", str(path)], env=env, capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2
    assert "Instansi berkode 3372 tidak ada" in missing.stderr
    subprocess.run(
        [
            *penata,
            "shell",
            "-c",
            "from penata.org.models import Instansi; Instansi.objects.create(code='3372', name='Kota Surakarta')",
        ],
        env=env,
        check=True,
        timeout=60,
    )
    bad_file = subprocess.run(
        [*penata, "import", "units", str(path)], env=env, capture_output=True, text=True, timeout=60
    )
    assert bad_file.returncode == 2
    assert "bukan lembar kerja" in bad_file.stderr
