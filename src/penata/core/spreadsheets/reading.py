"""Open an uploaded spreadsheet behind guards, and hand back its header and rows.

Guards, each with its own error code (docs/import.md lists them):
- `file.too_large`    — bigger than `settings.PENATA_IMPORT_MAX_BYTES` (default 20 MB);
- `file.not_spreadsheet` — neither an xlsx/xls workbook (by its magic bytes) nor text CSV;
- `file.encrypted`    — a password-protected workbook (OOXML encryption wraps the package in
  an OLE compound file with an `EncryptionInfo` stream);
- `file.zip_bomb`     — the zip's central directory declares more uncompressed bytes than
  `PENATA_IMPORT_MAX_UNCOMPRESSED_BYTES`, or a compression ratio above
  `PENATA_IMPORT_MAX_COMPRESSION_RATIO`;
- `file.no_header`    — no row with any text at all (the engine also uses this code when the
  first row names none of the expected columns).
The type is decided by content, not by the file name: a text file renamed `.xlsx` is refused.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from penata.core.errors import ApplicationError
from penata.core.numbers import format_number

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names of an encrypted OOXML package inside its OLE container (MS-OFFCRYPTO 2.3.4),
# as they appear in the OLE directory (UTF-16LE).
_OLE_ENCRYPTION_MARKERS = (
    "EncryptionInfo".encode("utf-16-le"),
    "EncryptedPackage".encode("utf-16-le"),
)
_TEXT_SUFFIXES = {".csv", ".txt"}

DEFAULT_MAX_UNCOMPRESSED = 1024 * 1024 * 1024
DEFAULT_MAX_RATIO = 200
# Ratios are only meaningful for archives that expand to something sizeable.
_RATIO_FLOOR_BYTES = 10 * 1024 * 1024


class SheetError(ApplicationError):
    """The file itself cannot be read as a table (not a row problem). Code `file.*`."""

    status_code = 400


@dataclass
class Table:
    """Rows of the first worksheet: `header` (row `header_row`) and the data rows after it.

    `rows()` yields `(spreadsheet row number, cells)`; numbers count from 1 like Excel.
    """

    header: list[str]
    header_row: int
    total_rows: int
    source: str
    _rows: Iterator[list[Cell]] = field(repr=False, default_factory=lambda: iter(()))
    _next_row: int = 0

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        number = self._next_row
        for cells in self._rows:
            number += 1
            yield number, cells


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def open_table(path: str | Path) -> Table:
    """Open `path` (xlsx, xls or csv) and find its header row; raise SheetError on bad files."""
    path = Path(path)
    size = path.stat().st_size
    max_bytes = _limit("PENATA_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
    if size > max_bytes:
        raise SheetError(
            "file.too_large",
            f"Berkas terlalu besar ({format_number(size / 1048576, 1)} MB); batasnya "
            f"{format_number(max_bytes / 1048576, 0)} MB. Pecah berkas menjadi beberapa bagian.",
            {"size": size, "limit": max_bytes},
        )
    if size == 0:
        if path.suffix.lower() in _TEXT_SUFFIXES:
            raise _no_header()
        raise _not_spreadsheet(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, size)
        return _open_workbook(path, "xlsx")
    if head.startswith(OLE_MAGIC):
        data = path.read_bytes()
        if any(marker in data for marker in _OLE_ENCRYPTION_MARKERS):
            raise _encrypted()
        return _open_workbook(path, "xls")
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return _open_csv(path)
    raise _not_spreadsheet(path)


def _not_spreadsheet(path: Path) -> SheetError:
    return SheetError(
        "file.not_spreadsheet",
        f"Berkas {path.name} bukan lembar kerja yang dapat dibaca. Unggah berkas Excel (.xlsx) "
        "atau CSV.",
    )


def _encrypted() -> SheetError:
    return SheetError(
        "file.encrypted",
        "Berkas Excel dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
        "(File › Info › Protect Workbook), simpan, lalu unggah lagi.",
    )


def _check_zip(path: Path, size: int) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _not_spreadsheet(path) from exc
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise _not_spreadsheet(path)
    declared = sum(m.file_size for m in members)
    max_total = _limit("PENATA_IMPORT_MAX_UNCOMPRESSED_BYTES", DEFAULT_MAX_UNCOMPRESSED)
    max_ratio = _limit("PENATA_IMPORT_MAX_COMPRESSION_RATIO", DEFAULT_MAX_RATIO)
    ratio = declared / max(size, 1)
    if declared > max_total or (declared > _RATIO_FLOOR_BYTES and ratio > max_ratio):
        raise SheetError(
            "file.zip_bomb",
            f"Isi berkas Excel mengembang menjadi {format_number(declared / 1048576, 0)} MB "
            f"({format_number(ratio, 0)} kali ukuran berkas); batasnya "
            f"{format_number(max_total / 1048576, 0)} MB dan {format_number(max_ratio)} kali. "
            "Berkas ini ditolak demi keamanan server.",
            {"uncompressed": declared, "ratio": round(ratio, 1)},
        )


def _open_workbook(path: Path, kind: str) -> Table:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        total = sheet.total_height
        rows = sheet.iter_rows()
    except PasswordError as exc:
        raise _encrypted() from exc
    except (CalamineError, ValueError, OSError) as exc:
        raise _not_spreadsheet(path) from exc
    return _with_header(iter(rows), total, kind)


def _with_header(rows: Iterator[list[Any]], total: int, source: str) -> Table:
    for number, cells in enumerate(rows, start=1):
        if any(c not in ("", None) for c in cells):
            header = [_header_text(c) for c in cells]
            return Table(header, number, total, source, rows, number)
    raise _no_header()


def _no_header() -> SheetError:
    return SheetError(
        "file.no_header",
        "Berkas tidak memiliki baris judul kolom: lembar pertama kosong.",
    )


def _header_text(cell: Any) -> str:
    if isinstance(cell, str):
        return " ".join(cell.split())
    if cell in ("", None):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; Windows-1252 for files saved by older Excel."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _open_csv(path: Path) -> Table:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise _not_spreadsheet(path)
    text = _decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    total = text.count("\n") + (0 if text.endswith("\n") else 1)
    try:
        return _with_header(_csv_rows(reader, path), total, "csv")
    except csv.Error as exc:
        raise _not_spreadsheet(path) from exc


def _csv_rows(reader: Any, path: Path) -> Iterator[list[Any]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise _not_spreadsheet(path) from exc
